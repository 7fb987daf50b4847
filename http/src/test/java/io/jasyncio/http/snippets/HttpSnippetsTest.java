package io.jasyncio.http.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.web.AppRunner;
import io.jasyncio.http.web.Application;
import io.jasyncio.http.web.TcpSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Javadoc examples of the client and the server against each other on the loopback
 * interface, so that they are known to work.
 */
class HttpSnippetsTest {

    @Test
    void clientExamplesAgainstTheServerExamples(@TempDir Path dir) throws Exception {
        Path photo = Files.write(dir.resolve("beach.jpg"), new byte[1234]);
        Asyncio.run(() -> {
            AppRunner runner = WebSnippets.serve(WebSnippets.app());
            String base = "http://" + runner.addresses().getFirst().replaceFirst("^http://", "");
            try (ClientSession session = new ClientSession()) {
                assertThat(ClientSnippets.response(session, base)).isEqualTo("200 text/plain Hello, Ann");
                assertThat(ClientSnippets.requestOptions(session, base))
                        .isEqualTo(Map.of("got", Map.of("name", "apple"), "page", "2"));
                assertThat(ClientSnippets.formData(session, base, photo)).isEqualTo("Holiday: beach.jpg (1234 bytes)");
                assertThat(ClientSnippets.responseContent(session, base)).isEqualTo(200_000);
                assertThat(ClientSnippets.webSocket(session, base)).containsExactly("echo: hello");
                assertThat(ClientSnippets.errors(session, base)).containsExactly("404 for GET /missing", "not JSON",
                        "redirected 4 times", "bad URL htp:/nowhere", "read timed out (sock_read)",
                        "cannot connect to 127.0.0.1:1");
                assertThat(ClientSnippets.errorTree(session, base)).isEqualTo("Hello, tree");
                assertThat(ClientSnippets.wsHandshakeError(session, base)).isEqualTo("handshake refused: 200");
            } finally {
                runner.cleanup();
            }
        });
    }

    @Test
    void clientConfiguration() throws Exception {
        Asyncio.run(() -> {
            AppRunner runner = WebSnippets.serve(WebSnippets.app());
            String base = runner.addresses().getFirst();
            try {
                assertThat(ClientSnippets.downloadAll(List.of(base + "/hello/a", base + "/hello/b")))
                        .containsExactly("Hello, a", "Hello, b");
                assertThat(ClientSnippets.connector(base)).isEqualTo("Hello, connector");
                assertThat(ClientSnippets.trace(base)).hasSize(5).last().isEqualTo("reused 1");
                assertThat(ClientSnippets.tls()).isTrue();
                assertThat(ClientSnippets.canned()).isEqualTo("hi");
                assertThat(ClientSnippets.timeoutPhases()).contains("sock_read=10.0");
                assertThat(WebSnippets.inMemory(WebSnippets.app())).startsWith("HTTP/1.1 200").endsWith("Hello, memory");
            } finally {
                runner.cleanup();
            }
        });
    }

    @Test
    void applicationLifecycle(@TempDir Path dir) throws Exception {
        assertThat(WebSnippets.subapp()).isEqualTo("GET /admin/users/7 /admin");
        List<String> lines = new ArrayList<>();
        Asyncio.run(() -> {
            AppRunner logged = WebSnippets.accessLog(lines);
            logged.setup();
            TcpSite site = new TcpSite(logged, "127.0.0.1", 0);
            site.start();
            try (ClientSession session = new ClientSession();
                    ClientResponse r = session.get("http://127.0.0.1:" + site.port() + "/greeting/Ann?as=json")) {
                assertThat(r.status()).isEqualTo(201);
                assertThat(r.json(Map.class)).isEqualTo(Map.of("id", 7));
            } finally {
                logged.cleanup();
            }
            assertThat(lines).singleElement().asString().contains("\"GET /greeting/Ann?as=json HTTP/1.1\" 201");
            assertThat(WebSnippets.signals()).containsExactly("startup", "shutdown", "cleanup");
            Application app = WebSnippets.app();
            assertThat(WebSnippets.unixSite(app, dir.resolve("app.sock"))).singleElement().asString().contains("app.sock");
        });
    }
}
