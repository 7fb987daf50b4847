package io.jasyncio.testing.net;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.TimeoutError;
import io.jasyncio.internal.net.Awaits;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.Transport;
import io.jasyncio.net.TransportAndProtocol;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One connection attempt of a {@link SimHost}: TCP's three-way handshake on virtual time.
 *
 * <ol>
 *   <li>While the link is partitioned or the destination is down, the SYN gets no answer: it is
 *       retransmitted after 1, 2, 4, 8, 16, 32 seconds, and after 64 more the attempt fails with
 *       a {@link ConnectException} "Connection timed out" (127 s in all, as Linux's default
 *       {@code tcp_syn_retries}). A partition that heals meanwhile lets the next retry through.
 *   <li>The SYN takes one link delay. With nothing listening on the port, the RST comes back one
 *       delay later: a {@link ConnectException} "Connection refused".
 *   <li>Otherwise the server's end exists from then on (its {@code connectionMade} runs at once),
 *       and the client's end is made one delay later.
 * </ol>
 * A connect timeout in the options bounds the whole attempt ({@link SocketTimeoutException}); a
 * cancelled attempt leaves nothing open (a server end already made is reset).
 */
final class SimDial<P extends BaseProtocol> {

    private static final double[] SYN_RETRIES = {1, 2, 4, 8, 16, 32, 64};

    private final SimNetwork net;
    private final SimHost from;
    private final SimHost to;
    private final int port;
    private final Supplier<P> factory;
    private final String target;

    SimDial(SimHost from, SimHost to, int port, Supplier<P> factory) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port + " (connecting to '" + to.name() + "')");
        }
        this.net = from.network();
        this.from = from;
        this.to = to;
        this.port = port;
        this.factory = factory;
        this.target = to.name() + ":" + port;
    }

    TransportAndProtocol<Transport, P> run(Duration timeout) throws IOException {
        if (timeout == null) {
            return handshake();
        }
        try {
            return Asyncio.timeout(timeout, this::handshake);
        } catch (TimeoutError e) {
            net.record("connect " + from.name() + " -> " + target + " timed out");
            SocketTimeoutException t = new SocketTimeoutException("Connecting to " + target + " from " + from.name()
                    + " timed out after " + timeout.toMillis() / 1000.0 + " s (simulated)");
            t.initCause(e);
            throw t;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private TransportAndProtocol<Transport, P> handshake() throws IOException {
        SimLink link = net.link(from.name(), to.name());
        net.record("connect " + from.name() + " -> " + target);
        for (int i = 0; link.isPartitioned() || to.isDown(); i++) {
            if (i == SYN_RETRIES.length) {
                net.record("connect " + from.name() + " -> " + target + ": no answer");
                throw new ConnectException("Connection timed out: " + target + " did not answer " + from.name()
                        + " (partitioned or down) after 127 s (simulated)");
            }
            Asyncio.sleep(SYN_RETRIES[i]);
        }
        Asyncio.sleep(link.delay());
        SimServer server = to.listener(port);
        if (server == null) {
            Asyncio.sleep(link.delay());
            net.record("connect " + from.name() + " -> " + target + ": refused");
            throw new ConnectException("Connection refused: nothing listens on " + target + " (simulated, from "
                    + from.name() + ")");
        }
        P protocol = factory.get();
        if (protocol == null) {
            throw new IllegalStateException("the protocol factory returned null (connecting to " + target + ")");
        }
        InetSocketAddress clientAddr = InetSocketAddress.createUnresolved(from.name(), from.ephemeralPort());
        InetSocketAddress serverAddr = InetSocketAddress.createUnresolved(to.name(), port);
        SimTransport serverEnd = new SimTransport(to, serverAddr, clientAddr, server.newProtocol(), server);
        SimTransport clientEnd = new SimTransport(from, clientAddr, serverAddr, protocol, null);
        EventLoop loop = net.loop();
        loop.callSoon(() -> serverEnd.start(null));
        net.connected(new SimConnection(net, clientEnd, serverEnd, link));
        try {
            Asyncio.sleep(link.delay());
            Future<Void> made = loop.createFuture();
            loop.callSoon(() -> clientEnd.start(made));
            Awaits.await(made);
        } catch (CancelledError e) {
            clientEnd.abort();
            throw e;
        }
        return new TransportAndProtocol<>(clientEnd, protocol);
    }
}
