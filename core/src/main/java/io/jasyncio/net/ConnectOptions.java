package io.jasyncio.net;

import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of an outgoing connection ({@code loop.createConnection}, {@code Streams.openConnection}),
 * as an immutable value with "withers":
 * {@code ConnectOptions.defaults().connectTimeout(Duration.ofSeconds(5))}.
 *
 * <p>Defaults: no connect timeout, no local address, any address family, TCP_NODELAY on (as
 * asyncio), stream buffer limit 64 KiB.
 *
 * <p>Immutable, hence thread-safe: share one instance freely.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=connectOptions}
 */
public final class ConnectOptions {

    private static final ConnectOptions DEFAULTS = new ConnectOptions(null, null, null, true, StreamReader.DEFAULT_LIMIT);

    private final Duration connectTimeout;
    private final InetSocketAddress localAddress;
    private final ProtocolFamily family;
    private final boolean noDelay;
    private final int limit;

    private ConnectOptions(Duration connectTimeout, InetSocketAddress localAddress, ProtocolFamily family,
            boolean noDelay, int limit) {
        this.connectTimeout = connectTimeout;
        this.localAddress = localAddress;
        this.family = family;
        this.noDelay = noDelay;
        this.limit = limit;
    }

    /** @return the defaults */
    public static ConnectOptions defaults() {
        return DEFAULTS;
    }

    /** @return the longest the whole connect (name resolution included) may take, or {@code null} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * @param timeout the longest the whole connect may take (it then fails with
     *     {@link java.net.SocketTimeoutException}), or {@code null} for no limit
     * @return a copy with that timeout
     */
    public ConnectOptions connectTimeout(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("connect timeout must be positive: " + timeout);
        }
        return new ConnectOptions(timeout, localAddress, family, noDelay, limit);
    }

    /** @return the local address to bind before connecting, or {@code null} */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * @param address the local address (and port, 0 for any) to bind before connecting
     * @return a copy with that address
     */
    public ConnectOptions localAddress(InetSocketAddress address) {
        return new ConnectOptions(connectTimeout, address, family, noDelay, limit);
    }

    /** @return the address family to use, or {@code null} for any */
    public ProtocolFamily family() {
        return family;
    }

    /**
     * @param family {@link java.net.StandardProtocolFamily#INET} or {@code INET6} to use only that
     *     family's addresses of the host, or {@code null} for any
     * @return a copy with that family
     */
    public ConnectOptions family(ProtocolFamily family) {
        return new ConnectOptions(connectTimeout, localAddress, family, noDelay, limit);
    }

    /** @return whether TCP_NODELAY is set on the socket */
    public boolean noDelay() {
        return noDelay;
    }

    /**
     * @param on whether to set TCP_NODELAY (default true: small writes go out at once)
     * @return a copy with that setting
     */
    public ConnectOptions noDelay(boolean on) {
        return new ConnectOptions(connectTimeout, localAddress, family, on, limit);
    }

    /** @return the {@link StreamReader} buffer limit (used by {@link Streams} only) */
    public int limit() {
        return limit;
    }

    /**
     * @param limit the {@link StreamReader} buffer limit in bytes (used by {@link Streams} only)
     * @return a copy with that limit
     */
    public ConnectOptions limit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return new ConnectOptions(connectTimeout, localAddress, family, noDelay, limit);
    }

    @Override
    public String toString() {
        return "ConnectOptions[connectTimeout=" + connectTimeout + ", localAddress=" + localAddress
                + ", family=" + family + ", noDelay=" + noDelay + ", limit=" + limit + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectOptions c && Objects.equals(connectTimeout, c.connectTimeout)
                && Objects.equals(localAddress, c.localAddress) && Objects.equals(family, c.family)
                && noDelay == c.noDelay && limit == c.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout, localAddress, family, noDelay, limit);
    }
}
