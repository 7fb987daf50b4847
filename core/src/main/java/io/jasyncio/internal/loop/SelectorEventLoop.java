package io.jasyncio.internal.loop;

import io.jasyncio.Clock;
import io.jasyncio.internal.net.Connector;
import io.jasyncio.internal.net.SelectorDatagramTransport;
import io.jasyncio.internal.net.SelectorNet;
import io.jasyncio.internal.net.SelectorServer;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.DatagramOptions;
import io.jasyncio.net.DatagramProtocol;
import io.jasyncio.net.DatagramTransport;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import io.jasyncio.net.Transport;
import io.jasyncio.net.TransportAndProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The event loop over a {@link Selector}: CPython's {@code BaseSelectorEventLoop}. I/O readiness is
 * turned into ready-queue entries: each registered key's attachment is a {@link Runnable} (the
 * transport's I/O handler, allocated once per channel) that runs in the iteration's batch, after
 * the callbacks that were already ready, as in asyncio.
 *
 * <p>Wakeups from other threads are elided unless the loop is (about to be) blocked in
 * {@code select}: the loop arms {@code wakeupNeeded} before checking for queued work and blocking,
 * and a producer wakes the selector only if it sees the flag armed, so at least one of them sees
 * the other's write. {@code select()} is called and its selected keys are dispatched without any
 * lock held (never {@code select(Consumer)}, which runs its action under the selector's monitors).
 */
public class SelectorEventLoop extends BaseEventLoop {

    private final Selector selector;
    private final AtomicBoolean wakeupNeeded = new AtomicBoolean();

    /**
     * @param clock the time source to schedule by
     */
    public SelectorEventLoop(Clock clock) {
        super(clock);
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
    }

    /** @return the selector channels register with; only from the loop's context */
    public final Selector selector() {
        return selector;
    }

    /**
     * A zero-timeout poll is skipped when the previous poll was less than this long ago: with work
     * ready, an iteration polls for I/O at most every 20 µs (a poll is a system call of about a
     * microsecond here, and a task switch costs two iterations). I/O is noticed at most this much
     * later; nothing starves, since the gap is bounded in time.
     */
    private static final long MIN_POLL_GAP_NANOS = 20_000;
    /** Loop-thread only: when the last poll ran ({@link System#nanoTime()}). */
    private long lastPollNanos;
    /** Loop-thread only: the next iteration must poll (a registered channel was closed). */
    private boolean pollRequested;

    /**
     * Makes the next iteration poll the selector even if the last poll was recent, so that a
     * closed channel's key is deregistered (and its socket really closed) on the next iteration.
     * Loop context only.
     */
    public final void requestPoll() {
        pollRequested = true;
    }

    /**
     * Queues the handler of each ready key, in the order the selector reports them. Handed to the
     * selector's {@code select(Consumer)} forms, which skip the selected-key set (a hash set insert
     * and removal per event).
     */
    private final Consumer<SelectionKey> onReady = key -> {
        if (key.isValid() && key.attachment() instanceof Runnable handler) {
            addReady(handler);
        }
    };

    @Override
    protected void waitForEvents(long timeoutNanos) {
        try {
            if (timeoutNanos == 0) {
                if (!pollRequested && selector.keys().isEmpty()) {
                    return; // nothing registered: no I/O event can be pending, skip the syscall
                }
                long now = System.nanoTime();
                if (!pollRequested && now - lastPollNanos < MIN_POLL_GAP_NANOS) {
                    return;
                }
                pollRequested = false;
                lastPollNanos = now;
                selector.selectNow(onReady);
            } else {
                wakeupNeeded.set(true);
                if (hasInbox()) {
                    selector.selectNow(onReady);
                } else if (timeoutNanos < 0) {
                    selector.select(onReady);
                } else {
                    selector.select(onReady, Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
                }
                wakeupNeeded.set(false);
                pollRequested = false;
                lastPollNanos = System.nanoTime();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the event loop's selector failed", e);
        }
    }

    @Override
    protected void wakeup() {
        if (wakeupNeeded.get() && wakeupNeeded.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    @Override
    protected void closeMultiplexer() {
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the event loop's selector failed", e);
        }
    }

    // ---- networking (the logic lives in io.jasyncio.internal.net)

    /** Loop-context only: the networking state, made on first use. */
    private SelectorNet net;

    /** @return this loop's networking state (buffers shared by its transports); loop context only */
    public final SelectorNet net() {
        SelectorNet n = net;
        if (n == null) {
            n = new SelectorNet();
            net = n;
        }
        return n;
    }

    @Override
    public <P extends BaseProtocol> TransportAndProtocol<Transport, P> createConnection(Supplier<P> protocolFactory,
            String host, int port, ConnectOptions options) throws IOException {
        return Connector.createConnection(this, protocolFactory, host, port, options);
    }

    @Override
    public Server createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port,
            ServerOptions options) throws IOException {
        return SelectorServer.create(this, protocolFactory, host, port, options);
    }

    @Override
    public <P extends BaseProtocol> TransportAndProtocol<Transport, P> createUnixConnection(Supplier<P> protocolFactory,
            Path path, ConnectOptions options) throws IOException {
        return Connector.createUnixConnection(this, protocolFactory, path, options);
    }

    @Override
    public Server createUnixServer(Supplier<? extends BaseProtocol> protocolFactory, Path path, ServerOptions options)
            throws IOException {
        return SelectorServer.createUnix(this, protocolFactory, path, options);
    }

    @Override
    public <P extends DatagramProtocol> TransportAndProtocol<DatagramTransport, P> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress localAddr, InetSocketAddress remoteAddr,
            DatagramOptions options) throws IOException {
        return SelectorDatagramTransport.create(this, protocolFactory, localAddr, remoteAddr, options);
    }
}
