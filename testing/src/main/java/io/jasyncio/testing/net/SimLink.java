package io.jasyncio.testing.net;

/**
 * The conditions between two hosts of a {@link SimNetwork}, the same in both directions: one-way
 * latency, bandwidth, and whether the hosts are partitioned. Made on demand by
 * {@link SimNetwork#link(String, String)}; a link from a host to itself is allowed (loopback).
 *
 * <p><b>Invariants.</b> {@code latency >= 0} and finite; {@code bandwidth > 0} (infinite means
 * unlimited). Each direction is one wire: segments of every connection on the link that go the
 * same way are transmitted one after another, so connections share the bandwidth, and
 * {@link #transmit} never returns a time earlier than the previous one of that direction.
 *
 * <p>Loop-confined, as the network.
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=partition}
 */
public final class SimLink {

    private final SimNetwork net;
    private final String a;
    private final String b;
    private double latency;
    private double bandwidth = Double.POSITIVE_INFINITY;
    private boolean partitioned;
    /** When each direction's wire is free again: [a to b, b to a]. */
    private final double[] freeAt = new double[2];

    SimLink(SimNetwork net, String a, String b) {
        this.net = net;
        this.a = a;
        this.b = b;
    }

    /**
     * @param seconds the one-way delay of every segment (and of each half of the handshake)
     * @return this link
     * @throws IllegalArgumentException if negative, NaN or infinite
     */
    public SimLink latency(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("latency must be a finite number of seconds >= 0, got " + seconds
                    + " for " + this);
        }
        latency = seconds;
        return this;
    }

    /** @return the one-way latency in seconds (0 by default) */
    public double latency() {
        return latency;
    }

    /**
     * @param bytesPerSecond how fast each direction transmits; {@code Double.POSITIVE_INFINITY}
     *     (the default) for no limit
     * @return this link
     * @throws IllegalArgumentException unless positive
     */
    public SimLink bandwidth(double bytesPerSecond) {
        if (!(bytesPerSecond > 0)) {
            throw new IllegalArgumentException("bandwidth must be > 0 bytes per second, got " + bytesPerSecond
                    + " for " + this);
        }
        bandwidth = bytesPerSecond;
        return this;
    }

    /** @return the bandwidth of each direction in bytes per second (infinite by default) */
    public double bandwidth() {
        return bandwidth;
    }

    /** @return whether the hosts are partitioned (see {@link SimNetwork#partition}) */
    public boolean isPartitioned() {
        return partitioned;
    }

    void setPartitioned(boolean on) {
        partitioned = on;
    }

    boolean joins(String x, String y) {
        return a.equals(x) && b.equals(y) || a.equals(y) && b.equals(x);
    }

    /**
     * Puts {@code bytes} on the wire from {@code from} as soon as the wire is free.
     *
     * @return when the last byte has left (not counting latency)
     */
    double transmit(String from, int bytes, double now) {
        int dir = from.equals(a) ? 0 : 1;
        double start = Math.max(now, freeAt[dir]);
        double done = Double.isInfinite(bandwidth) ? start : start + bytes / bandwidth;
        freeAt[dir] = done;
        return done;
    }

    /** @return the one-way delay of the next segment: the latency plus the network's seeded jitter */
    double delay() {
        return latency + net.jitter();
    }

    @Override
    public String toString() {
        return "link " + a + " <-> " + b;
    }
}
