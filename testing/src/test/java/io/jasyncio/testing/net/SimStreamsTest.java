package io.jasyncio.testing.net;

import static io.jasyncio.testing.net.SimFixtures.b;
import static io.jasyncio.testing.net.SimFixtures.echo;
import static io.jasyncio.testing.net.SimFixtures.pattern;
import static io.jasyncio.testing.net.SimFixtures.s;
import static io.jasyncio.testing.net.SimFixtures.shutdown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.EventLoop;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.testing.AsyncTest;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Streams code (StreamReader/StreamWriter) on the simulated network, as on sockets. */
class SimStreamsTest {

    /** The asyncio docs' echo server and client, across two simulated hosts. */
    @AsyncTest
    void streamEchoAcrossTheNetwork(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server server = net.host("server").startServer(echo(), 7);
        Connection c = net.host("client").openConnection("server", 7);
        c.writer().write(b("hello\n"));
        assertThat(s(c.reader().readLine())).isEqualTo("hello\n");
        c.writer().close();
        assertThat(c.reader().read(10)).isEmpty();
        shutdown(server);
    }

    /** A megabyte written in one call arrives whole and in order. */
    @AsyncTest
    void largeWriteArrivesWholeAndInOrder(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server server = net.host("server").startServer(echo(), 7);
        Connection c = net.host("client").openConnection("server", 7);
        byte[] data = pattern(1 << 20);
        c.writer().write(data);
        assertThat(c.reader().readExactly(data.length)).isEqualTo(data);
        c.writer().close();
        shutdown(server);
    }

    /** writeEof half-closes: the server reads end-of-file and can still answer. */
    @AsyncTest
    void writeEofHalfClosesAndThePeerCanStillAnswer(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server server = net.host("server").startServer((reader, writer) -> {
            byte[] all = reader.read();
            writer.write(b("got " + all.length));
            writer.close();
        }, 7);
        Connection c = net.host("client").openConnection("server", 7);
        c.writer().write(b("12345"));
        c.writer().writeEof();
        assertThat(s(c.reader().read())).isEqualTo("got 5");
        shutdown(server);
    }

    /** Each end's peername and sockname name the simulated hosts and ports. */
    @AsyncTest
    void addressesNameTheHostsAndPorts(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server server = net.host("server").startServer((reader, writer) -> {
            writer.write(b(String.valueOf(writer.getExtraInfo("peername"))));
            writer.close();
        }, 8080);
        Connection c = net.host("client").openConnection("server", 8080);
        InetSocketAddress local = (InetSocketAddress) c.writer().getExtraInfo("sockname");
        InetSocketAddress peer = (InetSocketAddress) c.writer().getExtraInfo("peername");
        assertThat(local.getHostString()).isEqualTo("client");
        assertThat(local.getPort()).isEqualTo(49152);
        assertThat(peer.getHostString()).isEqualTo("server");
        assertThat(peer.getPort()).isEqualTo(8080);
        assertThat(s(c.reader().read())).contains("client").contains("49152");
        shutdown(server);
    }

    /** A port nobody listens on refuses after one round trip, naming host and port. */
    @AsyncTest
    void connectingToAPortNobodyListensOnIsRefusedAfterOneRoundTrip(EventLoop loop) {
        SimNetwork net = new SimNetwork(loop);
        net.host("server");
        net.link("client", "server").latency(0.25);
        double start = loop.time();
        assertThatThrownBy(() -> net.host("client").openConnection("server", 81))
                .isInstanceOf(ConnectException.class).hasMessageContaining("Connection refused")
                .hasMessageContaining("server:81");
        assertThat(loop.time() - start).isEqualTo(0.5);
    }

    /** A host the network does not have is an UnknownHostException listing the hosts it has. */
    @AsyncTest
    void connectingToAnUnknownHostNamesTheKnownHosts(EventLoop loop) {
        SimNetwork net = new SimNetwork(loop);
        net.host("server");
        assertThatThrownBy(() -> net.host("client").openConnection("sever", 80))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("sever")
                .hasMessageContaining("[server, client]");
    }

    /** Listening twice on one port is a BindException naming it. */
    @AsyncTest
    void listeningTwiceOnAPortFailsNamingIt(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server first = net.host("server").startServer(echo(), 80);
        assertThatThrownBy(() -> net.host("server").startServer(echo(), 80))
                .isInstanceOf(BindException.class).hasMessageContaining("server:80");
        shutdown(first);
    }

    /** After the server closes, its port refuses new connections. */
    @AsyncTest
    void aClosedServerRefusesNewConnections(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server server = net.host("server").startServer(echo(), 80);
        shutdown(server);
        assertThatThrownBy(() -> net.host("client").openConnection("server", 80))
                .isInstanceOf(ConnectException.class).hasMessageContaining("refused");
    }
}
