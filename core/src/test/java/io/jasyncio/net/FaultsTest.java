package io.jasyncio.net;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.sleep;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.VirtualTimeLoop;
import io.jasyncio.internal.net.SelectorNet;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Faults: each gives an exception that names what happened, and other connections go on. */
@Timeout(30)
class FaultsTest {

    private static byte[] b(String s) {
        return s.getBytes(US_ASCII);
    }

    /** A free port on 127.0.0.1 that nothing listens on (bound, then released). */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A refused connection raises ConnectException naming host and port. */
    @Test
    void refusedConnectionNamesHostAndPort() throws Exception {
        int port = closedPort();
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Streams.openConnection("127.0.0.1", port))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("refused");
        });
    }

    /** An unknown host raises UnknownHostException naming the host; the loop keeps running meanwhile. */
    @Test
    void unknownHostNamesTheHost() throws Exception {
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Streams.openConnection("no-such-host.invalid", 80))
                    .isInstanceOf(UnknownHostException.class)
                    .hasMessageContaining("no-such-host.invalid");
        });
    }

    /**
     * A connect that never completes (the listener's accept queue is full, so the kernel drops the
     * SYN) fails with SocketTimeoutException naming the target. Virtual time makes it instant.
     */
    @Test
    void connectTimeoutNamesTheTarget() throws Exception {
        VirtualTimeLoop.run(() -> {
            EventLoop loop = getRunningLoop();
            try (Server server = loop.createServer(RecordingProtocol::new, "127.0.0.1", 0,
                    ServerOptions.defaults().backlog(1).startServing(false))) {
                int port = server.port();
                List<Transport> open = new ArrayList<>();
                SocketTimeoutException timeout = null;
                for (int i = 0; i < 20 && timeout == null; i++) {
                    try {
                        open.add(loop.createConnection(RecordingProtocol::new, "127.0.0.1", port,
                                ConnectOptions.defaults().connectTimeout(Duration.ofSeconds(5))).transport());
                    } catch (SocketTimeoutException e) {
                        timeout = e;
                    }
                }
                assertThat(timeout).isNotNull();
                assertThat(timeout).hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("timed out");
                open.forEach(Transport::abort);
            }
        });
    }

    /** A peer that resets the connection in the middle of a read makes read() throw an error naming the peer;
     * another connection of the same server is unaffected. */
    @Test
    void resetDuringReadNamesThePeer() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            Future<Throwable> readFailure = loop.createFuture();
            try (Server server = Streams.startServer((reader, writer) -> {
                if (new String(reader.readExactly(4), US_ASCII).equals("echo")) {
                    while (true) {
                        byte[] d = reader.read(100);
                        if (d.length == 0) {
                            break;
                        }
                        writer.write(d);
                        writer.drain();
                    }
                } else {
                    try {
                        reader.readExactly(100);
                        readFailure.setResult(null);
                    } catch (IOException e) {
                        readFailure.setResult(e);
                    }
                }
                writer.close();
            }, "127.0.0.1", 0)) {
                Connection good = Streams.openConnection("127.0.0.1", server.port());
                good.writer().write(b("echo"));
                int port = server.port();
                int rudePort = OffLoop.call(() -> {
                    Socket rude = new Socket();
                    rude.connect(new InetSocketAddress("127.0.0.1", port));
                    rude.getOutputStream().write(b("wait, partial"));
                    rude.setSoLinger(true, 0);
                    int p = rude.getLocalPort();
                    rude.close(); // SO_LINGER 0: RST
                    return p;
                });
                Throwable e = await(readFailure);
                assertThat(e).isInstanceOf(SocketException.class)
                        .hasMessageContaining("Connection reset")
                        .hasMessageContaining("127.0.0.1:" + rudePort);
                good.writer().write(b("ping"));
                assertThat(new String(good.reader().readExactly(4), US_ASCII)).isEqualTo("ping");
                good.close();
            }
        });
    }

    /** A peer that resets while a writer waits in drain() makes drain() throw the connection's error. */
    @Test
    void resetDuringDrainRaisesTheConnectionError() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            Future<Throwable> drainFailure = loop.createFuture();
            Future<Void> draining = loop.createFuture();
            try (Server server = Streams.startServer((reader, writer) -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    while (true) {
                        writer.write(chunk);
                        if (writer.transport().getWriteBufferSize() > 64 * 1024 && !draining.done()) {
                            draining.setResult(null);
                        }
                        writer.drain();
                    }
                } catch (IOException e) {
                    drainFailure.setResult(e);
                }
            }, "127.0.0.1", 0)) {
                int port = server.port();
                Socket rude = OffLoop.call(() -> {
                    Socket s = new Socket();
                    s.setReceiveBufferSize(4096);
                    s.connect(new InetSocketAddress("127.0.0.1", port));
                    return s;
                });
                await(draining);
                OffLoop.call(() -> {
                    rude.setSoLinger(true, 0);
                    rude.close();
                    return null;
                });
                Throwable e = await(drainFailure);
                assertThat(e).isInstanceOf(IOException.class);
                assertThat(e.getMessage()).containsAnyOf("reset", "Broken pipe", "Connection lost");
                assertThat(e.getMessage()).contains("127.0.0.1:");
            }
        });
    }

    /** After the writer is closed, writes are dropped and drain() raises "Connection lost" naming the peer. */
    @Test
    void drainAfterCloseRaisesConnectionLost() throws Exception {
        Asyncio.run(() -> {
            try (Server server = Streams.startServer((reader, writer) -> writer.close(), "127.0.0.1", 0)) {
                Connection c = Streams.openConnection("127.0.0.1", server.port());
                c.writer().close();
                c.writer().waitClosed();
                c.writer().write(b("too late"));
                assertThatThrownBy(() -> c.writer().drain())
                        .isInstanceOf(SocketException.class)
                        .hasMessageContaining("Connection lost")
                        .hasMessageContaining("127.0.0.1:" + server.port());
            }
        });
    }

    /**
     * A handler that never reads keeps memory bounded: its reader stops taking bytes from the socket
     * after twice its limit (plus at most one read), and the sender's transport fills up and pauses.
     */
    @Test
    void readerThatNeverReadsStaysBounded() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            Future<StreamReader> idle = loop.createFuture();
            Future<Void> release = loop.createFuture();
            try (Server server = Streams.startServer((reader, writer) -> {
                idle.setResult(reader);
                await(release);
                writer.close();
            }, "127.0.0.1", 0)) {
                var client = loop.createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                StreamReader r = await(idle);
                byte[] chunk = new byte[64 * 1024];
                while (!client.protocol().calls.contains("pauseWriting")) {
                    client.transport().write(chunk);
                    sleep(0);
                }
                for (int i = 0; i < 50; i++) {
                    sleep(0);
                }
                assertThat(r.buffered()).isGreaterThan(2 * r.limit())
                        .isLessThanOrEqualTo(2 * r.limit() + SelectorNet.READ_BUFFER_SIZE);
                int before = r.buffered();
                client.transport().write(new byte[1024 * 1024]);
                for (int i = 0; i < 50; i++) {
                    sleep(0);
                }
                assertThat(r.buffered()).isEqualTo(before);
                release.setResult(null);
                client.transport().abort();
            }
        });
    }

    /** A slow peer makes drain() suspend: after each drain the writer's buffer is at most the high-water
     * mark, and every byte arrives. */
    @Test
    void slowPeerMakesDrainSuspend() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            int total = 8 * 1024 * 1024;
            List<Long> afterDrain = new ArrayList<>();
            try (Server server = Streams.startServer((reader, writer) -> {
                byte[] chunk = new byte[32 * 1024];
                for (int sent = 0; sent < total; sent += chunk.length) {
                    writer.write(chunk);
                    writer.drain();
                    afterDrain.add(writer.transport().getWriteBufferSize());
                }
                writer.close();
            }, "127.0.0.1", 0)) {
                Connection c = Streams.openConnection("127.0.0.1", server.port());
                long got = 0;
                while (true) {
                    byte[] d = c.reader().read(1000);
                    if (d.length == 0) {
                        break;
                    }
                    got += d.length;
                    if (got % 64 == 0) {
                        sleep(0);
                    }
                }
                assertThat(got).isEqualTo(total);
                assertThat(afterDrain).allMatch(size -> size <= WriteTransport.DEFAULT_HIGH_WATER);
                assertThat(afterDrain).anyMatch(size -> size > 0);
                c.close();
            }
        });
    }

    /** An exception escaping a server's connection handler is reported and closes that connection. */
    @Test
    void handlerExceptionIsReportedAndClosesItsConnection() throws Exception {
        List<Object> reported = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            loop.setExceptionHandler((l, ctx) -> reported.add(ctx.get("message") + ": " + ctx.get("exception")));
            try (Server server = Streams.startServer((reader, writer) -> {
                reader.readLine();
                throw new IllegalStateException("handler bug");
            }, "127.0.0.1", 0)) {
                Connection c = Streams.openConnection("127.0.0.1", server.port());
                c.writer().write(b("line\n"));
                assertThat(c.reader().read(10)).isEmpty();
                c.close();
            }
        });
        assertThat(reported).containsExactly(
                "Unhandled exception in client_connected_cb: java.lang.IllegalStateException: handler bug");
    }

    /** Cancelling a task waiting in openConnection closes the half-open socket and raises CancelledError. */
    @Test
    void cancellingAConnectClosesTheSocket() throws Exception {
        VirtualTimeLoop.run(() -> {
            EventLoop loop = getRunningLoop();
            try (Server server = loop.createServer(RecordingProtocol::new, "127.0.0.1", 0,
                    ServerOptions.defaults().backlog(1).startServing(false))) {
                List<Task<Connection>> tasks = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    tasks.add(createTask(() -> Streams.openConnection("127.0.0.1", server.port())));
                }
                sleep(0);
                sleep(0);
                for (Task<Connection> t : tasks) {
                    t.cancel();
                }
                int cancelled = 0;
                for (Task<Connection> t : tasks) {
                    try {
                        await(t).close();
                    } catch (io.jasyncio.CancelledError e) {
                        cancelled++;
                    }
                }
                assertThat(cancelled).isPositive();
            }
        });
    }
}
