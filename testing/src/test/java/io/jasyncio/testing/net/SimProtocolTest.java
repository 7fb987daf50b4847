package io.jasyncio.testing.net;

import static io.jasyncio.testing.net.SimFixtures.b;
import static io.jasyncio.testing.net.SimFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.net.BaseTransport;
import io.jasyncio.net.BufferedProtocol;
import io.jasyncio.net.Protocol;
import io.jasyncio.net.Server;
import io.jasyncio.net.Transport;
import io.jasyncio.net.TransportAndProtocol;
import io.jasyncio.testing.AsyncTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Protocol/Transport code (loop.createServer/createConnection style) on the simulated network. */
class SimProtocolTest {

    /** Records every callback, in order. */
    static final class Recorder implements Protocol {
        final List<String> calls = new ArrayList<>();
        Transport transport;

        @Override
        public void connectionMade(BaseTransport t) {
            transport = (Transport) t;
            calls.add("made");
        }

        @Override
        public void dataReceived(byte[] data) {
            calls.add("data " + s(data));
        }

        @Override
        public boolean eofReceived() {
            calls.add("eof");
            return false;
        }

        @Override
        public void connectionLost(Throwable exc) {
            calls.add("lost " + exc);
        }

        @Override
        public void pauseWriting() {
            calls.add("pause");
        }

        @Override
        public void resumeWriting() {
            calls.add("resume");
        }
    }

    /** Callbacks come in asyncio's order: made, data, eof, lost(null), once each at the ends. */
    @AsyncTest
    void callbacksFollowTheProtocolStateMachine(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Recorder serverSide = new Recorder();
        Server server = net.host("server").listen(9, () -> serverSide);
        TransportAndProtocol<Transport, Recorder> tp = net.host("client").createConnection(Recorder::new, "server", 9);
        tp.transport().write(b("one"));
        tp.transport().write(b("two"));
        tp.transport().close();
        server.close();
        server.waitClosed();
        assertThat(serverSide.calls).containsExactly("made", "data one", "data two", "eof", "lost null");
        assertThat(tp.protocol().calls).containsExactly("made", "lost null");
    }

    /** A paused transport delivers nothing; resuming delivers what waited, in order. */
    @AsyncTest
    void pausedReadingHoldsDataUntilResumed(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Recorder serverSide = new Recorder();
        Server server = net.host("server").listen(9, () -> serverSide);
        TransportAndProtocol<Transport, Recorder> tp = net.host("client").createConnection(Recorder::new, "server", 9);
        Asyncio.sleep(0.1);
        serverSide.transport.pauseReading();
        assertThat(serverSide.transport.isReading()).isFalse();
        tp.transport().write(b("held"));
        Asyncio.sleep(10);
        assertThat(serverSide.calls).containsExactly("made");
        serverSide.transport.resumeReading();
        Asyncio.sleep(0.1);
        assertThat(serverSide.calls).containsExactly("made", "data held");
        tp.transport().abort();
        server.close();
        server.waitClosed();
    }

    /** Writes past the high-water mark pause the protocol; the peer's reading resumes it. */
    @AsyncTest
    void writeBufferLimitsPauseAndResumeTheProtocol(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop).receiveWindow(1000);
        Recorder serverSide = new Recorder();
        Server server = net.host("server").listen(9, () -> serverSide);
        TransportAndProtocol<Transport, Recorder> tp = net.host("client").createConnection(Recorder::new, "server", 9);
        tp.transport().setWriteBufferLimits(2000, 500);
        assertThat(tp.transport().getWriteBufferLimits()).containsExactly(500, 2000);
        Asyncio.sleep(0.1);
        serverSide.transport.pauseReading();
        tp.transport().write(new byte[3500]);
        assertThat(tp.transport().getWriteBufferSize()).as("a window's worth is on the wire").isEqualTo(2500);
        assertThat(tp.protocol().calls).containsExactly("made", "pause");
        serverSide.transport.resumeReading();
        Asyncio.sleep(0.1);
        assertThat(tp.protocol().calls).containsExactly("made", "pause", "resume");
        assertThat(tp.transport().getWriteBufferSize()).isZero();
        tp.transport().close();
        server.close();
        server.waitClosed();
    }

    /** A BufferedProtocol is filled through getBuffer, however small its buffers, bytes in order. */
    @AsyncTest
    void bufferedProtocolIsFilledThroughItsOwnBuffers(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        StringBuilder got = new StringBuilder();
        List<Integer> sizes = new ArrayList<>();
        ByteBuffer small = ByteBuffer.allocate(3);
        Server server = net.host("server").listen(9, () -> new BufferedProtocol() {
            @Override
            public ByteBuffer getBuffer(int sizeHint) {
                return small.clear();
            }

            @Override
            public void bufferUpdated(int n) {
                sizes.add(n);
                got.append(new String(small.array(), 0, n, java.nio.charset.StandardCharsets.US_ASCII));
            }
        });
        TransportAndProtocol<Transport, Recorder> tp = net.host("client").createConnection(Recorder::new, "server", 9);
        tp.transport().write(b("abcdefgh"));
        tp.transport().close();
        server.close();
        server.waitClosed();
        assertThat(got).hasToString("abcdefgh");
        assertThat(sizes).containsExactly(3, 3, 2);
    }
}
