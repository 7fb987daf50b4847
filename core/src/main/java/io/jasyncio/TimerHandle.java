package io.jasyncio;

import io.jasyncio.internal.loop.BaseEventLoop;

/**
 * A callback scheduled for a point in time by {@link EventLoop#callLater(double, Runnable)} or
 * {@link EventLoop#callAt(double, Runnable)}. Python's {@code asyncio.TimerHandle}.
 *
 * <p>Timers run in order of their deadline; timers with the same deadline run in the order they
 * were scheduled. A cancelled timer stays in the loop's heap until it reaches the top or until
 * cancelled timers make up more than half of a large heap, as in CPython.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=handle}
 */
public class TimerHandle extends Handle {

    private final long whenNanos;
    private final long sequence;
    private boolean scheduled = true;

    /**
     * Creates a timer; loop implementations call this.
     *
     * @param whenNanos the deadline on the loop's clock
     * @param sequence the loop's scheduling counter, which breaks ties between equal deadlines
     * @param callback what to run
     * @param loop the loop it runs on
     */
    public TimerHandle(long whenNanos, long sequence, Runnable callback, EventLoop loop) {
        super(callback, loop);
        this.whenNanos = whenNanos;
        this.sequence = sequence;
    }

    /** @return the deadline in seconds on the loop's {@link EventLoop#time()} scale */
    public double when() {
        return whenNanos / 1e9;
    }

    /** @return the deadline in nanoseconds on the loop's clock */
    public long whenNanos() {
        return whenNanos;
    }

    @Override
    public void cancel() {
        if (!cancelled()) {
            super.cancel();
            if (scheduled) {
                ((BaseEventLoop) getLoop()).timerHandleCancelled();
            }
        }
    }

    /** Called by the loop when the timer leaves its heap. */
    public void unscheduled() {
        scheduled = false;
    }

    /**
     * Orders timers by deadline, then by scheduling order.
     *
     * @param a a timer
     * @param b another timer
     * @return negative, zero or positive as {@code a} runs before, with, or after {@code b}
     */
    public static int compare(TimerHandle a, TimerHandle b) {
        int c = Long.compare(a.whenNanos, b.whenNanos);
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
    }

    @Override
    public String toString() {
        return "<TimerHandle " + (cancelled() ? "cancelled " : "") + "when=" + when() + " " + callback() + ">";
    }
}
