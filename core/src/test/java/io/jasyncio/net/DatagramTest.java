package io.jasyncio.net;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.getRunningLoop;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** UDP endpoints (CPython's test_events datagram tests). */
@Timeout(30)
class DatagramTest {

    /** Records datagrams and errors; completes futures for the test task. */
    static final class Recorder implements DatagramProtocol {
        final EventLoop loop = Asyncio.getRunningLoop();
        final List<String> calls = new ArrayList<>();
        DatagramTransport transport;
        Future<byte[]> nextDatagram = loop.createFuture();
        SocketAddress lastFrom;
        final Future<IOException> error = loop.createFuture();
        final Future<Throwable> lost = loop.createFuture();
        boolean echo;

        @Override
        public void connectionMade(BaseTransport t) {
            calls.add("connectionMade");
            transport = (DatagramTransport) t;
        }

        @Override
        public void datagramReceived(byte[] data, SocketAddress addr) {
            calls.add("datagramReceived");
            lastFrom = addr;
            if (echo) {
                transport.sendto(data, addr);
            }
            if (!nextDatagram.done()) {
                nextDatagram.setResult(data);
            }
        }

        @Override
        public void errorReceived(IOException exc) {
            calls.add("errorReceived");
            if (!error.done()) {
                error.setResult(exc);
            }
        }

        @Override
        public void connectionLost(Throwable exc) {
            calls.add("connectionLost");
            lost.setResult(exc);
        }

        byte[] next() throws Exception {
            byte[] d = await(nextDatagram);
            nextDatagram = loop.createFuture();
            return d;
        }
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** A datagram sent to an echoing endpoint comes back, with the sender's address. */
    @Test
    void echoDatagram() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            var server = loop.createDatagramEndpoint(() -> {
                Recorder r = new Recorder();
                r.echo = true;
                return r;
            }, loopback(0), null);
            InetSocketAddress serverAddr = (InetSocketAddress) server.transport().getExtraInfo("sockname");
            var client = loop.createDatagramEndpoint(Recorder::new, null, serverAddr);
            client.transport().sendto("ping".getBytes(US_ASCII));
            assertThat(new String(client.protocol().next(), US_ASCII)).isEqualTo("ping");
            assertThat(server.protocol().lastFrom).isEqualTo(client.transport().getExtraInfo("sockname"));
            assertThat(client.transport().getExtraInfo("peername")).isEqualTo(serverAddr);
            client.transport().close();
            server.transport().close();
            assertThat(await(client.protocol().lost)).isNull();
            assertThat(client.protocol().calls).containsExactly("connectionMade", "datagramReceived", "connectionLost");
        });
    }

    /** An unconnected endpoint sends to explicit addresses, and needs one. */
    @Test
    void unconnectedEndpointNeedsAnAddress() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            var a = loop.createDatagramEndpoint(Recorder::new, loopback(0), null);
            var b = loop.createDatagramEndpoint(Recorder::new, loopback(0), null);
            SocketAddress bAddr = (SocketAddress) b.transport().getExtraInfo("sockname");
            a.transport().sendto("to b".getBytes(US_ASCII), bAddr);
            assertThat(new String(b.protocol().next(), US_ASCII)).isEqualTo("to b");
            assertThatThrownBy(() -> a.transport().sendto("nowhere".getBytes(US_ASCII)))
                    .isInstanceOf(IllegalArgumentException.class);
            a.transport().close();
            b.transport().close();
        });
    }

    /** A connected endpoint refuses another destination address. */
    @Test
    void connectedEndpointRefusesOtherAddresses() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            var server = loop.createDatagramEndpoint(Recorder::new, loopback(0), null);
            InetSocketAddress serverAddr = (InetSocketAddress) server.transport().getExtraInfo("sockname");
            var client = loop.createDatagramEndpoint(Recorder::new, null, serverAddr);
            assertThatThrownBy(() -> client.transport().sendto(new byte[1], loopback(serverAddr.getPort() + 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid address");
            client.transport().sendto(new byte[1], serverAddr);
            assertThat(server.protocol().next()).hasSize(1);
            client.transport().close();
            server.transport().close();
        });
    }

    /** Sending to a port where nothing listens reports PortUnreachableException through errorReceived,
     * and the endpoint stays open. */
    @Test
    void unreachablePortGoesToErrorReceived() throws Exception {
        int port;
        try (var probe = java.nio.channels.DatagramChannel.open()) {
            probe.bind(loopback(0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        int closedPort = port;
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            var client = loop.createDatagramEndpoint(Recorder::new, null, loopback(closedPort));
            client.transport().sendto("anyone?".getBytes(US_ASCII));
            IOException e = await(client.protocol().error);
            assertThat(e).isInstanceOf(PortUnreachableException.class);
            assertThat(client.transport().isClosing()).isFalse();
            client.transport().close();
        });
    }

    /** abort() ends the endpoint with connectionLost(null). */
    @Test
    void abortEndsTheEndpoint() throws Exception {
        Asyncio.run(() -> {
            var ep = getRunningLoop().createDatagramEndpoint(Recorder::new, loopback(0), null);
            ep.transport().abort();
            assertThat(await(ep.protocol().lost)).isNull();
            assertThat(ep.transport().isClosing()).isTrue();
            assertThat(ep.transport().getWriteBufferSize()).isZero();
        });
    }
}
