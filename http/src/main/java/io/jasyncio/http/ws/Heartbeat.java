package io.jasyncio.http.ws;

import io.jasyncio.EventLoop;
import io.jasyncio.TimerHandle;

/**
 * The keep-alive of a {@link WebSocketConnection} (aiohttp's {@code heartbeat}): after
 * {@code interval} seconds without any byte from the peer, send a ping; if no byte at all arrives
 * within {@code interval / 2} seconds after it, the peer is gone and {@code timedOut} runs.
 *
 * <p>Any received byte counts as a sign of life, not only a pong: a peer busy sending a large
 * message is alive. {@link #received()} is called for every chunk read and costs a counter and a
 * clock read; the timer is not rescheduled per chunk but checked lazily when it fires.
 *
 * <p>Invariants: at most one timer is pending; after {@link #stop()} (or a time-out) nothing
 * runs any more. Loop-confined: everything runs on the loop thread.
 */
final class Heartbeat {

    /** Below this many seconds early, a firing timer counts as on time (guards clock rounding). */
    private static final double SLACK = 1e-6;

    private final EventLoop loop;
    private final double interval;
    private final Runnable sendPing;
    private final Runnable timedOut;
    private long received;
    private long receivedAtPing;
    private double lastReceived;
    private boolean awaitingPong;
    private boolean stopped;
    private TimerHandle timer;

    /**
     * @param interval seconds of silence before a ping; 0 disables the heartbeat
     * @param sendPing sends a ping (never suspends)
     * @param timedOut fails the connection (never suspends)
     */
    Heartbeat(EventLoop loop, double interval, Runnable sendPing, Runnable timedOut) {
        this.loop = loop;
        this.interval = interval;
        this.sendPing = sendPing;
        this.timedOut = timedOut;
        this.stopped = interval <= 0;
    }

    /** Starts counting from now. */
    void start() {
        if (!stopped) {
            lastReceived = loop.time();
            timer = loop.callLater(interval, this::fire);
        }
    }

    /** Notes that bytes arrived from the peer. */
    void received() {
        if (!stopped) {
            received++;
            lastReceived = loop.time();
        }
    }

    /** Cancels the timer for good. Idempotent. */
    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void fire() {
        timer = null;
        if (stopped) {
            return;
        }
        double now = loop.time();
        if (awaitingPong) {
            awaitingPong = false;
            if (received == receivedAtPing) {
                stopped = true;
                timedOut.run();
                return;
            }
        }
        double wait = lastReceived + interval - now;
        if (wait > SLACK) {
            timer = loop.callLater(wait, this::fire);
            return;
        }
        receivedAtPing = received;
        awaitingPong = true;
        timer = loop.callLater(interval / 2, this::fire);
        sendPing.run();
    }
}
