package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Test fixture: an application served on real sockets (127.0.0.1, a port the kernel picks) by an
 * {@link AppRunner} and {@link TcpSite} on a loop of its own thread, so the test thread can use
 * blocking clients (sockets, curl, Python). {@link #close()} runs the runner's graceful cleanup
 * and waits for the loop to end.
 */
final class LiveServer implements AutoCloseable {

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile EventLoop loop;
    private volatile Future<Void> stop;
    private volatile Throwable failure;
    private volatile int port;
    private volatile AppRunner runner;
    private volatile TcpSite site;

    private LiveServer() {
    }

    static LiveServer start(Application app, WebServerOptions options, int loops) throws Exception {
        return start(app, options, site -> site.loops(loops));
    }

    static LiveServer start(Application app) throws Exception {
        return start(app, Wire.options(), 1);
    }

    static LiveServer start(Application app, WebServerOptions options, Consumer<TcpSite> configure) throws Exception {
        LiveServer s = new LiveServer();
        Thread t = Thread.ofPlatform().name("live-server").daemon(true).start(() -> {
            try {
                Asyncio.run(() -> {
                    s.loop = Asyncio.getRunningLoop();
                    s.stop = s.loop.createFuture();
                    AppRunner r = new AppRunner(app, options).setShutdownTimeout(5);
                    s.runner = r;
                    r.setup();
                    try {
                        TcpSite site = new TcpSite(r, "127.0.0.1", 0);
                        configure.accept(site);
                        site.start();
                        s.site = site;
                        s.port = site.port();
                        s.started.countDown();
                        Asyncio.await(s.stop);
                    } finally {
                        r.cleanup();
                    }
                });
            } catch (Throwable e) {
                s.failure = e;
            } finally {
                s.started.countDown();
                s.ended.countDown();
            }
        });
        if (!s.started.await(20, TimeUnit.SECONDS)) {
            t.interrupt();
            throw new IllegalStateException("the live server did not start");
        }
        if (s.failure != null) {
            throw new IllegalStateException("the live server failed to start", s.failure);
        }
        return s;
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    TcpSite site() {
        return site;
    }

    AppRunner runner() {
        return runner;
    }

    /** Asks for a graceful stop without waiting. */
    void requestStop() {
        if (loop.isClosed()) {
            return;
        }
        try {
            loop.callSoonThreadsafe(() -> {
                if (!stop.done()) {
                    stop.setResult(null);
                }
            });
        } catch (IllegalStateException closedMeanwhile) {
            // the server has stopped already
        }
    }

    @Override
    public void close() throws Exception {
        if (loop != null) {
            requestStop();
        }
        if (!ended.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live server did not stop");
        }
        if (failure != null) {
            throw new IllegalStateException("the live server failed", failure);
        }
    }

    // ---------------------------------------------------------------- raw socket client helpers

    Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        s.setTcpNoDelay(true);
        return s;
    }

    /** Sends raw bytes on a new connection and reads until the server closes it. */
    String exchangeUntilClose(String raw) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return readAll(s.getInputStream());
        }
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly {@code n} bytes. */
    static String readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException("connection closed after " + b.length + " of " + n + " bytes");
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** @return whether the server closed the connection (EOF) within the socket timeout */
    static boolean closedByServer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
