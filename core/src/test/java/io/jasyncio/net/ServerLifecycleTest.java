package io.jasyncio.net;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.sleep;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import java.net.BindException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Server lifecycle: serving, closing, waiting for clients (CPython's test_server). */
@Timeout(30)
class ServerLifecycleTest {

    private static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        while (true) {
            byte[] d = reader.read(1024);
            if (d.length == 0) {
                break;
            }
            writer.write(d);
            writer.drain();
        }
        writer.close();
    }

    /** A server created with startServing(false) accepts nothing until startServing(). */
    @Test
    void startServingLater() throws Exception {
        Asyncio.run(() -> {
            try (Server server = Streams.startServer(ServerLifecycleTest::echo, "127.0.0.1", 0,
                    ServerOptions.defaults().startServing(false))) {
                assertThat(server.isServing()).isFalse();
                Connection c = Streams.openConnection("127.0.0.1", server.port());
                c.writer().write("x".getBytes(US_ASCII));
                for (int i = 0; i < 20; i++) {
                    sleep(0);
                }
                assertThat(server.activeConnections()).isZero();
                server.startServing();
                assertThat(server.isServing()).isTrue();
                assertThat(c.reader().readExactly(1)).containsExactly('x');
                assertThat(server.activeConnections()).isEqualTo(1);
                c.close();
            }
        });
    }

    /** After close() the port refuses connections, and the accepted connections stay open. */
    @Test
    void closeStopsListeningButKeepsConnections() throws Exception {
        Asyncio.run(() -> {
            Server server = Streams.startServer(ServerLifecycleTest::echo, "127.0.0.1", 0);
            int port = server.port();
            Connection c = Streams.openConnection("127.0.0.1", port);
            c.writer().write("a".getBytes(US_ASCII));
            c.reader().readExactly(1);
            server.close();
            assertThat(server.isServing()).isFalse();
            assertThat(server.sockets()).isEmpty();
            sleep(0);
            assertThatThrownBy(() -> Streams.openConnection("127.0.0.1", port)).isInstanceOf(ConnectException.class);
            c.writer().write("b".getBytes(US_ASCII));
            assertThat(c.reader().readExactly(1)).containsExactly('b');
            c.close();
            server.waitClosed();
            assertThat(server.activeConnections()).isZero();
        });
    }

    /** waitClosed returns only once the server is closed and its last connection has ended. */
    @Test
    void waitClosedWaitsForConnections() throws Exception {
        Asyncio.run(() -> {
            Server server = Streams.startServer(ServerLifecycleTest::echo, "127.0.0.1", 0);
            Connection c = Streams.openConnection("127.0.0.1", server.port());
            c.writer().write("a".getBytes(US_ASCII));
            c.reader().readExactly(1);
            List<String> trace = new ArrayList<>();
            Task<Void> waiter = createTask(() -> {
                server.waitClosed();
                trace.add("closed");
            });
            server.close();
            for (int i = 0; i < 20; i++) {
                sleep(0);
            }
            assertThat(trace).isEmpty();
            c.close();
            await(waiter);
            assertThat(trace).containsExactly("closed");
        });
    }

    /** closeClients closes every accepted connection; the clients read EOF. */
    @Test
    void closeClientsEndsConnections() throws Exception {
        Asyncio.run(() -> {
            try (Server server = Streams.startServer((r, w) -> r.read(), "127.0.0.1", 0)) {
                Connection a = Streams.openConnection("127.0.0.1", server.port());
                Connection b = Streams.openConnection("127.0.0.1", server.port());
                while (server.activeConnections() < 2) {
                    sleep(0);
                }
                server.closeClients();
                assertThat(a.reader().read()).isEmpty();
                assertThat(b.reader().read()).isEmpty();
                a.close();
                b.close();
            }
        });
    }

    /** abortClients drops the accepted connections at once. */
    @Test
    void abortClientsEndsConnections() throws Exception {
        Asyncio.run(() -> {
            Server server = Streams.startServer((r, w) -> r.read(), "127.0.0.1", 0);
            Connection a = Streams.openConnection("127.0.0.1", server.port());
            while (server.activeConnections() < 1) {
                sleep(0);
            }
            server.close();
            server.abortClients();
            server.waitClosed();
            assertThat(server.activeConnections()).isZero();
            assertThat(a.reader().read()).isEmpty();
            a.close();
        });
    }

    /** serveForever runs until its task is cancelled, then the server is closed; calling it twice fails. */
    @Test
    void serveForeverEndsWithCancellationAndCloses() throws Exception {
        Asyncio.run(() -> {
            Server server = Streams.startServer(ServerLifecycleTest::echo, "127.0.0.1", 0);
            Task<Void> forever = createTask(server::serveForever);
            sleep(0);
            assertThatThrownBy(server::serveForever).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already");
            forever.cancel();
            assertThatThrownBy(() -> await(forever)).isInstanceOf(CancelledError.class);
            assertThat(server.sockets()).isEmpty();
            assertThatThrownBy(server::serveForever).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        });
    }

    /** Binding a port that is in use raises BindException naming the address. */
    @Test
    void bindErrorNamesTheAddress() throws Exception {
        Asyncio.run(() -> {
            try (Server first = Streams.startServer(ServerLifecycleTest::echo, "127.0.0.1", 0)) {
                assertThatThrownBy(() -> Streams.startServer(ServerLifecycleTest::echo, "127.0.0.1", first.port()))
                        .isInstanceOf(BindException.class)
                        .hasMessageContaining("127.0.0.1:" + first.port());
            }
        });
    }

    /** With reusePort, two servers (two loops, or here one) can listen on the same port. */
    @Test
    void reusePortLetsTwoServersShareAPort() throws Exception {
        Asyncio.run(() -> {
            ServerOptions opts = ServerOptions.defaults().reusePort(true);
            try (Server a = Streams.startServer(ServerLifecycleTest::echo, "127.0.0.1", 0, opts);
                    Server b = Streams.startServer(ServerLifecycleTest::echo, "127.0.0.1", a.port(), opts)) {
                assertThat(b.port()).isEqualTo(a.port());
            }
        });
    }

    /** A null host listens on all interfaces: the server is reachable on 127.0.0.1 (and ::1 where available). */
    @Test
    void nullHostListensEverywhere() throws Exception {
        Asyncio.run(() -> {
            try (Server server = Streams.startServer(ServerLifecycleTest::echo, null, 0)) {
                Connection c = Streams.openConnection("127.0.0.1", server.port());
                c.writer().write("4".getBytes(US_ASCII));
                assertThat(c.reader().readExactly(1)).containsExactly('4');
                c.close();
                if (Ipv6.available()) {
                    Connection c6 = Streams.openConnection("::1", server.port());
                    c6.writer().write("6".getBytes(US_ASCII));
                    assertThat(c6.reader().readExactly(1)).containsExactly('6');
                    c6.close();
                }
            }
        });
    }

    /** IPv6 loopback works end to end, and addresses print as [::1]:port in errors. */
    @Test
    void ipv6Loopback() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Ipv6.available(), "no IPv6 loopback (::1) on this machine");
        Asyncio.run(() -> {
            try (Server server = Streams.startServer(ServerLifecycleTest::echo, "::1", 0)) {
                Connection c = Streams.openConnection("::1", server.port());
                c.writer().write("v6".getBytes(US_ASCII));
                assertThat(new String(c.reader().readExactly(2), US_ASCII)).isEqualTo("v6");
                c.close();
                int port = server.port();
                server.close();
                sleep(0);
                assertThatThrownBy(() -> Streams.openConnection("::1", port))
                        .isInstanceOf(ConnectException.class).hasMessageContaining("[::1]:" + port);
            }
        });
    }

    /** Whether ::1 can be bound here. */
    static final class Ipv6 {
        static boolean available() {
            try (var s = java.nio.channels.ServerSocketChannel.open()) {
                s.bind(new java.net.InetSocketAddress("::1", 0));
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }
}
