package io.jasyncio.testing.net;

import static io.jasyncio.testing.net.SimFixtures.b;
import static io.jasyncio.testing.net.SimFixtures.echo;
import static io.jasyncio.testing.net.SimFixtures.pattern;
import static io.jasyncio.testing.net.SimFixtures.readsUntilEnd;
import static io.jasyncio.testing.net.SimFixtures.s;
import static io.jasyncio.testing.net.SimFixtures.shutdown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.net.WriteTransport;
import io.jasyncio.testing.AsyncTest;
import java.io.ByteArrayOutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Partitions, resets, half-open connections and slow readers, injected on command. */
class SimFaultsTest {

    /** During a partition nothing arrives; on heal the held data arrives one latency later, in order. */
    @AsyncTest
    void partitionStopsDataAndHealResumesIt(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.link("client", "server").latency(0.1);
        Server server = net.host("server").startServer(echo(), 7);
        Connection c = net.host("client").openConnection("server", 7);
        net.partition("client", "server");
        c.writer().write(b("held "));
        c.writer().write(b("in order"));
        Task<byte[]> reply = Asyncio.createTask(() -> c.reader().readExactly(13));
        Asyncio.sleep(60);
        assertThat(reply.done()).as("nothing crosses a partition").isFalse();
        double healedAt = loop.time();
        net.heal("client", "server");
        assertThat(s(Asyncio.await(reply))).isEqualTo("held in order");
        assertThat(loop.time() - healedAt).as("one latency there, one back").isCloseTo(0.2,
                org.assertj.core.api.Assertions.within(1e-9));
        c.writer().close();
        shutdown(server);
    }

    /** A connection attempt across a partition gets no answer and times out after 127 s. */
    @AsyncTest
    void connectAcrossAPartitionTimesOutAfterTheSynRetries(EventLoop loop) {
        SimNetwork net = new SimNetwork(loop);
        net.host("server");
        net.partition("client", "server");
        double start = loop.time();
        assertThatThrownBy(() -> net.host("client").openConnection("server", 80))
                .isInstanceOf(ConnectException.class).hasMessageContaining("timed out")
                .hasMessageContaining("server:80");
        assertThat(loop.time() - start).isEqualTo(127.0);
    }

    /** The options' connect timeout cuts the attempt short with a SocketTimeoutException. */
    @AsyncTest
    void connectTimeoutOptionBoundsAnAttemptAcrossAPartition(EventLoop loop) {
        SimNetwork net = new SimNetwork(loop);
        net.host("server");
        net.partition("client", "server");
        double start = loop.time();
        assertThatThrownBy(() -> net.host("client").openConnection("server", 80,
                ConnectOptions.defaults().connectTimeout(Duration.ofSeconds(5))))
                .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("server:80");
        assertThat(loop.time() - start).isEqualTo(5.0);
    }

    /** A partition that heals while the SYN is retried lets the next retry (at 1 + 2 s) through. */
    @AsyncTest
    void connectGetsThroughAtTheFirstRetryAfterHeal(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server server = net.host("server").startServer(echo(), 7);
        net.partition("client", "server");
        loop.callLater(2.5, () -> net.heal("client", "server"));
        Connection c = net.host("client").openConnection("server", 7);
        assertThat(loop.time()).isEqualTo(3.0);
        c.writer().close();
        shutdown(server);
    }

    /** A reset mid-stream fails both ends with "Connection reset by peer", each naming the other. */
    @AsyncTest
    void resetMidStreamRaisesConnectionResetOnBothSides(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Future<Throwable> serverSaw = loop.createFuture();
        Server server = net.host("server").startServer(readsUntilEnd(serverSaw), 7);
        Connection c = net.host("client").openConnection("server", 7);
        c.writer().write(b("part of a message"));
        Asyncio.sleep(1);
        net.connections().getFirst().reset();
        assertThatThrownBy(() -> c.reader().read(100)).isInstanceOf(SocketException.class)
                .hasMessageContaining("Connection reset by peer").hasMessageContaining("server:7");
        assertThatThrownBy(() -> c.writer().drain()).isInstanceOf(SocketException.class)
                .hasMessageContaining("Connection reset");
        assertThat(Asyncio.await(serverSaw)).isInstanceOf(SocketException.class)
                .hasMessageContaining("Connection reset by peer").hasMessageContaining("client:49152");
        shutdown(server);
    }

    /** A server on port 80 that sends {@code bytes} and closes; its connections reset after 1000 bytes from it. */
    private static Server sendingServerResetAfter1000(SimNetwork net, int bytes) throws BindException {
        net.onConnection(conn -> conn.resetAfter("server", 1000));
        return net.host("server").startServer((reader, writer) -> {
            writer.write(pattern(bytes));
            try {
                writer.drain();
            } catch (SocketException expected) {
                // the reset reaches this end too
            }
            writer.close();
        }, 80);
    }

    /** resetAfter lets exactly that many bytes through, then both ends fail. */
    @AsyncTest
    void resetAfterBytesDeliversThoseBytesThenFails(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server server = sendingServerResetAfter1000(net, 100_000);
        Connection c = net.host("client").openConnection("server", 80);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            while (true) {
                got.write(c.reader().read(4096));
            }
        }).isInstanceOf(SocketException.class).hasMessageContaining("Connection reset by peer");
        assertThat(got.toByteArray()).isEqualTo(java.util.Arrays.copyOf(pattern(100_000), 1000));
        shutdown(server);
    }

    /** The RST takes the place of byte N+1: a sender that stops at N bytes is not reset. */
    @AsyncTest
    void resetAfterIsNotTriggeredByASenderThatStopsInTime(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server server = sendingServerResetAfter1000(net, 1000);
        Connection c = net.host("client").openConnection("server", 80);
        assertThat(c.reader().read()).isEqualTo(pattern(1000));
        assertThat(net.connections().getFirst().isReset()).isFalse();
        shutdown(server);
    }

    /** abort() sends an RST: the peer fails with a reset, the aborting end ends quietly. */
    @AsyncTest
    void abortResetsThePeer(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Future<Throwable> serverSaw = loop.createFuture();
        Server server = net.host("server").startServer(readsUntilEnd(serverSaw), 7);
        Connection c = net.host("client").openConnection("server", 7);
        c.writer().transport().abort();
        assertThat(Asyncio.await(serverSaw)).isInstanceOf(SocketException.class)
                .hasMessageContaining("Connection reset by peer");
        c.writer().waitClosed();
        shutdown(server);
    }

    /** Half-open: the server vanishes without a FIN; the client sees nothing until its own timeout. */
    @AsyncTest
    void halfOpenSurvivorsReadTimesOut(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Future<Throwable> serverSaw = loop.createFuture();
        Server server = net.host("server").startServer(readsUntilEnd(serverSaw), 7);
        Connection c = net.host("client").openConnection("server", 7);
        net.connections().getFirst().vanish("server");
        assertThat(Asyncio.await(serverSaw)).as("the vanished end itself ends").isInstanceOf(SocketException.class)
                .hasMessageContaining("vanished");
        c.writer().write(b("anyone there?"));
        c.writer().drain();
        double start = loop.time();
        assertThatThrownBy(() -> Asyncio.timeout(30, () -> c.reader().read(100))).isInstanceOf(TimeoutError.class);
        assertThat(loop.time() - start).isEqualTo(30.0);
        assertThat(c.writer().isClosing()).as("the survivor has heard nothing").isFalse();
        c.writer().transport().abort();
        shutdown(server);
    }

    /** A crashed host's connections vanish and new attempts to it time out. */
    @AsyncTest
    void crashedHostStopsAnsweringConnects(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Future<Throwable> serverSaw = loop.createFuture();
        Server server = net.host("server").startServer(readsUntilEnd(serverSaw), 7);
        net.host("client").openConnection("server", 7);
        net.host("server").crash();
        assertThat(Asyncio.await(serverSaw)).isInstanceOf(SocketException.class).hasMessageContaining("vanished");
        assertThat(server.isServing()).isFalse();
        assertThatThrownBy(() -> net.host("client").openConnection("server", 7))
                .isInstanceOf(ConnectException.class).hasMessageContaining("timed out");
        net.connections().getFirst().reset();
    }

    /**
     * A reader that takes 16 KiB a second backs up the writer: drain() waits, the buffer passes the
     * high-water mark, and the writer finishes only once most of the megabyte has been read.
     */
    @AsyncTest
    void slowReaderBackPressuresTheWritersDrain(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        int total = 1 << 20;
        Future<Double> readerDone = loop.createFuture();
        Server server = net.host("server").startServer((reader, writer) -> {
            int read = 0;
            while (read < total) {
                read += reader.readExactly(16 * 1024).length;
                Asyncio.sleep(1);
            }
            readerDone.setResult(loop.time());
            writer.close();
        }, 80);
        Connection c = net.host("client").openConnection("server", 80);
        long maxBuffered = 0;
        for (int sent = 0; sent < total; sent += 16 * 1024) {
            c.writer().write(pattern(16 * 1024));
            maxBuffered = Math.max(maxBuffered, c.writer().transport().getWriteBufferSize());
            c.writer().drain();
        }
        double writerDone = loop.time();
        assertThat(maxBuffered).isGreaterThan(WriteTransport.DEFAULT_HIGH_WATER);
        assertThat(writerDone).as("paced by the reader, not by the network").isGreaterThan(40.0);
        assertThat(Asyncio.await(readerDone)).isEqualTo(64.0).isGreaterThan(writerDone);
        c.writer().close();
        shutdown(server);
    }

    /** A connect cancelled during the handshake leaves nothing open: the server's end is reset, unseen. */
    @AsyncTest
    void cancelledConnectLeavesNothingOpen(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.link("client", "server").latency(1);
        Future<Throwable> serverSaw = loop.createFuture();
        Server server = net.host("server").startServer(readsUntilEnd(serverSaw), 7);
        SimProtocolTest.Recorder clientSide = new SimProtocolTest.Recorder();
        Task<?> connecting = Asyncio.createTask(() -> net.host("client").createConnection(() -> clientSide,
                "server", 7));
        Asyncio.sleep(1.5); // the SYN arrived (t=1), the SYN-ACK is on its way (t=2)
        connecting.cancel();
        assertThatThrownBy(() -> Asyncio.await(connecting)).isInstanceOf(io.jasyncio.CancelledError.class);
        assertThat(Asyncio.await(serverSaw)).isInstanceOf(SocketException.class)
                .hasMessageContaining("Connection reset by peer");
        shutdown(server);
        assertThat(server.activeConnections()).isZero();
        assertThat(clientSide.calls).as("never made, so never lost either").isEmpty();
    }
}
