package io.jasyncio.testing.net;

import io.jasyncio.EventLoop;
import io.jasyncio.internal.loop.BaseEventLoop;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A simulated network on one event loop's clock: named {@link SimHost}s that listen and connect,
 * with in-memory {@link io.jasyncio.net.Transport}s that behave like the selector's (flow control,
 * half-close, {@code connectionLost} once), and faults injected on command or picked from a seed.
 * On a virtual-time loop ({@code VirtualTime}, {@code @AsyncTest}) everything is deterministic and
 * takes no real time.
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=simNetwork}
 *
 * <h2>The model</h2>
 * <ul>
 *   <li><b>Links</b> ({@link #link}): latency and bandwidth between two hosts, both directions
 *       alike; connections on a link share its bandwidth. Unconfigured links have no latency and
 *       no bandwidth limit (delivery is still asynchronous, through the loop's timers).
 *   <li><b>Window</b> ({@link #receiveWindow(int)}, 64 KiB by default): a connection carries at
 *       most this many unread bytes per direction (in flight plus arrived but not read). A receiver
 *       that stops reading (its transport paused, as {@code StreamReader} does above its limit) so
 *       makes the sender's write buffer grow past its high-water mark, and {@code drain()} wait.
 *       Acknowledgements take no time, so one connection moves at most a window per latency.
 *   <li><b>Partitions</b> ({@link #partition}, {@link #heal}): nothing crosses; data in flight is
 *       held and arrives one latency after the heal, in order. Connection attempts get no answer
 *       and time out after 127 virtual seconds (see {@link SimHost#createConnection}).
 *   <li><b>Resets</b> ({@link SimConnection#reset()}, {@link SimConnection#resetAfter}): both ends
 *       fail with a {@link java.net.SocketException} "Connection reset by peer" naming the other
 *       end. {@code abort()} sends an RST too; data arriving at a closed end is answered by one.
 *   <li><b>Half-open</b> ({@link SimConnection#vanish}, {@link SimHost#crash()}): an end goes away
 *       without a FIN; the other end sees nothing until its own timeout.
 *   <li><b>Refused</b>: a port nobody listens on answers with an RST after one round trip
 *       ({@link java.net.ConnectException}); an unknown host name is an
 *       {@link UnknownHostException}.
 * </ul>
 *
 * <h2>Seeds and traces</h2>
 * {@link #SimNetwork(EventLoop, long)} makes a seeded network: {@link #faults(SimFaults)} then
 * picks jitter and resets from the seed. Every event (connections, segments arriving, FINs,
 * resets, partitions) is recorded with its virtual time in {@link #trace()}: the same program and
 * seed give the same trace, on the same kind of loop schedule.
 *
 * <p><b>Threads.</b> Loop-confined: create it and call it from tasks or callbacks of its loop.
 */
public final class SimNetwork {

    /** The default receive window, in bytes. */
    public static final int DEFAULT_WINDOW = 64 * 1024;

    private final EventLoop loop;
    private final OptionalLong seed;
    private final SplittableRandom random;
    private final Map<String, SimHost> hosts = new LinkedHashMap<>();
    private final List<SimLink> links = new ArrayList<>();
    private final List<SimConnection> connections = new ArrayList<>();
    private final List<Consumer<SimConnection>> listeners = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private SimFaults faults = SimFaults.NONE;
    private int window = DEFAULT_WINDOW;

    /**
     * A network without seeded faults.
     *
     * @param loop the loop whose clock it runs on
     */
    public SimNetwork(EventLoop loop) {
        this(loop, OptionalLong.empty());
    }

    /**
     * A seeded network: {@link #faults(SimFaults)} picks its faults from {@code seed}.
     *
     * @param loop the loop whose clock it runs on
     * @param seed the seed
     */
    public SimNetwork(EventLoop loop, long seed) {
        this(loop, OptionalLong.of(seed));
    }

    private SimNetwork(EventLoop loop, OptionalLong seed) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.seed = seed;
        this.random = new SplittableRandom(seed.orElse(0));
    }

    /** @return the loop */
    public EventLoop loop() {
        return loop;
    }

    /** @return the seed, if this network is seeded */
    public OptionalLong seed() {
        return seed;
    }

    // ---------------------------------------------------------------- hosts and links

    /**
     * @param name a host name, such as {@code "server"}; made on first use
     * @return the host of that name
     * @throws IllegalArgumentException if the name is blank or has a colon or whitespace
     */
    public SimHost host(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(c -> c == ':' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a host name must be non-blank, without ':' or whitespace: '"
                    + name + "'");
        }
        return hosts.computeIfAbsent(name, n -> new SimHost(this, n));
    }

    /** @return the hosts, in the order they were made */
    public List<SimHost> hosts() {
        return List.copyOf(hosts.values());
    }

    SimHost lookup(String name) throws UnknownHostException {
        SimHost h = hosts.get(Objects.requireNonNull(name, "host"));
        if (h == null) {
            throw new UnknownHostException(name + ": no such host on the simulated network (hosts: "
                    + hosts.keySet() + ")");
        }
        return h;
    }

    /**
     * @param a one host's name
     * @param b the other's (may be {@code a}: loopback)
     * @return the link between them, made on first use (no latency, no bandwidth limit)
     */
    public SimLink link(String a, String b) {
        host(a);
        host(b);
        for (SimLink l : links) {
            if (l.joins(a, b)) {
                return l;
            }
        }
        SimLink l = new SimLink(this, a, b);
        links.add(l);
        return l;
    }

    /**
     * @param bytes the receive window of every connection, per direction
     * @return this network
     * @throws IllegalArgumentException unless at least one byte
     */
    public SimNetwork receiveWindow(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("the receive window must be >= 1 byte, got " + bytes);
        }
        window = bytes;
        return this;
    }

    /** @return the receive window, in bytes */
    public int receiveWindow() {
        return window;
    }

    // ---------------------------------------------------------------- faults

    /**
     * Cuts the link between two hosts: nothing crosses until {@link #heal}. Idempotent.
     *
     * @param a one host's name
     * @param b the other's
     */
    public void partition(String a, String b) {
        SimLink l = link(a, b);
        if (!l.isPartitioned()) {
            l.setPartitioned(true);
            record("partition " + a + " | " + b);
        }
    }

    /**
     * Restores the link: held data is retransmitted and arrives one latency from now, and
     * connection attempts get through at their next retry. Idempotent.
     *
     * @param a one host's name
     * @param b the other's
     */
    public void heal(String a, String b) {
        SimLink l = link(a, b);
        if (!l.isPartitioned()) {
            return;
        }
        l.setPartitioned(false);
        record("heal " + a + " | " + b);
        for (SimConnection c : List.copyOf(connections)) {
            if (c.involves(a) && c.involves(b)) {
                c.healed();
            }
        }
    }

    /**
     * Sets the faults this seeded network picks by itself, for connections made from now on (and
     * the jitter of every segment).
     *
     * @param faults the faults, or {@link SimFaults#NONE}
     * @return this network
     * @throws IllegalStateException if the network has no seed and a fault is on
     */
    public SimNetwork faults(SimFaults faults) {
        Objects.requireNonNull(faults, "faults");
        if (faults.any() && seed.isEmpty()) {
            throw new IllegalStateException("seeded faults need a seeded network: new SimNetwork(loop, seed)");
        }
        this.faults = faults;
        return this;
    }

    /** @return the faults picked from the seed */
    public SimFaults faults() {
        return faults;
    }

    double jitter() {
        return faults.jitter() > 0 ? random.nextDouble() * faults.jitter() : 0;
    }

    // ---------------------------------------------------------------- connections

    /**
     * @param listener called with each new connection, when the server's end is made (before
     *     any data moves): the place to inject faults into connections made by code under test
     * @return this network
     */
    public SimNetwork onConnection(Consumer<SimConnection> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** @return every connection made so far, open or ended, oldest first */
    public List<SimConnection> connections() {
        return List.copyOf(connections);
    }

    void connected(SimConnection c) {
        connections.add(c);
        record("accept " + c.clientAddress() + " -> " + c.serverAddress());
        if (faults.resetProbability() > 0 && random.nextDouble() < faults.resetProbability()) {
            String sender = random.nextBoolean() ? c.clientTransport().host().name() : c.serverTransport().host().name();
            c.resetAfter(sender, random.nextLong(faults.resetWithinBytes() + 1));
        }
        for (Consumer<SimConnection> l : List.copyOf(listeners)) {
            l.accept(c);
        }
    }

    // ---------------------------------------------------------------- trace

    /** @return the events so far, each as {@code "<virtual time> <event>"}, oldest first */
    public List<String> trace() {
        return List.copyOf(trace);
    }

    void record(String event) {
        trace.add(String.format(Locale.ROOT, "%.6f %s", loop.time(), event));
    }

    void checkLoop() {
        if (BaseEventLoop.currentRunningLoop() != loop) {
            throw new IllegalStateException("this SimNetwork runs on " + loop + ": call it from a task of that loop");
        }
    }

    @Override
    public String toString() {
        return "<SimNetwork hosts=" + hosts.keySet() + (seed.isPresent() ? " seed=" + seed.getAsLong() : "") + ">";
    }
}
