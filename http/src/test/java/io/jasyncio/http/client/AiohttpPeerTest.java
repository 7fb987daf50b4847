package io.jasyncio.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a real aiohttp.web server on loopback (Debian's python3 with aiohttp 3.8). */
class AiohttpPeerTest {

    private static Process server;
    private static String base;

    @BeforeAll
    static void startServer() throws Exception {
        Path script = Files.createTempFile("aiohttp_server", ".py");
        try (InputStream in = AiohttpPeerTest.class.getResourceAsStream("aiohttp_server.py")) {
            Files.write(script, in.readAllBytes());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new IllegalStateException("the aiohttp test server did not start (is python3-aiohttp "
                            + "installed? see scripts/install-test-peers.sh)", e);
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
    }

    /** A plain GET over TCP returns the body; the connection is pooled. */
    @Test
    void hello() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession()) {
                for (int i = 0; i < 3; i++) {
                    try (ClientResponse r = s.get(base + "/hello")) {
                        assertThat(r.status()).isEqualTo(200);
                        assertThat(r.text()).isEqualTo("Hello, World!");
                    }
                }
                assertThat(s.connector().idleCount()).isEqualTo(1);
            }
        });
    }

    /** aiohttp's redirects are followed. */
    @Test
    void redirects() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession(); ClientResponse r = s.get(base + "/redirect/5")) {
                assertThat(r.text()).isEqualTo("done");
                assertThat(r.history()).hasSize(5);
                assertThat(r.url().rawPath()).isEqualTo("/redirect/0");
            }
        });
    }

    /** A cookie aiohttp sets is sent back (the jar is unsafe to accept an IP host, as aiohttp's). */
    @Test
    void cookies() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = ClientSession.builder()
                    .cookieJar(io.jasyncio.http.cookie.CookieJar.builder().unsafe(true).build()).build()) {
                s.get(base + "/setcookie").read();
                try (ClientResponse r = s.get(base + "/cookies")) {
                    assertThat(r.text()).isEqualTo("flavour=oatmeal");
                }
            }
        });
    }

    /** aiohttp's gzip compression is decoded. */
    @Test
    void gzip() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession(); ClientResponse r = s.get(base + "/gzip")) {
                assertThat(r.headers().get("Content-Encoding")).isEqualTo("gzip");
                assertThat(r.text()).isEqualTo("gzip me ".repeat(1000));
            }
        });
    }

    /** aiohttp's chunked stream response is read line by line from content(). */
    @Test
    void chunked() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession(); ClientResponse r = s.get(base + "/chunked")) {
                assertThat(r.headers().get("Transfer-Encoding")).isEqualTo("chunked");
                List<String> lines = new ArrayList<>();
                for (byte[] line; (line = r.content().readLine()).length > 0; ) {
                    lines.add(new String(line).strip());
                }
                assertThat(lines).hasSize(100).startsWith("chunk 0").endsWith("chunk 99");
            }
        });
    }

    /** JSON and multipart bodies reach aiohttp intact. */
    @Test
    void bodies(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.bin");
        Files.write(file, new byte[300_000]);
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession()) {
                try (ClientResponse r = s.post(base + "/echo", new RequestOptions().json(Map.of("k", List.of(1))))) {
                    assertThat(r.json(Map.class)).isEqualTo(Map.of("k", List.of(1)));
                }
                try (ClientResponse r = s.post(base + "/form",
                        new RequestOptions().data(new FormData().addField("a", "1").addFile("f", file)))) {
                    assertThat(r.text()).isEqualTo("a=1&f=file:data.bin:300000");
                }
            }
        });
    }

    /** A refused port raises ClientConnectorError with the ConnectException. */
    @Test
    void refused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession()) {
                assertThatThrownBy(() -> s.get("http://127.0.0.1:" + port + "/"))
                        .isInstanceOf(ClientConnectorError.class)
                        .hasCauseInstanceOf(java.net.ConnectException.class);
            }
        });
    }

    /** 1,000 concurrent downloads through one session, each verified by its SHA-256. */
    @Test
    void thousandConcurrentDownloadsVerifiedByHash() throws Exception {
        int n = 1000;
        List<Boolean> ok = Asyncio.run(() -> {
            try (ClientSession s = new ClientSession()) {
                List<Task<Boolean>> tasks = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String url = base + "/file/" + i + "?size=" + (16384 + i * 37);
                    tasks.add(Asyncio.createTask(() -> {
                        try (ClientResponse r = s.get(url)) {
                            byte[] body = r.read();
                            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
                            return sha.equals(r.headers().get("X-SHA256"));
                        }
                    }));
                }
                List<Boolean> results = Asyncio.gather(tasks);
                assertThat(s.connector().inUse()).isZero();
                return results;
            }
        });
        assertThat(ok).hasSize(n).containsOnly(true);
    }
}
