package io.jasyncio.http.client;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.TimerHandle;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The connection pool of a {@link ClientSession}, as aiohttp's {@code TCPConnector}: connections
 * are kept per {@link ConnectionKey} (scheme, host, port, proxy) and reused for keep-alive. A
 * key with a proxy is dialed through it by {@link ProxyTunnel} (a {@code CONNECT} tunnel for
 * {@code https}); the whole of that, tunnel included, is bounded by the connect deadlines.
 *
 * <h2>Limits and slots</h2>
 * A request holds a <em>slot</em> from the moment it gets a connection until its response is
 * released (body read to the end, {@link ClientResponse#close()}, or a failure). At most
 * {@link #limit()} slots (default 100) are held at once, and at most {@link #limitPerHost()} per
 * key (default 0: no per-key limit); 0 means unlimited. A request that finds no free slot waits
 * in a FIFO queue; a released slot is handed straight to the first waiter it fits. Idle pooled
 * connections hold no slot. A slot is given back on every path: success, error, timeout and
 * cancellation, including cancellation while waiting for a slot or while connecting.
 *
 * <h2>Keep-alive</h2>
 * A connection whose response ended cleanly (complete body, keep-alive, nothing unread) goes back
 * to the pool; the most recently used is reused first. An idle connection older than
 * {@code keepaliveTimeout} (default 15 s) is closed, by a timer or when met. A pooled connection
 * that the server closed or wrote to unasked is stale: it is dropped when met, and a request
 * that fails on a reused connection before any response byte arrived is retried once on a new
 * connection if its method is idempotent and its body can be sent again.
 *
 * <h2>Threads</h2>
 * Bound to the event loop of its first use and confined to it; {@link #close()} may also be
 * called before any use or from the loop. One connector may be shared by several sessions on the
 * same loop.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=connector}
 */
public final class TcpConnector implements AutoCloseable {

    /** aiohttp's default total limit. */
    public static final int DEFAULT_LIMIT = 100;
    /** aiohttp's default idle expiry, in seconds. */
    public static final double DEFAULT_KEEPALIVE_TIMEOUT = 15.0;

    private final int limit;
    private final int limitPerHost;
    private final double keepaliveTimeout;
    private final boolean forceClose;
    private final TlsPolicy tls;
    private final Dialer dialer;

    private final Map<ConnectionKey, ArrayDeque<Idle>> idle = new HashMap<>();
    private final Map<ConnectionKey, int[]> perHost = new HashMap<>();
    /** Requests waiting for a slot, per key, each in arrival order; a key with none has no entry. */
    private final Map<ConnectionKey, LinkedHashSet<Waiter>> waiters = new LinkedHashMap<>();
    private long waiterSequence;
    private final Set<Lease> leased = Collections.newSetFromMap(new IdentityHashMap<>());
    private int acquired;
    private EventLoop loop;
    private TimerHandle cleanup;
    private boolean closed;

    private record Idle(ClientConnection connection, Http1Connection protocol, double since) {}

    private static final class Waiter {
        final ConnectionKey key;
        final Future<Void> future;
        final long sequence;
        boolean granted;

        Waiter(ConnectionKey key, Future<Void> future, long sequence) {
            this.key = key;
            this.future = future;
            this.sequence = sequence;
        }
    }

    /** A connector with the defaults: limit 100, no per-host limit, TLS verified. */
    public TcpConnector() {
        this(builder());
    }

    /**
     * @param limit the most connections in use at once, 0 for no limit
     * @param limitPerHost the most per (scheme, host, port), 0 for no limit
     * @param tls how {@code https} servers are verified
     */
    public TcpConnector(int limit, int limitPerHost, TlsPolicy tls) {
        this(builder().limit(limit).limitPerHost(limitPerHost).tls(tls));
    }

    private TcpConnector(Builder b) {
        this.limit = b.limit;
        this.limitPerHost = b.limitPerHost;
        this.keepaliveTimeout = b.keepaliveTimeout;
        this.forceClose = b.forceClose;
        this.tls = b.tls;
        this.dialer = b.dialer != null ? b.dialer : new StreamsDialer(b.localAddress);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- introspection

    /** @return the most connections in use at once; 0 for no limit */
    public int limit() {
        return limit;
    }

    /** @return the most connections in use at once per key; 0 for no limit */
    public int limitPerHost() {
        return limitPerHost;
    }

    /** @return how long an idle connection is kept, in seconds */
    public double keepaliveTimeout() {
        return keepaliveTimeout;
    }

    /** @return how {@code https} servers are verified */
    public TlsPolicy tls() {
        return tls;
    }

    /** @return the number of slots held: connections in use by requests and responses */
    public int inUse() {
        return acquired;
    }

    /**
     * @param key a server
     * @return the slots held for it
     */
    public int inUse(ConnectionKey key) {
        int[] n = perHost.get(key);
        return n == null ? 0 : n[0];
    }

    /** @return the number of idle pooled connections */
    public int idleCount() {
        int n = 0;
        for (ArrayDeque<Idle> d : idle.values()) {
            n += d.size();
        }
        return n;
    }

    /** @return the number of requests waiting for a slot */
    public int waiting() {
        int n = 0;
        for (LinkedHashSet<Waiter> q : waiters.values()) {
            n += q.size();
        }
        return n;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- acquire and release

    /**
     * Takes a slot and a connection for {@code key}: an idle one unless {@code fresh}, else a new
     * one. On failure or cancellation the slot is given back before the exception propagates.
     */
    Lease acquire(ConnectionKey key, RequestTimer timer, Tracer tracer, boolean fresh) throws IOException {
        bindLoop();
        if (closed) {
            throw new ClientConnectionError("Connector is closed: cannot connect to " + key);
        }
        timer.startConnect();
        if (!tryTakeSlot(key)) {
            waitForSlot(key, timer, tracer);
        }
        try {
            if (!fresh) {
                Lease reused = takeIdle(key);
                if (reused != null) {
                    if (tracer.enabled()) {
                        tracer.send(new TraceEvent.ConnectionReuseconn(key));
                    }
                    leased.add(reused);
                    return reused;
                }
            }
            if (tracer.enabled()) {
                tracer.send(new TraceEvent.ConnectionCreateStart(key));
            }
            ClientConnection c = timer.sockConnect(() -> dial(key, timer));
            if (closed) {
                c.close();
                throw new ClientConnectionError("Connector was closed while connecting to " + key);
            }
            if (tracer.enabled()) {
                tracer.send(new TraceEvent.ConnectionCreateEnd(key));
            }
            Lease lease = new Lease(key, c, false, null);
            leased.add(lease);
            return lease;
        } catch (IOException | RuntimeException | Error e) {
            releaseSlot(key);
            throw e;
        }
    }

    private ClientConnection dial(ConnectionKey key, RequestTimer timer) throws IOException {
        if (key.proxy() != null) {
            return ProxyTunnel.open(dialer, key, tls, timer);
        }
        try {
            return dialer.dial(key, tls);
        } catch (ClientError e) {
            throw e;
        } catch (IOException e) {
            throw new ClientConnectorError(key, e);
        }
    }

    private void waitForSlot(ConnectionKey key, RequestTimer timer, Tracer tracer) throws IOException {
        Waiter w = new Waiter(key, loop.createFuture(), waiterSequence++);
        waiters.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(w);
        if (tracer.enabled()) {
            tracer.send(new TraceEvent.ConnectionQueuedStart(key));
        }
        try {
            timer.queued(() -> {
                try {
                    Asyncio.await(w.future);
                } catch (IOException | RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new ClientConnectionError("waiting for a connection to " + key + " failed", e);
                }
                return null;
            });
        } catch (IOException | RuntimeException | Error e) {
            removeWaiter(w);
            if (w.granted) {
                releaseSlot(key);
            }
            throw e;
        } finally {
            if (tracer.enabled()) {
                tracer.send(new TraceEvent.ConnectionQueuedEnd(key));
            }
        }
    }

    private Lease takeIdle(ConnectionKey key) {
        ArrayDeque<Idle> d = idle.get(key);
        if (d == null) {
            return null;
        }
        double now = loop.time();
        Lease found = null;
        while (found == null && !d.isEmpty()) {
            Idle e = d.pollLast();
            if (now - e.since > keepaliveTimeout || !e.connection.isReusable()) {
                e.connection.close();
            } else {
                found = new Lease(key, e.connection, true, e.protocol);
            }
        }
        if (d.isEmpty()) {
            idle.remove(key);
        }
        return found;
    }

    /**
     * Gives back the lease's slot; pools its connection if {@code reusable} and the connection
     * agrees, else closes it. Idempotent.
     */
    void release(Lease lease, boolean reusable) {
        if (lease.released) {
            return;
        }
        lease.released = true;
        leased.remove(lease);
        if (reusable && !closed && !forceClose && keepaliveTimeout > 0 && lease.connection.isReusable()) {
            idle.computeIfAbsent(lease.key, k -> new ArrayDeque<>())
                    .addLast(new Idle(lease.connection, lease.protocol, loop.time()));
            scheduleCleanup();
        } else {
            lease.connection.close();
        }
        releaseSlot(lease.key);
    }

    // ---------------------------------------------------------------- slots

    private boolean fits(ConnectionKey key) {
        return (limit <= 0 || acquired < limit) && (limitPerHost <= 0 || inUse(key) < limitPerHost);
    }

    private boolean tryTakeSlot(ConnectionKey key) {
        if (!fits(key)) {
            return false;
        }
        take(key);
        return true;
    }

    private void take(ConnectionKey key) {
        acquired++;
        perHost.computeIfAbsent(key, k -> new int[1])[0]++;
    }

    private void releaseSlot(ConnectionKey key) {
        acquired--;
        int[] n = perHost.get(key);
        if (n != null && --n[0] <= 0) {
            perHost.remove(key);
        }
        grantWaiters();
    }

    private void removeWaiter(Waiter w) {
        LinkedHashSet<Waiter> q = waiters.get(w.key);
        if (q != null && q.remove(w) && q.isEmpty()) {
            waiters.remove(w.key);
        }
    }

    /**
     * Hands free slots to waiters: each time to the longest-waiting request whose key fits.
     * Costs O(keys with waiters) per slot, however many requests wait.
     */
    private void grantWaiters() {
        while (!waiters.isEmpty() && (limit <= 0 || acquired < limit)) {
            Waiter best = null;
            Iterator<LinkedHashSet<Waiter>> keys = waiters.values().iterator();
            while (keys.hasNext()) {
                LinkedHashSet<Waiter> q = keys.next();
                Iterator<Waiter> it = q.iterator();
                Waiter head = null;
                while (it.hasNext()) {
                    Waiter w = it.next();
                    if (!w.future.done()) {
                        head = w;
                        break;
                    }
                    it.remove(); // cancelled while waiting; it removes itself too, harmlessly
                }
                if (head == null) {
                    keys.remove();
                } else if (fits(head.key) && (best == null || head.sequence < best.sequence)) {
                    best = head;
                }
            }
            if (best == null) {
                return;
            }
            removeWaiter(best);
            take(best.key);
            best.granted = true;
            best.future.setResult(null);
        }
    }

    // ---------------------------------------------------------------- idle expiry

    private void scheduleCleanup() {
        if (cleanup == null && !closed) {
            cleanup = loop.callLater(keepaliveTimeout, this::cleanupIdle);
        }
    }

    private void cleanupIdle() {
        cleanup = null;
        double now = loop.time();
        Iterator<ArrayDeque<Idle>> it = idle.values().iterator();
        while (it.hasNext()) {
            ArrayDeque<Idle> d = it.next();
            d.removeIf(e -> {
                boolean expired = now - e.since >= keepaliveTimeout || !e.connection.isReusable();
                if (expired) {
                    e.connection.close();
                }
                return expired;
            });
            if (d.isEmpty()) {
                it.remove();
            }
        }
        if (!idle.isEmpty()) {
            scheduleCleanup();
        }
    }

    // ---------------------------------------------------------------- lifecycle

    private void bindLoop() {
        EventLoop current = Asyncio.getRunningLoop();
        if (loop == null) {
            loop = current;
        } else if (loop != current) {
            throw new IllegalStateException("this TcpConnector is bound to another event loop: "
                    + "create one connector (and session) per loop");
        }
    }

    /**
     * Closes the pool: idle connections and connections in use are closed, requests waiting for a
     * slot fail with {@link ClientConnectionError}. Idempotent; never suspends.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (cleanup != null) {
            cleanup.cancel();
            cleanup = null;
        }
        for (ArrayDeque<Idle> d : idle.values()) {
            for (Idle e : d) {
                e.connection.close();
            }
        }
        idle.clear();
        for (Lease l : new ArrayList<>(leased)) {
            l.connection.close();
        }
        List<Waiter> failing = new ArrayList<>();
        waiters.values().forEach(failing::addAll);
        waiters.clear();
        for (Waiter w : failing) {
            if (!w.future.done()) {
                w.future.setException(new ClientConnectionError("Connector is closed: gave up waiting for " + w.key));
            }
        }
    }

    @Override
    public String toString() {
        return "TcpConnector[limit=" + limit + ", limitPerHost=" + limitPerHost + ", inUse=" + acquired
                + ", idle=" + idleCount() + ", waiting=" + waiting() + (closed ? ", closed" : "") + "]";
    }

    /**
     * Options for a {@link TcpConnector}. Not thread-safe; build once.
     */
    public static final class Builder {
        private int limit = DEFAULT_LIMIT;
        private int limitPerHost;
        private double keepaliveTimeout = DEFAULT_KEEPALIVE_TIMEOUT;
        private boolean forceClose;
        private TlsPolicy tls = TlsPolicy.DEFAULT;
        private Dialer dialer;
        private java.net.InetSocketAddress localAddress;

        private Builder() {
        }

        /** @param n the most connections in use at once, 0 for none (default 100) @return this */
        public Builder limit(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("limit must be >= 0: " + n);
            }
            this.limit = n;
            return this;
        }

        /** @param n the most connections in use per key, 0 for none (default) @return this */
        public Builder limitPerHost(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("limitPerHost must be >= 0: " + n);
            }
            this.limitPerHost = n;
            return this;
        }

        /** @param seconds how long an idle connection is kept (default 15; 0 disables pooling) @return this */
        public Builder keepaliveTimeout(double seconds) {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException("keepaliveTimeout must be >= 0: " + seconds);
            }
            this.keepaliveTimeout = seconds;
            return this;
        }

        /** @param on close every connection after its response instead of pooling it @return this */
        public Builder forceClose(boolean on) {
            this.forceClose = on;
            return this;
        }

        /** @param policy how {@code https} servers are verified @return this */
        public Builder tls(TlsPolicy policy) {
            this.tls = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * INSECURE: accept any certificate and host name for {@code https} (aiohttp's
         * {@code ssl=False}). Only for tests and servers you control.
         *
         * @return this
         */
        public Builder insecureSkipTlsVerify() {
            this.tls = TlsPolicy.insecureSkipVerify();
            return this;
        }

        /** @param d what opens new connections (default: TCP through the network layer) @return this */
        public Builder dialer(Dialer d) {
            this.dialer = Objects.requireNonNull(d, "dialer");
            return this;
        }

        /**
         * @param address the local address (and port, 0 for any) new connections bind to
         *     (default: chosen by the system); used by the default dialer only
         * @return this
         */
        public Builder localAddress(java.net.InetSocketAddress address) {
            this.localAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** @return the connector */
        public TcpConnector build() {
            return new TcpConnector(this);
        }
    }
}
