package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Following redirects with RFC 9110's method, body and credential rules (aiohttp's test_client_functional.py). */
class RedirectTest {

    private static String redirect(int status, String location) {
        return "HTTP/1.1 " + status + " Moved\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
    }

    /** A 302 to a relative Location is followed; history holds the redirect. */
    @Test
    void followsRelativeRedirect() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/a/start")
                ? redirect(302, "next?x=1") : FakeServer.ok("landed " + r.head().target()));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/a/start")) {
                assertThat(r.text()).isEqualTo("landed /a/next?x=1");
                assertThat(r.url().toString()).isEqualTo("http://h/a/next?x=1");
                assertThat(r.history()).hasSize(1);
                assertThat(r.history().getFirst().status()).isEqualTo(302);
            }
        });
        assertThat(server.dials).isEqualTo(1);
    }

    /** 303 turns POST into GET and drops the body and its headers. */
    @Test
    void seeOtherBecomesGet() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/form")
                ? redirect(303, "/done") : FakeServer.ok(r.head().method()));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session();
                    ClientResponse r = s.post("http://h/form", new RequestOptions().data("payload"))) {
                assertThat(r.text()).isEqualTo("GET");
            }
        });
        ServerSide.Req second = server.requests.get(1);
        assertThat(second.body()).isEmpty();
        assertThat(second.header("Content-Type")).isNull();
        assertThat(second.header("Content-Length")).isNull();
    }

    /** 301 and 302 turn POST into GET, but keep PUT with its body. */
    @Test
    void movedKeepsNonPostMethod() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/old")
                ? redirect(301, "/new") : FakeServer.ok(r.head().method() + ":" + r.text()));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                try (ClientResponse r = s.post("http://h/old", new RequestOptions().data("b"))) {
                    assertThat(r.text()).isEqualTo("GET:");
                }
                try (ClientResponse r = s.put("http://h/old", new RequestOptions().data("b"))) {
                    assertThat(r.text()).isEqualTo("PUT:b");
                }
            }
        });
    }

    /** 307 and 308 keep the method and resend the body. */
    @Test
    void temporaryRedirectKeepsBody() throws Exception {
        for (int status : new int[] {307, 308}) {
            FakeServer server = FakeServer.responding(r -> r.head().target().equals("/in")
                    ? redirect(status, "/out") : FakeServer.ok(r.head().method() + ":" + r.text()));
            VirtualTimeLoop.run(() -> {
                try (ClientSession s = server.session();
                        ClientResponse r = s.post("http://h/in", new RequestOptions().json(List.of(1, 2)))) {
                    assertThat(r.text()).isEqualTo("POST:[1,2]");
                }
            });
        }
    }

    /** Authorization and Cookie headers are not sent to another host. */
    @Test
    void credentialsNotSentCrossOrigin() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.header("Host").equals("a.test")
                ? redirect(302, "http://b.test/x") : FakeServer.ok("b"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://a.test/",
                    new RequestOptions().header("Authorization", "Bearer t").header("Cookie", "s=1")
                            .header("X-Keep", "y"))) {
                r.read();
            }
        });
        ServerSide.Req atB = server.requests.get(1);
        assertThat(atB.header("Host")).isEqualTo("b.test");
        assertThat(atB.header("Authorization")).isNull();
        assertThat(atB.header("Cookie")).isNull();
        assertThat(atB.header("X-Keep")).isEqualTo("y");
        assertThat(server.requests.get(0).header("Authorization")).isEqualTo("Bearer t");
    }

    /** Authorization is kept on a same-origin redirect. */
    @Test
    void credentialsKeptSameOrigin() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/1")
                ? redirect(302, "/2") : FakeServer.ok("2"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/1",
                    new RequestOptions().header("Authorization", "Bearer t"))) {
                r.read();
            }
        });
        assertThat(server.requests.get(1).header("Authorization")).isEqualTo("Bearer t");
    }

    /** A redirect loop ends with TooManyRedirects after the limit, naming the URL. */
    @Test
    void redirectLoop() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/a")
                ? redirect(302, "/b") : redirect(302, "/a"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                assertThatThrownBy(() -> s.get("http://h/a")).isInstanceOfSatisfying(TooManyRedirects.class, e -> {
                    assertThat(e.history()).hasSize(11);
                    assertThat(e.getMessage()).contains("Exceeded 10 redirects").contains("http://h/a");
                });
                assertThat(s.connector().inUse()).isZero();
            }
        });
        assertThat(server.requests).hasSize(11);
    }

    /** Exactly maxRedirects redirects are followed. */
    @Test
    void maxRedirectsIsInclusive() throws Exception {
        FakeServer server = FakeServer.responding(r -> {
            int n = Integer.parseInt(r.head().target().substring(1));
            return n < 3 ? redirect(302, "/" + (n + 1)) : FakeServer.ok("end");
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                try (ClientResponse r = s.get("http://h/0", new RequestOptions().maxRedirects(3))) {
                    assertThat(r.text()).isEqualTo("end");
                }
                assertThatThrownBy(() -> s.get("http://h/0", new RequestOptions().maxRedirects(2)))
                        .isInstanceOf(TooManyRedirects.class);
            }
        });
    }

    /** allowRedirects(false) returns the redirect response itself. */
    @Test
    void redirectsCanBeDisabled() throws Exception {
        FakeServer server = FakeServer.responding(r -> redirect(301, "/elsewhere"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session();
                    ClientResponse r = s.get("http://h/", new RequestOptions().allowRedirects(false))) {
                assertThat(r.status()).isEqualTo(301);
                assertThat(r.headers().get("Location")).isEqualTo("/elsewhere");
            }
        });
    }

    /** A redirect to a non-HTTP scheme raises InvalidUrlClientError. */
    @Test
    void nonHttpRedirect() throws Exception {
        FakeServer server = FakeServer.responding(r -> redirect(302, "ftp://h/file"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                assertThatThrownBy(() -> s.get("http://h/")).isInstanceOf(InvalidUrlClientError.class)
                        .hasMessageContaining("ftp://h/file");
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }
}
