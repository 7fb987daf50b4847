package io.jasyncio.net;

import java.net.ProtocolFamily;
import java.util.Objects;

/**
 * Options of a listening server ({@code loop.createServer}, {@code Streams.startServer} and their
 * Unix-socket variants), as an immutable value with "withers":
 * {@code ServerOptions.defaults().backlog(1024).reusePort(true)}.
 *
 * <p>Defaults (CPython's): backlog 100, SO_REUSEADDR on, SO_REUSEPORT off, any address family,
 * start serving at once, TCP_NODELAY on accepted sockets, no SO_KEEPALIVE, stream buffer limit
 * 64 KiB, and a Unix server's socket file removed when the server closes.
 *
 * <p>Immutable, hence thread-safe: share one instance freely.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=serverOptions}
 */
public final class ServerOptions {

    private static final ServerOptions DEFAULTS = new ServerOptions(100, true, false, null, true, true, false,
            StreamReader.DEFAULT_LIMIT, true);

    private final int backlog;
    private final boolean reuseAddress;
    private final boolean reusePort;
    private final ProtocolFamily family;
    private final boolean startServing;
    private final boolean noDelay;
    private final boolean keepAlive;
    private final int limit;
    private final boolean cleanupSocket;

    private ServerOptions(int backlog, boolean reuseAddress, boolean reusePort, ProtocolFamily family,
            boolean startServing, boolean noDelay, boolean keepAlive, int limit, boolean cleanupSocket) {
        this.backlog = backlog;
        this.reuseAddress = reuseAddress;
        this.reusePort = reusePort;
        this.family = family;
        this.startServing = startServing;
        this.noDelay = noDelay;
        this.keepAlive = keepAlive;
        this.limit = limit;
        this.cleanupSocket = cleanupSocket;
    }

    /** @return the defaults */
    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /** @return the listen backlog, which is also the most connections accepted per loop iteration */
    public int backlog() {
        return backlog;
    }

    /**
     * @param backlog the listen backlog (the kernel caps it at {@code net.core.somaxconn})
     * @return a copy with that backlog
     */
    public ServerOptions backlog(int backlog) {
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be positive: " + backlog);
        }
        return new ServerOptions(backlog, reuseAddress, reusePort, family, startServing, noDelay, keepAlive, limit,
                cleanupSocket);
    }

    /** @return whether SO_REUSEADDR is set on listening sockets */
    public boolean reuseAddress() {
        return reuseAddress;
    }

    /**
     * @param on whether to set SO_REUSEADDR (default true: restart on a port in TIME_WAIT)
     * @return a copy with that setting
     */
    public ServerOptions reuseAddress(boolean on) {
        return new ServerOptions(backlog, on, reusePort, family, startServing, noDelay, keepAlive, limit,
                cleanupSocket);
    }

    /** @return whether SO_REUSEPORT is set on listening sockets */
    public boolean reusePort() {
        return reusePort;
    }

    /**
     * @param on whether to set SO_REUSEPORT, so that several loops or processes can listen on one
     *     port and the kernel spreads connections among them
     * @return a copy with that setting
     */
    public ServerOptions reusePort(boolean on) {
        return new ServerOptions(backlog, reuseAddress, on, family, startServing, noDelay, keepAlive, limit,
                cleanupSocket);
    }

    /** @return the address family, or {@code null} for any */
    public ProtocolFamily family() {
        return family;
    }

    /**
     * @param family {@code INET} or {@code INET6} to listen on that family only, or {@code null}
     * @return a copy with that family
     */
    public ServerOptions family(ProtocolFamily family) {
        return new ServerOptions(backlog, reuseAddress, reusePort, family, startServing, noDelay, keepAlive, limit,
                cleanupSocket);
    }

    /** @return whether the server accepts connections as soon as it is created */
    public boolean startServing() {
        return startServing;
    }

    /**
     * @param on {@code false} to create the server without accepting until
     *     {@link Server#startServing()} or {@link Server#serveForever()}
     * @return a copy with that setting
     */
    public ServerOptions startServing(boolean on) {
        return new ServerOptions(backlog, reuseAddress, reusePort, family, on, noDelay, keepAlive, limit,
                cleanupSocket);
    }

    /** @return whether accepted TCP sockets get TCP_NODELAY */
    public boolean noDelay() {
        return noDelay;
    }

    /**
     * @param on whether accepted TCP sockets get TCP_NODELAY (default true, as asyncio)
     * @return a copy with that setting
     */
    public ServerOptions noDelay(boolean on) {
        return new ServerOptions(backlog, reuseAddress, reusePort, family, startServing, on, keepAlive, limit,
                cleanupSocket);
    }

    /** @return whether accepted TCP sockets get SO_KEEPALIVE */
    public boolean keepAlive() {
        return keepAlive;
    }

    /**
     * @param on whether accepted TCP sockets get SO_KEEPALIVE (Python 3.13's {@code keep_alive})
     * @return a copy with that setting
     */
    public ServerOptions keepAlive(boolean on) {
        return new ServerOptions(backlog, reuseAddress, reusePort, family, startServing, noDelay, on, limit,
                cleanupSocket);
    }

    /** @return the {@link StreamReader} buffer limit (used by {@link Streams} only) */
    public int limit() {
        return limit;
    }

    /**
     * @param limit the {@link StreamReader} buffer limit in bytes (used by {@link Streams} only)
     * @return a copy with that limit
     */
    public ServerOptions limit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return new ServerOptions(backlog, reuseAddress, reusePort, family, startServing, noDelay, keepAlive, limit,
                cleanupSocket);
    }

    /** @return whether a Unix server removes its socket file when it closes */
    public boolean cleanupSocket() {
        return cleanupSocket;
    }

    /**
     * @param on whether a Unix server removes its socket file when it closes (Python 3.13's
     *     {@code cleanup_socket}, default true)
     * @return a copy with that setting
     */
    public ServerOptions cleanupSocket(boolean on) {
        return new ServerOptions(backlog, reuseAddress, reusePort, family, startServing, noDelay, keepAlive, limit,
                on);
    }

    @Override
    public String toString() {
        return "ServerOptions[backlog=" + backlog + ", reuseAddress=" + reuseAddress + ", reusePort=" + reusePort
                + ", family=" + family + ", startServing=" + startServing + ", noDelay=" + noDelay
                + ", keepAlive=" + keepAlive + ", limit=" + limit + ", cleanupSocket=" + cleanupSocket + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerOptions s && backlog == s.backlog && reuseAddress == s.reuseAddress
                && reusePort == s.reusePort && Objects.equals(family, s.family) && startServing == s.startServing
                && noDelay == s.noDelay && keepAlive == s.keepAlive && limit == s.limit
                && cleanupSocket == s.cleanupSocket;
    }

    @Override
    public int hashCode() {
        return Objects.hash(backlog, reuseAddress, reusePort, family, startServing, noDelay, keepAlive, limit,
                cleanupSocket);
    }
}
