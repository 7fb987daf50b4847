package io.jasyncio.testing.net;

import static io.jasyncio.testing.net.SimFixtures.b;
import static io.jasyncio.testing.net.SimFixtures.echo;
import static io.jasyncio.testing.net.SimFixtures.pattern;
import static io.jasyncio.testing.net.SimFixtures.shutdown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jasyncio.EventLoop;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.testing.AsyncTest;

/** Latency and bandwidth on the loop's virtual clock. */
class SimTimingTest {

    /** The handshake and an echo each take one round trip: exactly twice the one-way latency. */
    @AsyncTest
    void latencyMakesARoundTripTakeTwiceTheOneWayDelay(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.link("client", "server").latency(0.25);
        Server server = net.host("server").startServer(echo(), 7);
        double start = loop.time();
        Connection c = net.host("client").openConnection("server", 7);
        assertThat(loop.time() - start).as("handshake").isEqualTo(0.5);
        double sent = loop.time();
        c.writer().write(b("ping"));
        c.reader().readExactly(4);
        assertThat(loop.time() - sent).as("echo").isEqualTo(0.5);
        c.writer().close();
        shutdown(server);
    }

    /** 1 MiB over a 100 KiB/s link arrives over 10.24 virtual seconds, a little at a time. */
    @AsyncTest
    void bandwidthSpreadsAMegabyteOverTheExpectedSeconds(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.link("client", "server").bandwidth(100 * 1024);
        byte[] data = pattern(1 << 20);
        Server server = net.host("server").startServer((reader, writer) -> {
            writer.write(data);
            writer.close();
        }, 80);
        Connection c = net.host("client").openConnection("server", 80);
        double start = loop.time();
        byte[] first = c.reader().read(1 << 20);
        double firstAt = loop.time() - start;
        byte[] rest = c.reader().readExactly(data.length - first.length);
        double doneAt = loop.time() - start;
        assertThat(first.length).isEqualTo(SimPipe.SEGMENT);
        assertThat(firstAt).isCloseTo(SimPipe.SEGMENT / (100.0 * 1024), within(1e-9));
        assertThat(doneAt).isCloseTo(10.24, within(1e-9));
        byte[] all = new byte[data.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        assertThat(all).isEqualTo(data);
        shutdown(server);
    }

    /** Two connections on one link share its bandwidth: both finish when the sum has crossed. */
    @AsyncTest
    void connectionsOnALinkShareItsBandwidth(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.link("client", "server").bandwidth(64 * 1024);
        Server server = net.host("server").startServer((reader, writer) -> {
            writer.write(pattern(256 * 1024));
            writer.close();
        }, 80);
        Connection a = net.host("client").openConnection("server", 80);
        Connection b = net.host("client").openConnection("server", 80);
        double start = loop.time();
        a.reader().readExactly(256 * 1024);
        b.reader().readExactly(256 * 1024);
        assertThat(loop.time() - start).isCloseTo(8.0, within(1e-9));
        shutdown(server);
    }

    /** A negative latency or a zero bandwidth is refused, naming the value and the link. */
    @AsyncTest
    void badLinkSettingsAreRejectedNamingTheValue(EventLoop loop) {
        SimNetwork net = new SimNetwork(loop);
        assertThatThrownBy(() -> net.link("a", "b").latency(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0")
                .hasMessageContaining("a <-> b");
        assertThatThrownBy(() -> net.link("a", "b").bandwidth(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bandwidth");
        assertThatThrownBy(() -> net.host("has space"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'has space'");
    }
}
