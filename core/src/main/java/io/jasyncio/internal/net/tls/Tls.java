package io.jasyncio.internal.net.tls;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Handle;
import io.jasyncio.internal.net.Awaits;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import io.jasyncio.net.TlsOptions;
import io.jasyncio.net.Transport;
import io.jasyncio.net.TransportAndProtocol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * TLS wired into the loop's networking: {@code createConnection}, {@code createServer} (and their
 * Unix-socket forms) with a {@link TlsProtocol} as the socket's protocol, and {@code startTls}
 * (CPython's {@code base_events.start_tls}). Works with any {@link EventLoop} implementation,
 * through its public plain-socket methods. Stateless; every method suspends, so it is called from
 * a task of the loop, as the loop's own networking methods are.
 */
public final class Tls {

    private Tls() {
    }

    /**
     * {@code loop.create_connection(..., ssl=...)}: connects, then handshakes; returns once the
     * handshake is done and the protocol's {@code connectionMade} has run.
     *
     * @param loop the loop
     * @param factory makes the application's protocol
     * @param host the host (also the server host name, unless the options give one)
     * @param port the port
     * @param options the socket options
     * @param tls the TLS options
     * @param <P> the protocol type
     * @return the TLS transport and the protocol
     * @throws IOException the connect error, or an {@link javax.net.ssl.SSLHandshakeException}
     *     naming the host and the reason, or a {@link java.net.SocketTimeoutException}
     */
    public static <P extends BaseProtocol> TransportAndProtocol<Transport, P> createConnection(EventLoop loop,
            Supplier<P> factory, String host, int port, ConnectOptions options, TlsOptions tls) throws IOException {
        Objects.requireNonNull(factory, "protocolFactory");
        String hostname = TlsEngines.clientHostname(tls, host);
        Holder<P> made = new Holder<>(loop);
        TransportAndProtocol<Transport, TlsProtocol> tp = loop.createConnection(
                () -> made.make(factory, tls, hostname), host, port, options);
        return made.awaitHandshake(tp.transport());
    }

    /**
     * {@code loop.create_unix_connection(..., ssl=...)}.
     *
     * @param loop the loop
     * @param factory makes the application's protocol
     * @param path the socket file
     * @param options the socket options
     * @param tls the TLS options; a checked host name must be given in them
     * @param <P> the protocol type
     * @return the TLS transport and the protocol
     * @throws IOException as {@link #createConnection}
     */
    public static <P extends BaseProtocol> TransportAndProtocol<Transport, P> createUnixConnection(EventLoop loop,
            Supplier<P> factory, Path path, ConnectOptions options, TlsOptions tls) throws IOException {
        Objects.requireNonNull(factory, "protocolFactory");
        String hostname = TlsEngines.clientHostname(tls, null);
        Holder<P> made = new Holder<>(loop);
        TransportAndProtocol<Transport, TlsProtocol> tp = loop.createUnixConnection(
                () -> made.make(factory, tls, hostname), path, options);
        return made.awaitHandshake(tp.transport());
    }

    /**
     * {@code loop.create_server(..., ssl=...)}: each accepted connection handshakes first; its
     * protocol's {@code connectionMade} comes after. A failed handshake only closes that
     * connection (reported to the exception handler in debug mode only, as in CPython).
     *
     * @param loop the loop
     * @param factory makes an application protocol per connection
     * @param host the host, or {@code null}/{@code ""} for all interfaces
     * @param port the port
     * @param options the server options
     * @param tls the TLS options (the context must hold the server's key)
     * @return the server
     * @throws IOException when it cannot listen
     */
    public static Server createServer(EventLoop loop, Supplier<? extends BaseProtocol> factory, String host, int port,
            ServerOptions options, TlsOptions tls) throws IOException {
        Objects.requireNonNull(factory, "protocolFactory");
        Objects.requireNonNull(tls, "tls");
        return loop.createServer(() -> new TlsProtocol(loop, factory.get(), tls, true, null, null, true), host, port,
                options);
    }

    /**
     * {@code loop.create_unix_server(..., ssl=...)}.
     *
     * @param loop the loop
     * @param factory makes an application protocol per connection
     * @param path the socket file
     * @param options the server options
     * @param tls the TLS options
     * @return the server
     * @throws IOException when it cannot listen
     */
    public static Server createUnixServer(EventLoop loop, Supplier<? extends BaseProtocol> factory, Path path,
            ServerOptions options, TlsOptions tls) throws IOException {
        Objects.requireNonNull(factory, "protocolFactory");
        Objects.requireNonNull(tls, "tls");
        return loop.createUnixServer(() -> new TlsProtocol(loop, factory.get(), tls, true, null, null, true), path,
                options);
    }

    /**
     * {@code loop.start_tls(transport, protocol, sslcontext, server_side=...)}: upgrades an open
     * connection. The transport stops reading, gets a {@link TlsProtocol} as its protocol, and
     * handshakes; {@code protocol} then receives plaintext through the returned transport, which
     * replaces {@code transport} for the application (do not use the old one any more). If the
     * handshake fails or the task is cancelled, the connection is closed.
     *
     * @param loop the loop
     * @param transport an open stream transport
     * @param protocol the application's protocol (its {@code connectionMade} is not called again)
     * @param tls the TLS options; a client that checks the host name needs it in them
     * @param serverSide whether this side is the TLS server
     * @return the new transport
     * @throws IOException an {@link javax.net.ssl.SSLHandshakeException} naming the peer and the reason
     */
    public static Transport startTls(EventLoop loop, Transport transport, BaseProtocol protocol, TlsOptions tls,
            boolean serverSide) throws IOException {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(tls, "tls");
        requireTask();
        if (transport.isClosing()) {
            throw new IllegalStateException("startTls() on a closing transport: " + transport);
        }
        if (transport.getExtraInfo("sslcontext") != null) {
            throw new IllegalStateException("startTls() on a transport that already uses TLS: " + transport);
        }
        String hostname = serverSide ? null : TlsEngines.clientHostname(tls, null);
        Future<Void> waiter = loop.createFuture();
        TlsProtocol layer = new TlsProtocol(loop, protocol, tls, serverSide, hostname, waiter, false);
        transport.pauseReading();
        transport.setProtocol(layer);
        Handle made = loop.callSoon(() -> layer.connectionMade(transport));
        Handle resume = loop.callSoon(transport::resumeReading);
        try {
            Awaits.await(waiter);
        } catch (Throwable t) {
            transport.close();
            made.cancel();
            resume.cancel();
            throw t;
        }
        return layer.appTransport();
    }

    private static void requireTask() {
        if (Asyncio.currentTask() == null) {
            throw new IllegalStateException("this TLS call suspends, so it must be called from inside a task: "
                    + "wrap the code in Asyncio.run(() -> { ... }) or create a task");
        }
    }

    /** The client-side protocol pair of one connection attempt, and its handshake. */
    private static final class Holder<P extends BaseProtocol> {
        private final EventLoop loop;
        private final Future<Void> handshake;
        private P app;
        private TlsProtocol layer;

        Holder(EventLoop loop) {
            this.loop = loop;
            this.handshake = loop.createFuture();
        }

        TlsProtocol make(Supplier<P> factory, TlsOptions tls, String hostname) {
            app = Objects.requireNonNull(factory.get(), "the protocol factory returned null");
            layer = new TlsProtocol(loop, app, tls, false, hostname, handshake, true);
            return layer;
        }

        TransportAndProtocol<Transport, P> awaitHandshake(Transport raw) throws IOException {
            try {
                Awaits.await(handshake);
            } catch (Throwable t) {
                raw.abort();
                throw t;
            }
            return new TransportAndProtocol<>(layer.appTransport(), app);
        }
    }
}
