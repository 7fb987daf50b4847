package io.jasyncio.http.web;

import static io.jasyncio.http.web.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server on real sockets, with raw clients: wiring, malformed input, multi-loop, Unix sockets, shutdown. */
@Timeout(60)
class LiveSocketTest {

    static Application app() {
        Application app = new Application();
        app.router().addGet("/", r -> Response.text("Hello, World!"));
        app.router().addPost("/echo", r -> Response.bytes(r.read(), "text/plain"));
        return app;
    }

    /** A GET over TCP gets exactly the response the in-memory harness gets. */
    @Test
    void getOverTcp() throws Exception {
        try (LiveServer s = LiveServer.start(app())) {
            assertThat(s.exchangeUntilClose("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                    .isEqualTo(ok("Hello, World!").replace("Content-Length: 13\r\n", "Content-Length: 13\r\nConnection: close\r\n"));
        }
    }

    /** Keep-alive and pipelining work over one socket; the server keeps it open between requests. */
    @Test
    void keepAliveAndPipeliningOverTcp() throws Exception {
        try (LiveServer s = LiveServer.start(app()); Socket c = s.connect()) {
            OutputStream out = c.getOutputStream();
            InputStream in = c.getInputStream();
            String one = ok("Hello, World!");
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(LiveServer.readExactly(in, one.length())).isEqualTo(one);
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc".getBytes());
            String echo = "HTTP/1.1 200 OK\r\n" + Wire.DATE + "Content-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc";
            assertThat(LiveServer.readExactly(in, one.length() + echo.length())).isEqualTo(one + echo);
        }
    }

    /** Malformed input on a raw socket gets a 400 and a closed connection; the server goes on serving. */
    @Test
    void malformedInputOverTcp() throws Exception {
        try (LiveServer s = LiveServer.start(app())) {
            String bad = s.exchangeUntilClose("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab");
            assertThat(bad).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close\r\n");
            String smuggle = s.exchangeUntilClose("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Length: 4\r\n\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(smuggle).startsWith("HTTP/1.1 400 Bad Request\r\n").doesNotContain("Hello");
            assertThat(s.exchangeUntilClose("GET / HTTP/1.0\r\n\r\n")).endsWith("Hello, World!");
        }
    }

    /** A request body sent in many small writes arrives whole. */
    @Test
    void slowBodyOverTcp() throws Exception {
        try (LiveServer s = LiveServer.start(app()); Socket c = s.connect()) {
            OutputStream out = c.getOutputStream();
            out.write("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes());
            for (int i = 0; i < 20; i++) {
                out.write("1\r\nz\r\n".getBytes());
                out.flush();
            }
            out.write("0\r\n\r\n".getBytes());
            String expected = "HTTP/1.1 200 OK\r\n" + Wire.DATE + "Content-Type: text/plain\r\nContent-Length: 20\r\n\r\n" + "z".repeat(20);
            assertThat(LiveServer.readExactly(c.getInputStream(), expected.length())).isEqualTo(expected);
        }
    }

    /** A client that disconnects while its handler runs cancels the handler over a real socket too. */
    @Test
    void disconnectCancelsHandlerOverTcp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Application app = new Application();
        app.router().addGet("/wait", r -> {
            started.countDown();
            try {
                Asyncio.sleep(60);
            } catch (CancelledError e) {
                cancelled.countDown();
                throw e;
            }
            return Response.text("late");
        });
        try (LiveServer s = LiveServer.start(app)) {
            Socket c = s.connect();
            c.getOutputStream().write("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            c.setSoLinger(true, 0);
            c.close();
            assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A large static file arrives whole (through sendfile when the socket takes it). */
    @Test
    void largeStaticFile(@TempDir Path dir) throws Exception {
        byte[] data = new byte[5 * 1024 * 1024 + 17];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >> 11));
        }
        Files.write(dir.resolve("big.bin"), data);
        Application app = new Application();
        app.router().addStatic("/s", dir);
        try (LiveServer s = LiveServer.start(app); Socket c = s.connect()) {
            c.getOutputStream().write("GET /s/big.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes());
            byte[] all = c.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int bodyStart = text.indexOf("\r\n\r\n") + 4;
            assertThat(text.substring(0, bodyStart)).contains("Content-Length: " + data.length + "\r\n");
            assertThat(java.util.Arrays.copyOfRange(all, bodyStart, all.length)).isEqualTo(data);
        }
    }

    /** With four loops on one port, connections are served by more than one loop, each answering correctly. */
    @Test
    void severalLoopsShareThePort() throws Exception {
        Set<String> loops = ConcurrentHashMap.newKeySet();
        Application app = new Application();
        app.router().addGet("/", r -> {
            String id = Integer.toHexString(System.identityHashCode(Asyncio.getRunningLoop()));
            loops.add(id);
            return Response.text(id);
        });
        try (LiveServer s = LiveServer.start(app, Wire.options(), 4)) {
            assertThat(s.site().loopCount()).isEqualTo(4);
            for (int i = 0; i < 64 && loops.size() < 2; i++) {
                String out = s.exchangeUntilClose("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(out).startsWith("HTTP/1.1 200 OK\r\n");
            }
            assertThat(loops).hasSizeGreaterThan(1);
        }
    }

    /** Stopping the runner lets a request in flight finish (with Connection: close) before the loop ends. */
    @Test
    void gracefulStopFinishesInFlightRequest() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Application app = new Application();
        app.router().addGet("/slow", r -> {
            started.countDown();
            Asyncio.sleep(0.5);
            return Response.text("finished");
        });
        LiveServer s = LiveServer.start(app);
        try (Socket c = s.connect()) {
            c.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            s.requestStop();
            String out = LiveServer.readAll(c.getInputStream());
            assertThat(out).contains("Connection: close\r\n").endsWith("finished");
        } finally {
            s.close();
        }
    }

    /** A Unix-domain site serves requests on its socket file and removes it when stopped. */
    @Test
    void unixSite(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("web.sock");
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        String[] reply = new String[1];
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                Asyncio.run(() -> {
                    AppRunner runner = new AppRunner(app(), Wire.options());
                    runner.setup();
                    UnixSite site = new UnixSite(runner, sock);
                    site.start();
                    assertThat(site.name()).isEqualTo("http://unix:" + sock + ":");
                    ready.countDown();
                    while (reply[0] == null) {
                        Asyncio.sleep(0.01);
                    }
                    runner.cleanup();
                });
            } catch (Exception e) {
                throw new RuntimeException(e);
            } finally {
                ready.countDown();
                done.countDown();
            }
        });
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes()));
            ByteBuffer buf = ByteBuffer.allocate(4096);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            while (ch.read(buf) >= 0) {
                buf.flip();
                all.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
            reply[0] = all.toString(StandardCharsets.ISO_8859_1);
        } finally {
            if (reply[0] == null) {
                reply[0] = "";
            }
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        t.join(5000);
        assertThat(reply[0]).startsWith("HTTP/1.1 200 OK\r\n").endsWith("Hello, World!");
        assertThat(Files.exists(sock)).isFalse();
    }

    /** Starting a second site on a port in use fails with a BindException and leaves the runner usable. */
    @Test
    void portInUse() throws Exception {
        try (LiveServer s = LiveServer.start(app())) {
            Exception[] failure = new Exception[1];
            Asyncio.run(() -> {
                AppRunner r = new AppRunner(app(), Wire.options());
                r.setup();
                try {
                    new TcpSite(r, "127.0.0.1", s.port()).start();
                } catch (java.net.BindException e) {
                    failure[0] = e;
                } finally {
                    r.cleanup();
                }
            });
            assertThat(failure[0]).isInstanceOf(java.net.BindException.class);
            assertThat(s.exchangeUntilClose("GET / HTTP/1.0\r\n\r\n")).endsWith("Hello, World!");
        }
        assertThat(List.of()).isEmpty();
    }
}
