package io.jasyncio.net;

import java.net.ProtocolFamily;
import java.util.Objects;

/**
 * Options of a datagram endpoint ({@code loop.createDatagramEndpoint}), as an immutable value with
 * "withers". Defaults: family from the addresses, no SO_REUSEPORT, no SO_BROADCAST. (As in
 * CPython 3.8+, SO_REUSEADDR is not offered for UDP: it lets another process steal the port's
 * datagrams.)
 *
 * <p>Immutable, hence thread-safe: share one instance freely.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=datagram}
 */
public final class DatagramOptions {

    private static final DatagramOptions DEFAULTS = new DatagramOptions(null, false, false);

    private final ProtocolFamily family;
    private final boolean reusePort;
    private final boolean allowBroadcast;

    private DatagramOptions(ProtocolFamily family, boolean reusePort, boolean allowBroadcast) {
        this.family = family;
        this.reusePort = reusePort;
        this.allowBroadcast = allowBroadcast;
    }

    /** @return the defaults */
    public static DatagramOptions defaults() {
        return DEFAULTS;
    }

    /** @return the address family, or {@code null} to take it from the addresses */
    public ProtocolFamily family() {
        return family;
    }

    /**
     * @param family {@code INET} or {@code INET6}, or {@code null}
     * @return a copy with that family
     */
    public DatagramOptions family(ProtocolFamily family) {
        return new DatagramOptions(family, reusePort, allowBroadcast);
    }

    /** @return whether SO_REUSEPORT is set */
    public boolean reusePort() {
        return reusePort;
    }

    /**
     * @param on whether to set SO_REUSEPORT
     * @return a copy with that setting
     */
    public DatagramOptions reusePort(boolean on) {
        return new DatagramOptions(family, on, allowBroadcast);
    }

    /** @return whether SO_BROADCAST is set */
    public boolean allowBroadcast() {
        return allowBroadcast;
    }

    /**
     * @param on whether to set SO_BROADCAST
     * @return a copy with that setting
     */
    public DatagramOptions allowBroadcast(boolean on) {
        return new DatagramOptions(family, reusePort, on);
    }

    @Override
    public String toString() {
        return "DatagramOptions[family=" + family + ", reusePort=" + reusePort + ", allowBroadcast=" + allowBroadcast + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatagramOptions d && Objects.equals(family, d.family) && reusePort == d.reusePort
                && allowBroadcast == d.allowBroadcast;
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, reusePort, allowBroadcast);
    }
}
