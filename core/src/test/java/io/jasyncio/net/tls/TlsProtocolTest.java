package io.jasyncio.net.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.net.BaseTransport;
import io.jasyncio.net.BufferedProtocol;
import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.Protocol;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Streams;
import io.jasyncio.net.TlsOptions;
import io.jasyncio.net.Transport;
import io.jasyncio.net.TransportAndProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS under the protocol API (CPython's test_sslproto.py): the call order seen by the application
 * protocol, buffered protocols, and flow control passing through the TLS layer both ways.
 */
@Timeout(30)
class TlsProtocolTest {

    /** Records the calls a protocol gets, and the bytes. */
    static final class Recorder implements Protocol {
        final EventLoop loop = Asyncio.getRunningLoop();
        final List<String> calls = new ArrayList<>();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final Future<Throwable> lost = loop.createFuture();
        Transport transport;
        Object cipherAtConnectionMade;
        Future<Void> waiter;
        long waitingFor;
        Runnable onFirstData;

        @Override
        public void connectionMade(BaseTransport t) {
            calls.add("connectionMade");
            transport = (Transport) t;
            cipherAtConnectionMade = t.getExtraInfo("cipher");
        }

        @Override
        public void dataReceived(byte[] data) {
            if (calls.isEmpty() || !calls.get(calls.size() - 1).equals("dataReceived")) {
                calls.add("dataReceived");
            }
            received.write(data, 0, data.length);
            if (onFirstData != null) {
                Runnable r = onFirstData;
                onFirstData = null;
                r.run();
            }
            wake();
        }

        @Override
        public boolean eofReceived() {
            calls.add("eofReceived");
            return false;
        }

        @Override
        public void connectionLost(Throwable exc) {
            calls.add("connectionLost");
            lost.setResult(exc);
            waitingFor = 0;
            wake();
        }

        @Override
        public void pauseWriting() {
            calls.add("pauseWriting");
        }

        @Override
        public void resumeWriting() {
            calls.add("resumeWriting");
        }

        private void wake() {
            if (waiter != null && received.size() >= waitingFor) {
                Future<Void> w = waiter;
                waiter = null;
                w.setResult(null);
            }
        }

        void awaitBytes(long n) throws Exception {
            if (received.size() >= n || lost.done()) {
                return;
            }
            waitingFor = n;
            waiter = loop.createFuture();
            Asyncio.await(waiter);
        }
    }

    /** Small kernel buffers, so that a few hundred KiB fill a connection (loopback autotunes up to MiBs). */
    static void smallSocketBuffers(Object socket) throws IOException {
        NetworkChannel ch = (NetworkChannel) socket;
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, 16 * 1024);
    }

    private static TransportAndProtocol<Transport, Recorder> connect(int port, TlsOptions tls) throws Exception {
        return Asyncio.getRunningLoop().createConnection(Recorder::new, "localhost", port, ConnectOptions.defaults(), tls);
    }

    /** connectionMade comes after the handshake, then data, EOF (the peer's close_notify), connectionLost(null). */
    @Test
    void callOrder() throws Exception {
        TestCerts certs = TestCerts.get();
        Recorder p = Asyncio.run(() -> {
            try (Server server = Streams.startServer((r, w) -> {
                w.write("hi".getBytes(US_ASCII));
                w.close();
                w.waitClosed();
            }, "127.0.0.1", 0, certs.serverContext())) {
                Recorder rec = connect(server.port(), TlsOptions.of(certs.clientContext())).protocol();
                assertThat(Asyncio.await(rec.lost)).isNull();
                return rec;
            }
        });
        assertThat(p.calls).containsExactly("connectionMade", "dataReceived", "eofReceived", "connectionLost");
        assertThat(p.cipherAtConnectionMade).isNotNull();
        assertThat(p.received.toString(US_ASCII)).isEqualTo("hi");
    }

    /** A BufferedProtocol with a small buffer receives a large message whole. */
    @Test
    void bufferedProtocol() throws Exception {
        TestCerts certs = TestCerts.get();
        byte[] payload = new byte[300_000];
        new Random(7).nextBytes(payload);
        byte[] got = Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<byte[]> done = loop.createFuture();
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            BufferedProtocol bp = new BufferedProtocol() {
                final ByteBuffer buf = ByteBuffer.allocate(1000);

                @Override
                public ByteBuffer getBuffer(int sizeHint) {
                    return buf.clear();
                }

                @Override
                public void bufferUpdated(int nbytes) {
                    sink.write(buf.array(), 0, nbytes);
                }

                @Override
                public void connectionLost(Throwable exc) {
                    done.setResult(sink.toByteArray());
                }
            };
            try (Server server = Streams.startServer((r, w) -> {
                w.write(payload);
                w.drain();
                w.close();
            }, "127.0.0.1", 0, certs.serverContext())) {
                loop.createConnection(() -> bp, "localhost", server.port(), ConnectOptions.defaults(),
                        TlsOptions.of(certs.clientContext()));
                return Asyncio.await(done);
            }
        });
        assertThat(got).isEqualTo(payload);
    }

    /**
     * pauseReading on the TLS transport stops the socket's reading: a server sending 8 MiB gets
     * stuck with at most a read's worth delivered after the pause; resumeReading lets it all through.
     */
    @Test
    void pauseReadingPassesThrough() throws Exception {
        TestCerts certs = TestCerts.get();
        byte[] payload = new byte[4 << 20];
        new Random(3).nextBytes(payload);
        long[] sentAtStall = new long[1];
        long[] receivedAtStall = new long[1];
        byte[] got = Asyncio.run(() -> {
            long[] sent = new long[1];
            try (Server server = Streams.startServer((r, w) -> {
                smallSocketBuffers(w.getExtraInfo("socket"));
                for (int off = 0; off < payload.length; off += 65536) {
                    w.write(payload, off, 65536);
                    w.drain();
                    sent[0] = off + 65536;
                }
                w.close();
            }, "127.0.0.1", 0, certs.serverContext())) {
                Recorder p = connect(server.port(), TlsOptions.of(certs.clientContext())).protocol();
                smallSocketBuffers(p.transport.getExtraInfo("socket"));
                p.onFirstData = () -> p.transport.pauseReading();
                p.awaitBytes(1);
                assertThat(p.transport.isReading()).isFalse();
                // Wait until the sender stops making progress (its drain is blocked).
                long last = -1;
                int still = 0;
                for (int i = 0; i < 500 && still < 5; i++) {
                    Asyncio.sleep(0.01);
                    still = sent[0] == last ? still + 1 : 0;
                    last = sent[0];
                }
                sentAtStall[0] = sent[0];
                receivedAtStall[0] = p.received.size();
                p.transport.resumeReading();
                p.awaitBytes(payload.length);
                return p.received.toByteArray();
            }
        });
        assertThat(sentAtStall[0]).isLessThan(payload.length);
        assertThat(receivedAtStall[0]).isLessThanOrEqualTo(512 * 1024);
        assertThat(MessageDigest.getInstance("SHA-256").digest(got))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload));
    }

    /**
     * Writing more than the high-water mark (512 KiB by default) to a peer that does not read calls
     * pauseWriting and makes drain suspend; once the peer reads, resumeWriting comes and drain
     * returns.
     */
    @Test
    void writeFlowControl() throws Exception {
        TestCerts certs = TestCerts.get();
        byte[] payload = new byte[4 << 20];
        new Random(9).nextBytes(payload);
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> startReading = loop.createFuture();
            Future<Void> ready = loop.createFuture();
            Future<byte[]> serverGot = loop.createFuture();
            try (Server server = Streams.startServer((r, w) -> {
                smallSocketBuffers(w.getExtraInfo("socket"));
                ready.setResult(null);
                Asyncio.await(startReading);
                serverGot.setResult(r.readExactly(payload.length));
                w.close();
            }, "127.0.0.1", 0, certs.serverContext())) {
                var c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                StreamWriter w = c.writer();
                Asyncio.await(ready);
                smallSocketBuffers(w.getExtraInfo("socket"));
                assertThat(w.transport().getWriteBufferLimits()).containsExactly(128 * 1024, 512 * 1024);
                w.write(payload);
                assertThat(w.transport().getWriteBufferSize()).isGreaterThan(512 * 1024);
                Task<Void> draining = Asyncio.createTask(w::drain);
                for (int i = 0; i < 20; i++) {
                    Asyncio.sleep(0.005);
                }
                assertThat(draining.done()).isFalse();
                startReading.setResult(null);
                Asyncio.await(draining);
                assertThat(w.transport().getWriteBufferSize()).isLessThanOrEqualTo(128 * 1024);
                assertThat(MessageDigest.getInstance("SHA-256").digest(Asyncio.await(serverGot)))
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload));
                w.close();
            }
        });
    }

    /** The protocol of a TLS transport sees pauseWriting then resumeWriting, strictly alternating. */
    @Test
    void pauseAndResumeWritingCallbacks() throws Exception {
        TestCerts certs = TestCerts.get();
        Recorder p = Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> go = loop.createFuture();
            Future<Void> ready = loop.createFuture();
            try (Server server = Streams.startServer((r, w) -> {
                smallSocketBuffers(w.getExtraInfo("socket"));
                ready.setResult(null);
                Asyncio.await(go);
                while (r.read(1 << 16).length > 0) {
                    // discard
                }
                w.close();
            }, "127.0.0.1", 0, certs.serverContext())) {
                Recorder rec = connect(server.port(), TlsOptions.of(certs.clientContext())).protocol();
                Asyncio.await(ready);
                smallSocketBuffers(rec.transport.getExtraInfo("socket"));
                rec.transport.setWriteBufferLimits(64 * 1024, 16 * 1024);
                rec.transport.write(new byte[1 << 20]);
                assertThat(rec.calls).contains("pauseWriting");
                go.setResult(null);
                for (int i = 0; i < 500 && !rec.calls.contains("resumeWriting"); i++) {
                    Asyncio.sleep(0.01);
                }
                rec.transport.close();
                Asyncio.await(rec.lost);
                return rec;
            }
        });
        assertThat(p.calls).containsSubsequence("connectionMade", "pauseWriting", "resumeWriting", "connectionLost");
        assertThat(p.calls.stream().filter(c -> c.endsWith("Writing")).toList())
                .containsExactly("pauseWriting", "resumeWriting");
    }

    /** With a handshake executor, the engine's delegated tasks run on it, and the connection works. */
    @Test
    void handshakeTasksOnExecutor() throws Exception {
        TestCerts certs = TestCerts.get();
        AtomicInteger ran = new AtomicInteger();
        Executor counting = r -> {
            ran.incrementAndGet();
            ForkJoinPool.commonPool().execute(r);
        };
        String reply = Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, ServerOptions.defaults(),
                    TlsOptions.of(certs.serverContext()).handshakeExecutor(counting))) {
                var c = Streams.openConnection("localhost", server.port(),
                        TlsOptions.of(certs.clientContext()).handshakeExecutor(counting));
                c.writer().write("tasks elsewhere\n".getBytes(US_ASCII));
                byte[] line = c.reader().readLine();
                c.writer().close();
                c.writer().waitClosed();
                return new String(line, US_ASCII);
            }
        });
        assertThat(reply).isEqualTo("tasks elsewhere\n");
        assertThat(ran.get()).isGreaterThanOrEqualTo(2);
    }
}
