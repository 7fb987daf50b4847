package io.jasyncio.net;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.sleep;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Protocols and socket transports over real loopback connections (CPython's test_selector_events
 * and the transport parts of test_events).
 */
@Timeout(30)
class ProtocolTransportTest {

    private static byte[] b(String s) {
        return s.getBytes(US_ASCII);
    }

    /** The server side's protocol, handed over when the connection is accepted. */
    private static final class Accepted {
        final List<RecordingProtocol> protocols = new ArrayList<>();
        Future<RecordingProtocol> next;

        RecordingProtocol make() {
            RecordingProtocol p = new RecordingProtocol();
            protocols.add(p);
            if (next != null && !next.done()) {
                next.setResult(p);
            }
            return p;
        }

        RecordingProtocol await(int index) throws Exception {
            while (protocols.size() <= index) {
                next = getRunningLoop().createFuture();
                Asyncio.await(next);
            }
            RecordingProtocol p = protocols.get(index);
            Asyncio.await(p.made);
            return p;
        }
    }

    /** Calls arrive in the documented order: connectionMade, dataReceived*, eofReceived, connectionLost. */
    @Test
    void callsFollowTheStateMachine() throws Exception {
        Asyncio.run(() -> {
            Accepted accepted = new Accepted();
            try (Server server = getRunningLoop().createServer(accepted::make, "127.0.0.1", 0)) {
                var client = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                assertThat(client.protocol().calls).containsExactly("connectionMade");
                client.transport().write(b("hello "));
                client.transport().write(b("world"));
                client.transport().writeEof();
                RecordingProtocol s = accepted.await(0);
                assertThat(await(s.lost)).isNull();
                assertThat(s.received.toString(US_ASCII)).isEqualTo("hello world");
                assertThat(s.calls).containsExactly("connectionMade", "dataReceived", "eofReceived", "connectionLost");
                await(client.protocol().lost);
                assertThat(client.protocol().calls).containsExactly("connectionMade", "eofReceived", "connectionLost");
            }
        });
    }

    /** eofReceived returning true keeps the transport half-open: the side that got EOF can still write. */
    @Test
    void eofReceivedTrueKeepsTheTransportHalfOpen() throws Exception {
        Asyncio.run(() -> {
            Accepted accepted = new Accepted();
            try (Server server = getRunningLoop().createServer(() -> {
                RecordingProtocol p = accepted.make();
                p.keepOpenOnEof = true;
                return p;
            }, "127.0.0.1", 0)) {
                var client = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                client.transport().write(b("request"));
                client.transport().writeEof();
                RecordingProtocol s = accepted.await(0);
                await(s.eof);
                assertThat(s.transport.isClosing()).isFalse();
                s.transport.write(b("response after EOF"));
                s.transport.close();
                await(client.protocol().lost);
                assertThat(client.protocol().received.toString(US_ASCII)).isEqualTo("response after EOF");
                assertThat(s.received.toString(US_ASCII)).isEqualTo("request");
            }
        });
    }

    /** getExtraInfo gives peername, sockname and socket; TCP_NODELAY is on at both ends. */
    @Test
    void extraInfoAndNoDelay() throws Exception {
        Asyncio.run(() -> {
            Accepted accepted = new Accepted();
            try (Server server = getRunningLoop().createServer(accepted::make, "127.0.0.1", 0)) {
                var client = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                RecordingProtocol s = accepted.await(0);
                Transport c = client.transport();
                InetSocketAddress peer = (InetSocketAddress) c.getExtraInfo("peername");
                InetSocketAddress local = (InetSocketAddress) c.getExtraInfo("sockname");
                assertThat(peer.getPort()).isEqualTo(server.port());
                assertThat(s.transport.getExtraInfo("peername")).isEqualTo(local);
                assertThat(s.transport.getExtraInfo("sockname")).isEqualTo(peer);
                assertThat(c.getExtraInfo("nosuchkey")).isNull();
                assertThat(c.getExtraInfo("nosuchkey", "dflt")).isEqualTo("dflt");
                SocketChannel cs = (SocketChannel) c.getExtraInfo("socket");
                SocketChannel ss = (SocketChannel) s.transport.getExtraInfo("socket");
                assertThat(cs.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
                assertThat(ss.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
                c.close();
            }
        });
    }

    /**
     * A reader that pauses makes the writer's buffer grow past the high-water mark (pauseWriting,
     * with nothing delivered meanwhile); resuming delivers everything and the writer's buffer
     * drains (resumeWriting).
     */
    @Test
    void flowControlBothWays() throws Exception {
        Asyncio.run(() -> {
            Accepted accepted = new Accepted();
            try (Server server = getRunningLoop().createServer(accepted::make, "127.0.0.1", 0)) {
                var client = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                RecordingProtocol s = accepted.await(0);
                s.transport.pauseReading();
                assertThat(s.transport.isReading()).isFalse();
                Transport c = client.transport();
                byte[] chunk = new byte[64 * 1024];
                new Random(1).nextBytes(chunk);
                long sent = 0;
                while (!client.protocol().calls.contains("pauseWriting")) {
                    c.write(chunk);
                    sent += chunk.length;
                    sleep(0);
                }
                assertThat(c.getWriteBufferSize()).isGreaterThan(64 * 1024);
                assertThat(s.received.size()).isZero();
                s.transport.resumeReading();
                s.awaitBytes(sent);
                assertThat(s.received.size()).isEqualTo(sent);
                while (c.getWriteBufferSize() > 0) {
                    sleep(0);
                }
                assertThat(client.protocol().calls).endsWith("pauseWriting", "resumeWriting");
                c.close();
            }
        });
    }

    /** setWriteBufferLimits validates its marks and getWriteBufferLimits reports them as {low, high}. */
    @Test
    void writeBufferLimits() throws Exception {
        Asyncio.run(() -> {
            try (Server server = getRunningLoop().createServer(RecordingProtocol::new, "127.0.0.1", 0)) {
                var client = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                Transport t = client.transport();
                assertThat(t.getWriteBufferLimits()).containsExactly(16 * 1024, 64 * 1024);
                t.setWriteBufferLimits(1000);
                assertThat(t.getWriteBufferLimits()).containsExactly(250, 1000);
                t.setWriteBufferLimits(10, 5);
                assertThat(t.getWriteBufferLimits()).containsExactly(5, 10);
                assertThatThrownBy(() -> t.setWriteBufferLimits(5, 10)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> t.setWriteBufferLimits(5, -1)).isInstanceOf(IllegalArgumentException.class);
                t.close();
            }
        });
    }

    /** close() sends everything still buffered, then the peer sees EOF, then connectionLost(null). */
    @Test
    void closeFlushesBufferedDataFirst() throws Exception {
        Asyncio.run(() -> {
            Accepted accepted = new Accepted();
            try (Server server = getRunningLoop().createServer(accepted::make, "127.0.0.1", 0)) {
                var client = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                RecordingProtocol s = accepted.await(0);
                byte[] big = new byte[4 * 1024 * 1024];
                new Random(2).nextBytes(big);
                client.transport().write(big);
                assertThat(client.transport().getWriteBufferSize()).isPositive();
                client.transport().close();
                assertThat(client.transport().isClosing()).isTrue();
                await(s.lost);
                assertThat(s.received.toByteArray()).isEqualTo(big);
                assertThat(await(client.protocol().lost)).isNull();
            }
        });
    }

    /** abort() drops buffered data and ends the connection at once with connectionLost(null). */
    @Test
    void abortDropsBufferedData() throws Exception {
        Asyncio.run(() -> {
            Accepted accepted = new Accepted();
            try (Server server = getRunningLoop().createServer(accepted::make, "127.0.0.1", 0)) {
                var client = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                RecordingProtocol s = accepted.await(0);
                s.transport.pauseReading();
                byte[] big = new byte[8 * 1024 * 1024];
                client.transport().write(big);
                client.transport().abort();
                assertThat(client.transport().getWriteBufferSize()).isZero();
                assertThat(await(client.protocol().lost)).isNull();
                s.transport.resumeReading();
                await(s.lost);
                assertThat(s.received.size()).isLessThan(big.length);
            }
        });
    }

    /** write() after writeEof() is a programming error. */
    @Test
    void writeAfterWriteEofThrows() throws Exception {
        Asyncio.run(() -> {
            try (Server server = getRunningLoop().createServer(RecordingProtocol::new, "127.0.0.1", 0)) {
                var client = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                assertThat(client.transport().canWriteEof()).isTrue();
                client.transport().writeEof();
                assertThatThrownBy(() -> client.transport().write(b("late")))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("writeEof");
                client.transport().close();
            }
        });
    }

    /** Writes after the connection was lost are dropped without an exception (CPython semantics). */
    @Test
    void writeAfterCloseIsDropped() throws Exception {
        Asyncio.run(() -> {
            try (Server server = getRunningLoop().createServer(RecordingProtocol::new, "127.0.0.1", 0)) {
                var client = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                client.transport().close();
                await(client.protocol().lost);
                for (int i = 0; i < 7; i++) {
                    client.transport().write(b("dropped"));
                }
                assertThat(client.transport().getWriteBufferSize()).isZero();
                assertThat(client.protocol().calls).containsExactly("connectionMade", "connectionLost");
            }
        });
    }

    /** A protocol callback that throws goes to the exception handler, its connection is aborted with that
     * exception, and another connection on the same loop keeps working. */
    @Test
    void throwingCallbackClosesOnlyItsConnection() throws Exception {
        List<Map<String, Object>> reported = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
            RuntimeException boom = new RuntimeException("boom in dataReceived");
            AtomicReference<Throwable> lostWith = new AtomicReference<>();
            Future<Void> lost = loop.createFuture();
            Accepted accepted = new Accepted();
            try (Server server = loop.createServer(accepted::make, "127.0.0.1", 0)) {
                var bad = loop.createConnection(() -> new Protocol() {
                    @Override
                    public void dataReceived(byte[] data) {
                        throw boom;
                    }

                    @Override
                    public void connectionLost(Throwable exc) {
                        lostWith.set(exc);
                        lost.setResult(null);
                    }
                }, "127.0.0.1", server.port());
                var good = loop.createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                RecordingProtocol badPeer = accepted.await(0);
                RecordingProtocol goodPeer = accepted.await(1);
                badPeer.transport.write(b("trigger"));
                await(lost);
                assertThat(lostWith.get()).isSameAs(boom);
                assertThat(bad.transport().isClosing()).isTrue();
                goodPeer.transport.write(b("still fine"));
                good.protocol().awaitBytes(10);
                assertThat(good.protocol().received.toString(US_ASCII)).isEqualTo("still fine");
                good.transport().close();
            }
        });
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).get("message").toString()).contains("dataReceived");
        assertThat(reported.get(0).get("exception")).hasToString("java.lang.RuntimeException: boom in dataReceived");
    }

    /** dataReceived(ByteBuffer) gets a read-only view valid during the call, which write() can echo directly. */
    @Test
    void byteBufferViewCanBeEchoedWithoutCopy() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            List<Boolean> readOnly = new ArrayList<>();
            try (Server server = loop.createServer(() -> new Protocol() {
                Transport t;

                @Override
                public void connectionMade(BaseTransport transport) {
                    t = (Transport) transport;
                }

                @Override
                public void dataReceived(ByteBuffer data) {
                    readOnly.add(data.isReadOnly());
                    t.write(data);
                }
            }, "127.0.0.1", 0)) {
                var client = loop.createConnection(RecordingProtocol::new, "127.0.0.1", server.port());
                byte[] payload = new byte[300_000];
                new Random(3).nextBytes(payload);
                client.transport().write(payload);
                client.protocol().awaitBytes(payload.length);
                assertThat(client.protocol().received.toByteArray()).isEqualTo(payload);
                assertThat(readOnly).isNotEmpty().containsOnly(true);
                client.transport().close();
            }
        });
    }

    /** A BufferedProtocol gets the bytes read straight into the buffer it supplies, and only bytes. */
    @Test
    void bufferedProtocolReceivesIntoItsOwnBuffer() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            ByteBuffer mine = ByteBuffer.allocate(64);
            List<Integer> updates = new ArrayList<>();
            Future<Void> eof = loop.createFuture();
            try (Server server = loop.createServer(RecordingProtocol::new, "127.0.0.1", 0)) {
                var client = loop.createConnection(() -> new BufferedProtocol() {
                    @Override
                    public ByteBuffer getBuffer(int sizeHint) {
                        return mine;
                    }

                    @Override
                    public void bufferUpdated(int nbytes) {
                        updates.add(nbytes);
                    }

                    @Override
                    public boolean eofReceived() {
                        eof.setResult(null);
                        return false;
                    }
                }, "127.0.0.1", server.port());
                // The peer closes without sending: EOF, and no bytes ever reach the buffer.
                server.closeClients();
                await(eof);
                assertThat(updates).isEmpty();
                client.transport().close();
            }
            mine.clear();
            try (Server server = loop.createServer(() -> new Protocol() {
                @Override
                public void connectionMade(BaseTransport t) {
                    ((Transport) t).write(b("buffered hello"));
                    ((Transport) t).close();
                }
            }, "127.0.0.1", 0)) {
                Future<Void> done = loop.createFuture();
                loop.createConnection(() -> new BufferedProtocol() {
                    @Override
                    public ByteBuffer getBuffer(int sizeHint) {
                        return mine;
                    }

                    @Override
                    public void bufferUpdated(int nbytes) {
                        updates.add(nbytes);
                    }

                    @Override
                    public void connectionLost(Throwable exc) {
                        done.setResult(null);
                    }
                }, "127.0.0.1", server.port());
                await(done);
            }
            mine.flip();
            assertThat(US_ASCII.decode(mine).toString()).isEqualTo("buffered hello");
            assertThat(updates.stream().mapToInt(Integer::intValue).sum()).isEqualTo(14);
        });
    }

    /** Connections waiting in the backlog are all accepted in the same loop iteration. */
    @Test
    void acceptsManyConnectionsPerIteration() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            int[] tick = {0};
            boolean[] ticking = {true};
            Runnable[] ticker = new Runnable[1];
            ticker[0] = () -> {
                tick[0]++;
                if (ticking[0]) {
                    loop.callSoon(ticker[0]);
                }
            };
            List<Integer> madeAt = new ArrayList<>();
            int n = 50;
            Future<Void> all = loop.createFuture();
            try (Server server = loop.createServer(() -> new Protocol() {
                @Override
                public void connectionMade(BaseTransport t) {
                    madeAt.add(tick[0]);
                    if (madeAt.size() == n) {
                        all.setResult(null);
                    }
                }
            }, "127.0.0.1", 0, ServerOptions.defaults().startServing(false).backlog(128))) {
                int port = server.port();
                List<SocketChannel> clients = OffLoop.call(() -> {
                    List<SocketChannel> cs = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        // Blocking connects complete in the kernel's backlog; nobody accepts yet.
                        cs.add(SocketChannel.open(new InetSocketAddress("127.0.0.1", port)));
                    }
                    return cs;
                });
                loop.callSoon(ticker[0]);
                server.startServing();
                await(all);
                ticking[0] = false;
                assertThat(madeAt).hasSize(n);
                assertThat(madeAt.stream().distinct().count()).isEqualTo(1);
                for (SocketChannel c : clients) {
                    c.close();
                }
                server.abortClients();
            }
        });
    }
}
