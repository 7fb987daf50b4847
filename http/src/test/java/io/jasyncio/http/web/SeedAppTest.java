package io.jasyncio.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed's app end to end, as a separate server process, and Web.runApp's graceful shutdown on SIGTERM. */
@Timeout(120)
class SeedAppTest {

    /** The seed's two routes answer as in aiohttp, after their one-second sleeps, which overlap across requests. */
    @Test
    void seedAppServesConcurrently() throws Exception {
        try (ServerProcess server = ServerProcess.start(SeedApp.class, "0")) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.port;
            HttpResponse<String> index = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).isEqualTo("<h1>Index</h1>");
            assertThat(index.headers().firstValue("Content-Type")).contains("application/octet-stream");

            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                all.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/hello/user" + i)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(all.get(i).get().body()).isEqualTo("<h1>hello, user" + i + "!</h1>");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(990)).isLessThan(Duration.ofSeconds(10));

            server.terminate();
            assertThat(server.awaitExit()).isZero();
            server.awaitLine("server stopped cleanly");
        }
    }

    /** SIGTERM during a request: the request still gets its whole response, cleanup runs, and the process exits 0. */
    @Test
    void sigtermShutsDownGracefully() throws Exception {
        try (ServerProcess server = ServerProcess.start(ShutdownProbe.class, "0");
                Socket c = new Socket("127.0.0.1", server.port)) {
            c.setSoTimeout(20_000);
            c.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            server.awaitLine("handling");
            server.terminate();
            InputStream in = c.getInputStream();
            String out = LiveServer.readAll(in);
            assertThat(out).startsWith("HTTP/1.1 200 OK\r\n").contains("Connection: close\r\n").endsWith("slow done");
            assertThat(server.awaitExit()).isZero();
            server.awaitLine("cleanup");
            server.awaitLine("server stopped cleanly");
        }
    }
}
