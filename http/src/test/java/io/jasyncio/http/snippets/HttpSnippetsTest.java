package io.jasyncio.http.snippets;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.web.AppRunner;
import io.jasyncio.http.web.Application;
import io.jasyncio.http.web.TcpSite;
import io.jasyncio.net.Server;
import io.jasyncio.testing.AsyncTest;
import io.jasyncio.testing.net.SimNetwork;
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

    @Test
    void proxyCredentials() {
        assertThat(ClientSnippets.httpProxy()).containsExactly("BasicAuth[login=ann, password=***]",
                "Basic YW5uOnNlY3JldA==", "http://proxy.example:3128", "http://proxy.example:3128");
    }

    /**
     * The server-site, stream-opener and proxy examples over a simulated network, on virtual
     * time: first with no proxy listening, then with one that refuses every tunnel (407) and
     * forwards nothing but answers plain requests itself.
     */
    @AsyncTest
    void overTheSimulatedNetwork(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        AppRunner runner = WebSnippets.serverSite(WebSnippets.app(), net);
        List<String> proxyAuthorizations = new ArrayList<>();
        try (ClientSession session = ClientSnippets.overStreams(net)) {
            assertThat(runner.addresses()).containsExactly("http://server:80");
            try (ClientResponse r = session.get("http://server/hello/sim")) {
                assertThat(r.text()).isEqualTo("Hello, sim");
            }
            net.host("proxy.example");                             // up, but nothing listens on 3128
            assertThat(ClientSnippets.proxy(session, "https://server/"))
                    .isEqualTo("proxy unreachable: http://proxy.example:3128");
            Server proxy = net.host("proxy.example").startServer((reader, writer) -> {
                String head = new String(reader.readUntil("\r\n\r\n".getBytes(ISO_8859_1)), ISO_8859_1);
                proxyAuthorizations.add(head.lines().filter(l -> l.startsWith("Proxy-Authorization:"))
                        .findFirst().orElse("none"));
                writer.write((head.startsWith("CONNECT ")
                        ? "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nvia proxy")
                        .getBytes(ISO_8859_1));
                writer.drain();
                writer.close();
            }, 3128);
            assertThat(ClientSnippets.proxy(session, "https://server/")).isEqualTo("proxy refused: 407");
            assertThat(ClientSnippets.proxy(session, "http://server/hello/sim")).isEqualTo("200 via proxy");
            proxy.close();
            proxy.waitClosed();
        } finally {
            runner.cleanup();
        }
        assertThat(proxyAuthorizations).containsOnly("Proxy-Authorization: Basic YW5uOnNlY3JldA==").hasSize(2);
    }
}
