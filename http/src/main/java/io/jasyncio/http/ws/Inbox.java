package io.jasyncio.http.ws;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.TimeoutError;
import java.util.ArrayDeque;

/**
 * The messages a {@link WebSocketConnection} received and the application has not taken yet,
 * with flow control: once the queued payload bytes reach the limit, reading from the transport
 * is paused, and resumed when taking messages brings them below it again.
 *
 * <p>Invariants: {@code bytes} is the sum of the queued messages' payload lengths; reading is
 * paused iff {@code bytes >= limit} (or was, and nothing was taken since). At most one task
 * waits at a time. Loop-confined.
 */
final class Inbox {

    private final EventLoop loop;
    private final WsTransport transport;
    private final int limit;
    private final ArrayDeque<WsMessage> queue = new ArrayDeque<>();
    private long bytes;
    private boolean paused;
    private Future<Void> waiter;

    Inbox(EventLoop loop, WsTransport transport, int limit) {
        this.loop = loop;
        this.transport = transport;
        this.limit = limit;
    }

    /** Queues a message and wakes the waiting task. */
    void add(WsMessage m) {
        queue.addLast(m);
        bytes += m.data().length;
        if (!paused && bytes >= limit) {
            paused = true;
            transport.pauseReading();
        }
        wake();
    }

    /** @return the oldest message, or null if none */
    WsMessage poll() {
        WsMessage m = queue.pollFirst();
        if (m != null) {
            bytes -= m.data().length;
            resumeIfBelow();
        }
        return m;
    }

    /** Drops every queued message (and resumes reading). */
    void clear() {
        queue.clear();
        bytes = 0;
        resumeIfBelow();
    }

    private void resumeIfBelow() {
        if (paused && bytes < limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    /** @return whether a task is waiting in {@link #await} */
    boolean hasWaiter() {
        return waiter != null;
    }

    /** Wakes the waiting task, if any, without a message (it re-checks the connection's state). */
    void wake() {
        Future<Void> w = waiter;
        if (w != null && !w.done()) {
            w.setResult(null);
        }
    }

    /**
     * Suspends until {@link #add} or {@link #wake} is called.
     *
     * @param timeoutSeconds the longest wait, or 0 for none
     * @throws TimeoutError if the time passed first
     */
    void await(double timeoutSeconds) throws TimeoutError {
        Future<Void> w = loop.createFuture();
        waiter = w;
        try {
            if (timeoutSeconds > 0) {
                Asyncio.waitFor(w, timeoutSeconds);
            } else {
                Asyncio.await(w);
            }
        } catch (TimeoutError | CancelledError | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the inbox waiter never fails", e);
        } finally {
            waiter = null;
        }
    }
}
