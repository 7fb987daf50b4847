package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.http.cookie.CookieJar;
import org.junit.jupiter.api.Test;

/** The session's cookie jar across requests (aiohttp's cookie tests in test_client_functional.py). */
class CookieTest {

    /** A cookie set by a response is sent with the next request to the same host. */
    @Test
    void cookiesRoundTrip() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/login")
                ? "HTTP/1.1 200 OK\r\nSet-Cookie: sid=abc; Path=/\r\nContent-Length: 0\r\n\r\n"
                : FakeServer.ok(String.valueOf(r.header("Cookie"))));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                s.get("http://h.test/login").close();
                try (ClientResponse r = s.get("http://h.test/page")) {
                    assertThat(r.text()).isEqualTo("sid=abc");
                }
                assertThat(s.cookieJar().size()).isEqualTo(1);
            }
        });
    }

    /** A host-only cookie is not sent to another host. */
    @Test
    void cookieNotSentToOtherHost() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/set")
                ? "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nContent-Length: 0\r\n\r\n"
                : FakeServer.ok(String.valueOf(r.header("Cookie"))));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                s.get("http://one.test/set").close();
                try (ClientResponse r = s.get("http://two.test/")) {
                    assertThat(r.text()).isEqualTo("null");
                }
            }
        });
    }

    /** A cookie set on a redirect response is sent with the follow-up request. */
    @Test
    void cookieFromRedirectIsUsed() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/start")
                ? "HTTP/1.1 302 Found\r\nSet-Cookie: step=1; Path=/\r\nLocation: /end\r\nContent-Length: 0\r\n\r\n"
                : FakeServer.ok(String.valueOf(r.header("Cookie"))));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h.test/start")) {
                assertThat(r.text()).isEqualTo("step=1");
            }
        });
    }

    /** Per-request cookies and the jar's cookies are sent together; a Secure cookie only over https. */
    @Test
    void requestCookiesAndSecure() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/set")
                ? "HTTP/1.1 200 OK\r\nSet-Cookie: s=1; Secure\r\nSet-Cookie: p=2\r\nContent-Length: 0\r\n\r\n"
                : FakeServer.ok(String.valueOf(r.header("Cookie"))));
        CookieJar jar = new CookieJar();
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(server).cookieJar(jar).build()) {
                s.get("https://h.test/set").close();
                try (ClientResponse r = s.get("http://h.test/x", new RequestOptions().cookie("q", "3"))) {
                    assertThat(r.text()).isEqualTo("q=3; p=2");
                }
                try (ClientResponse r = s.get("https://h.test/x")) {
                    assertThat(r.text()).contains("s=1").contains("p=2");
                }
            }
        });
        assertThat(jar.size()).isEqualTo(2);
    }
}
