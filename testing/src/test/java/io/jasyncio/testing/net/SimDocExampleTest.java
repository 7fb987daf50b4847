package io.jasyncio.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jasyncio.EventLoop;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.testing.AsyncTest;
import java.io.IOException;
import java.net.SocketException;

/** The example of docs/TESTING.md ("Simulated network"), kept compiling and passing. */
class SimDocExampleTest {

    /** The echo takes one round trip; a reset mid-stream fails the reader, naming the peer. */
    @AsyncTest
    void echoThenReset(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.link("client", "server").latency(0.050).bandwidth(1_000_000);   // 50 ms, 1 MB/s
        Server server = net.host("server").startServer((reader, writer) -> {
            try {
                for (byte[] d; (d = reader.read(1024)).length > 0; ) {
                    writer.write(d);
                    writer.drain();
                }
            } catch (IOException reset) {
                // the server's end is reset too
            }
            writer.close();
        }, 7);
        Connection c = net.host("client").openConnection("server", 7);  // takes 0.1 s: SYN, SYN-ACK
        double start = loop.time();
        c.writer().write("ping".getBytes());
        c.reader().readExactly(4);
        assertThat(loop.time() - start).isCloseTo(0.1, within(1e-4));    // 50 ms there, 50 ms back (+ 8 µs on the wire)

        net.connections().getFirst().reset();
        assertThatThrownBy(() -> c.reader().read(10)).isInstanceOf(SocketException.class)
                .hasMessageContaining("Connection reset by peer server:7");
        server.close();
        server.waitClosed();
    }
}
