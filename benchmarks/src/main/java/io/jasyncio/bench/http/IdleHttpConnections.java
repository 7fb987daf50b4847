package io.jasyncio.bench.http;

import io.jasyncio.Asyncio;
import io.jasyncio.bench.net.IdleConnections;
import io.jasyncio.http.web.AppRunner;
import io.jasyncio.http.web.TcpSite;
import io.jasyncio.http.web.WebServer;
import io.jasyncio.http.web.WebServerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds N idle keep-alive HTTP connections on one loop of {@link HelloServer}'s application and
 * reports the server's heap per connection.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar \
 *     io.jasyncio.bench.http.IdleHttpConnections [N=10000]
 * </pre>
 *
 * The server (an {@link AppRunner} with one {@link TcpSite} on 127.0.0.1, one loop) runs in this
 * JVM; the clients in a second JVM (this class with {@code client PORT N WARM REQUESTS}), so each
 * process needs only about N file descriptors. The client first warms the server up: {@code
 * -Didle.warmup=2000} connections, each doing {@code -Didle.warmupRequests=10} keep-alive
 * {@code GET /} then closing (so that the accept, request and idle paths are compiled, as in a
 * server that has run a while). Once those are all closed the server measures its heap after full
 * GCs; the client then opens N connections, one after the other, and on each sends one
 * {@code GET /}, reads the whole response and leaves the connection open and idle. When the server
 * counts N open connections and none in a request, it measures its heap again and prints
 * (after - before) / N. The keep-alive timeout is {@code -Didle.keepalive=3600} s so that no
 * connection is closed while they are opened (75 s is the default; an idle connection holds the
 * same objects whatever the value). The figure includes everything the JDK keeps per socket
 * (channel, selection key, selector maps), not only jasyncio's objects. Needs N + about 100 open
 * files per process ({@code ulimit -n}; the JVM raises its soft limit to the hard one).
 */
public final class IdleHttpConnections {

    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private IdleHttpConnections() {
    }

    /**
     * @param args {@code [N]}, or {@code client PORT N WARM REQUESTS}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("client")) {
            client(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warm = Integer.getInteger("idle.warmup", 2_000);
        int warmRequests = Integer.getInteger("idle.warmupRequests", 10);
        double keepalive = Double.parseDouble(System.getProperty("idle.keepalive", "3600"));
        Asyncio.run(() -> {
            AppRunner runner = new AppRunner(HelloServer.app(), WebServerOptions.defaults().keepaliveTimeout(keepalive));
            runner.setup();
            TcpSite site = new TcpSite(runner, "127.0.0.1", 0).backlog(4096);
            site.start();
            WebServer server = runner.server();
            Process clients = IdleConnections.startJvm(IdleHttpConnections.class, "client",
                    Integer.toString(site.port()), Integer.toString(n), Integer.toString(warm), Integer.toString(warmRequests));
            ClientLines lines = new ClientLines(clients);
            lines.await("warm", clients);
            while (server.connectionCount() > 0) {
                Asyncio.sleep(0.01);
            }
            long before = IdleConnections.usedHeapAfterGc();
            OutputStream go = clients.getOutputStream();
            go.write('\n');
            go.flush();
            long t0 = System.nanoTime();
            lines.await("held", clients);
            while (server.connectionCount() < n || server.requestsInFlight() > 0) {
                Asyncio.sleep(0.05);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (int i = 0; i < 5; i++) {
                Asyncio.sleep(0.01);
            }
            long after = IdleConnections.usedHeapAfterGc();
            System.out.printf("http keep-alive: %d idle connections held on one loop, one GET / answered on each"
                    + " (opened in %.2f s; warm-up %d connections x %d requests)%n",
                    server.connectionCount(), seconds, warm, warmRequests);
            System.out.printf("heap per idle connection: %.0f bytes (%.2f KiB) [before %d KiB, after %d KiB]%n",
                    (after - before) / (double) n, (after - before) / (double) n / 1024, before / 1024, after / 1024);
            if (Boolean.getBoolean("idle.hold")) {
                Asyncio.sleep(20); // time for jcmd GC.class_histogram
            }
            go.close();
            clients.waitFor();
            runner.cleanup();
        });
    }

    /** Reads the client process's output on a platform thread; the loop polls for a line's first word. */
    private static final class ClientLines {
        private final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());

        ClientLines(Process p) {
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        seen.add(line);
                    }
                } catch (IOException e) {
                    seen.add("read failed: " + e);
                }
            });
        }

        void await(String word, Process p) throws Exception {
            while (seen.stream().noneMatch(l -> l.startsWith(word))) {
                if (!p.isAlive()) {
                    Thread.sleep(100); // the rest of its output
                    throw new IllegalStateException("client process died: " + String.join("\n", seen));
                }
                Asyncio.sleep(0.05);
            }
        }
    }

    private static void client(int port, int n, int warm, int warmRequests) throws Exception {
        InetSocketAddress addr = new InetSocketAddress("127.0.0.1", port);
        ByteBuffer buf = ByteBuffer.allocate(4096);
        for (int i = 0; i < warm; i++) {
            try (SocketChannel c = SocketChannel.open(addr)) {
                for (int j = 0; j < warmRequests; j++) {
                    get(c, buf);
                }
            }
        }
        System.out.println("warm: " + warm + " connections x " + warmRequests + " requests");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        in.readLine();
        List<SocketChannel> open = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SocketChannel c = SocketChannel.open(addr);
            get(c, buf);
            open.add(c);
        }
        System.out.println("held: " + n + " connections open, one request answered on each");
        in.readLine();
        for (SocketChannel c : open) {
            c.close();
        }
    }

    /** Sends {@code GET /} and reads until the response ends with the hello body. */
    private static void get(SocketChannel c, ByteBuffer buf) throws IOException {
        c.write(ByteBuffer.wrap(REQUEST));
        buf.clear();
        while (!endsWithBody(buf)) {
            if (c.read(buf) < 0) {
                throw new IOException("server closed the connection");
            }
        }
    }

    private static boolean endsWithBody(ByteBuffer buf) {
        int end = buf.position();
        if (end < BODY.length) {
            return false;
        }
        for (int i = 0; i < BODY.length; i++) {
            if (buf.get(end - BODY.length + i) != BODY[i]) {
                return false;
            }
        }
        return true;
    }
}
