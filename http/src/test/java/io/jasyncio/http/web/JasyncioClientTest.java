package io.jasyncio.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.RequestOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The project's own client against the server, both on one loop over real TCP sockets. */
@Timeout(60)
class JasyncioClientTest {

    static Application app() {
        Application app = new Application();
        app.router().addGet("/hello/{name}", r -> Response.text("hello, " + r.matchInfo("name")));
        app.router().addPost("/json", r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = r.json(Map.class);
            return Response.json(Map.of("got", m));
        });
        app.router().addPost("/form", r -> Response.text("k=" + r.post().get("k").orElse("?")));
        app.router().addGet("/old", r -> {
            throw new HTTPFound("/hello/redirected");
        });
        app.router().addGet("/login", r -> Response.text("in").setCookie("sid", "s3cr3t"));
        app.router().addGet("/whoami", r -> Response.text(r.cookies().getOrDefault("sid", "anonymous")));
        app.router().addGet("/big", r -> Response.text("z".repeat(10_000)).enableCompression());
        return app;
    }

    /** GET, JSON, forms, redirects, cookies and gzip round-trip between jasyncio's client and server on one connection. */
    @Test
    void clientAndServerInterop() throws Exception {
        Asyncio.run(() -> {
            AppRunner runner = new AppRunner(app(), Wire.options());
            runner.setup();
            try {
                TcpSite site = new TcpSite(runner, "127.0.0.1", 0);
                site.start();
                String base = "http://127.0.0.1:" + site.port();
                // Cookies from an IP host are kept only by an "unsafe" jar, as in aiohttp.
                try (ClientSession s = ClientSession.builder()
                        .cookieJar(io.jasyncio.http.cookie.CookieJar.builder().unsafe(true).build()).build()) {
                    try (ClientResponse r = s.get(base + "/hello/client")) {
                        assertThat(r.status()).isEqualTo(200);
                        assertThat(r.text()).isEqualTo("hello, client");
                    }
                    try (ClientResponse r = s.post(base + "/json", RequestOptions.create().json(Map.of("a", 1)))) {
                        assertThat(r.json(Map.class)).isEqualTo(Map.of("got", Map.of("a", 1)));
                    }
                    try (ClientResponse r = s.post(base + "/form", RequestOptions.create().data(Map.of("k", "v w")))) {
                        assertThat(r.text()).contains("k=v w");
                    }
                    try (ClientResponse r = s.get(base + "/old")) {
                        assertThat(r.text()).isEqualTo("hello, redirected");
                        assertThat(r.history()).hasSize(1);
                    }
                    try (ClientResponse r = s.get(base + "/login")) {
                        r.read();
                    }
                    try (ClientResponse r = s.get(base + "/whoami")) {
                        assertThat(r.text()).isEqualTo("s3cr3t");
                    }
                    try (ClientResponse r = s.get(base + "/big")) {
                        assertThat(r.headers().get("Content-Encoding")).isEqualTo("gzip");
                        assertThat(r.text()).isEqualTo("z".repeat(10_000));
                    }
                    assertThat(runner.server().connectionCount()).isEqualTo(1);
                }
            } finally {
                runner.cleanup();
            }
        });
    }
}
