package io.jasyncio.internal.net;

import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.internal.loop.SelectorEventLoop;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A listening server on a selector loop: CPython's {@code base_events.Server} with the accept loop
 * of {@code selector_events}. Each listening socket's key has an {@link Acceptor} as its handler,
 * which accepts up to {@code backlog} connections per readiness event and makes each one's
 * transport synchronously (no task per accepted connection).
 *
 * <p>Invariants (loop context only): {@code channels == null} iff the server is closed;
 * {@code clients} holds every transport accepted and not yet lost; {@code waiters == null} once
 * the server is closed and has no clients (then {@code waitClosed} returns at once).
 */
public final class SelectorServer implements Server {

    /** Seconds to stop accepting after running out of file descriptors (CPython's ACCEPT_RETRY_DELAY). */
    private static final double ACCEPT_RETRY_DELAY = 1.0;

    private final SelectorEventLoop loop;
    private final Supplier<? extends BaseProtocol> factory;
    private final ServerOptions options;
    private final boolean tcp;
    private final Path unixPath;
    private final Object unixFileKey;
    private List<ServerSocketChannel> channels;
    private final List<SelectionKey> keys = new ArrayList<>(2);
    private final Set<SelectorSocketTransport> clients = new LinkedHashSet<>();
    private List<Future<Void>> waiters = new ArrayList<>(1);
    private boolean serving;
    private Future<Void> serveForeverFuture;

    private SelectorServer(SelectorEventLoop loop, Supplier<? extends BaseProtocol> factory, ServerOptions options,
            List<ServerSocketChannel> channels, Path unixPath, Object unixFileKey) {
        this.loop = loop;
        this.factory = factory;
        this.options = options;
        this.channels = channels;
        this.tcp = unixPath == null;
        this.unixPath = unixPath;
        this.unixFileKey = unixFileKey;
    }

    // ---------------------------------------------------------------- creation

    /**
     * {@code loop.createServer}: binds one socket per address of {@code host} (one wildcard socket,
     * dual-stack where IPv6 is available, when {@code host} is null or empty).
     *
     * @param loop the loop
     * @param factory makes a protocol per accepted connection
     * @param host a host name, an IP literal, or null/"" for all interfaces
     * @param port the port, 0 for any
     * @param options the options
     * @return the server
     * @throws IOException for example a {@link java.net.BindException} naming the address
     */
    public static Server create(SelectorEventLoop loop, Supplier<? extends BaseProtocol> factory, String host, int port,
            ServerOptions options) throws IOException {
        Objects.requireNonNull(factory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        if (host == null || host.isEmpty()) {
            if (options.family() == java.net.StandardProtocolFamily.INET) {
                addresses.add(new InetSocketAddress(java.net.InetAddress.ofLiteral("0.0.0.0"), port));
            } else if (options.family() == java.net.StandardProtocolFamily.INET6) {
                addresses.add(new InetSocketAddress(java.net.InetAddress.ofLiteral("::"), port));
            } else {
                addresses.add(new InetSocketAddress(port));
            }
        } else {
            Connector.requireTask("createServer");
            for (java.net.InetAddress a : Awaits.await(Resolver.resolve(loop, host, port, options.family()))) {
                addresses.add(new InetSocketAddress(a, port));
            }
        }
        List<ServerSocketChannel> channels = new ArrayList<>(addresses.size());
        try {
            for (InetSocketAddress addr : addresses) {
                ServerSocketChannel ch = addr.getAddress().isAnyLocalAddress() && options.family() == null
                        ? ServerSocketChannel.open()
                        : ServerSocketChannel.open(addr.getAddress() instanceof java.net.Inet6Address
                                ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
                channels.add(ch);
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, options.reuseAddress());
                if (options.reusePort()) {
                    if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                        throw new UnsupportedOperationException("reusePort is not supported on this platform");
                    }
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                try {
                    ch.bind(addr, options.backlog());
                } catch (IOException e) {
                    throw Addresses.annotate(e, "error while attempting to bind on address", addr);
                }
            }
        } catch (Throwable t) {
            for (ServerSocketChannel ch : channels) {
                Connector.closeQuietly(ch);
            }
            throw t;
        }
        SelectorServer server = new SelectorServer(loop, factory, options, channels, null, null);
        if (options.startServing()) {
            server.startServing();
        }
        return server;
    }

    /**
     * {@code loop.createUnixServer}: removes a stale socket file at {@code path} first, as CPython
     * does (any other kind of file makes the bind fail).
     *
     * @param loop the loop
     * @param factory makes a protocol per accepted connection
     * @param path the socket file
     * @param options the options (backlog, start serving, limit, cleanup)
     * @return the server
     * @throws IOException for example a {@link java.net.BindException} naming the path
     */
    public static Server createUnix(SelectorEventLoop loop, Supplier<? extends BaseProtocol> factory, Path path,
            ServerOptions options) throws IOException {
        Objects.requireNonNull(factory, "protocolFactory");
        Objects.requireNonNull(path, "path");
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (attrs.isOther()) {
                Files.deleteIfExists(path);
            }
        } catch (java.nio.file.NoSuchFileException absent) {
            // the usual case
        }
        ServerSocketChannel ch = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        Object fileKey;
        try {
            ch.configureBlocking(false);
            java.net.UnixDomainSocketAddress addr = java.net.UnixDomainSocketAddress.of(path);
            try {
                ch.bind(addr, options.backlog());
            } catch (IOException e) {
                throw Addresses.annotate(e, "error while attempting to bind on address", addr);
            }
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (Throwable t) {
            Connector.closeQuietly(ch);
            throw t;
        }
        List<ServerSocketChannel> channels = new ArrayList<>(1);
        channels.add(ch);
        SelectorServer server = new SelectorServer(loop, factory, options, channels, path, fileKey);
        if (options.startServing()) {
            server.startServing();
        }
        return server;
    }

    // ---------------------------------------------------------------- accepting

    /** A listening socket's I/O handler. */
    private final class Acceptor implements Runnable {
        private final ServerSocketChannel channel;
        private SelectionKey key;

        Acceptor(ServerSocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void run() {
            if (key == null || !key.isValid()) {
                return;
            }
            for (int i = 0; i < options.backlog(); i++) {
                SocketChannel ch;
                try {
                    ch = channel.accept();
                } catch (IOException e) {
                    if (channels == null) {
                        return;
                    }
                    Map<String, Object> ctx = new HashMap<>();
                    ctx.put("message", "socket.accept() failed; not accepting for " + ACCEPT_RETRY_DELAY + " s");
                    ctx.put("exception", e);
                    ctx.put("socket", channel);
                    loop.callExceptionHandler(ctx);
                    key.interestOps(0);
                    loop.callLater(ACCEPT_RETRY_DELAY, () -> {
                        if (serving && key.isValid()) {
                            key.interestOps(SelectionKey.OP_ACCEPT);
                        }
                    });
                    return;
                }
                if (ch == null) {
                    return;
                }
                accepted(ch);
            }
        }
    }

    private void accepted(SocketChannel ch) {
        try {
            ch.configureBlocking(false);
            if (tcp) {
                if (options.noDelay()) {
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                if (options.keepAlive()) {
                    ch.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                }
            }
            BaseProtocol protocol = Objects.requireNonNull(factory.get(), "the protocol factory returned null");
            new SelectorSocketTransport(loop, ch, protocol, null, this);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vm && !(t instanceof StackOverflowError)) {
                throw vm;
            }
            Connector.closeQuietly(ch);
            Map<String, Object> ctx = new HashMap<>();
            ctx.put("message", "Error on transport creation for incoming connection");
            ctx.put("exception", t);
            ctx.put("server", this);
            loop.callExceptionHandler(ctx);
        }
    }

    void attach(SelectorSocketTransport t) {
        clients.add(t);
    }

    void detach(SelectorSocketTransport t) {
        clients.remove(t);
        if (clients.isEmpty() && channels == null) {
            wakeup();
        }
    }

    private void wakeup() {
        List<Future<Void>> ws = waiters;
        waiters = null;
        if (ws != null) {
            for (Future<Void> w : ws) {
                if (!w.done()) {
                    w.setResult(null);
                }
            }
        }
    }

    // ---------------------------------------------------------------- Server

    @Override
    public EventLoop getLoop() {
        return loop;
    }

    @Override
    public boolean isServing() {
        return serving;
    }

    @Override
    public void startServing() {
        if (channels == null) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        if (serving) {
            return;
        }
        serving = true;
        for (ServerSocketChannel ch : channels) {
            Acceptor acceptor = new Acceptor(ch);
            try {
                acceptor.key = ch.register(loop.selector(), SelectionKey.OP_ACCEPT, acceptor);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot register the listening socket with the loop", e);
            }
            keys.add(acceptor.key);
        }
    }

    @Override
    public void close() {
        List<ServerSocketChannel> chs = channels;
        if (chs == null) {
            return;
        }
        channels = null;
        serving = false;
        for (SelectionKey k : keys) {
            k.cancel();
        }
        keys.clear();
        for (ServerSocketChannel ch : chs) {
            Connector.closeQuietly(ch);
        }
        loop.requestPoll();
        if (unixPath != null && options.cleanupSocket()) {
            try {
                BasicFileAttributes a = Files.readAttributes(unixPath, BasicFileAttributes.class);
                if (a.isOther() && Objects.equals(a.fileKey(), unixFileKey)) {
                    Files.deleteIfExists(unixPath);
                }
            } catch (IOException gone) {
                // removed already: nothing to clean up
            }
        }
        Future<Void> forever = serveForeverFuture;
        if (forever != null && !forever.done()) {
            forever.cancel();
        }
        if (clients.isEmpty()) {
            wakeup();
        }
    }

    @Override
    public void closeClients() {
        for (SelectorSocketTransport t : List.copyOf(clients)) {
            t.close();
        }
    }

    @Override
    public void abortClients() {
        for (SelectorSocketTransport t : List.copyOf(clients)) {
            t.abort();
        }
    }

    @Override
    public void serveForever() {
        if (serveForeverFuture != null) {
            throw new IllegalStateException("server " + this + " is already being awaited on serveForever()");
        }
        if (channels == null) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        Connector.requireTask("serveForever");
        startServing();
        Future<Void> f = loop.createFuture();
        serveForeverFuture = f;
        try {
            Awaits.await(f);
        } catch (CancelledError e) {
            try {
                close();
                waitClosed();
            } catch (Throwable t) {
                e.addSuppressed(t);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            serveForeverFuture = null;
        }
    }

    @Override
    public void waitClosed() {
        if (waiters == null) {
            return;
        }
        Connector.requireTask("waitClosed");
        Future<Void> w = loop.createFuture();
        waiters.add(w);
        try {
            Awaits.await(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<ServerSocketChannel> sockets() {
        List<ServerSocketChannel> chs = channels;
        return chs == null ? List.of() : List.copyOf(chs);
    }

    @Override
    public int port() {
        List<ServerSocketChannel> chs = channels;
        if (chs == null || chs.isEmpty()) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        if (!tcp) {
            throw new IllegalStateException("a Unix-socket server has no port: it listens on " + unixPath);
        }
        try {
            return ((InetSocketAddress) chs.get(0).getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int activeConnections() {
        return clients.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<Server");
        List<ServerSocketChannel> chs = channels;
        if (chs == null) {
            sb.append(" closed");
        } else {
            sb.append(" sockets=[");
            for (int i = 0; i < chs.size(); i++) {
                try {
                    sb.append(i == 0 ? "" : ", ").append(Addresses.describe(chs.get(i).getLocalAddress()));
                } catch (IOException e) {
                    sb.append("?");
                }
            }
            sb.append(']');
        }
        return sb.append(" serving=").append(serving).append(" clients=").append(clients.size()).append('>').toString();
    }
}
