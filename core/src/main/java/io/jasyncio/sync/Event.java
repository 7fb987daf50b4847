package io.jasyncio.sync;

import io.jasyncio.CancelledError;
import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.sync.LoopBinding;
import io.jasyncio.internal.sync.WaitQueue;

/**
 * A flag that tasks can wait for: Python's {@code asyncio.Event}. {@link #set()} wakes every
 * waiting task; while the flag is set, {@link #await()} returns at once; {@link #clear()} resets
 * it.
 *
 * <p>Every task waiting when {@link #set()} is called returns from {@link #await()}, even if the
 * flag is cleared again before it resumes (as in Python). Waiters resume in the order they began
 * waiting.
 *
 * <p><b>Threads.</b> Loop-confined and unsynchronised, like every primitive of this package: see
 * {@link Lock}. To set an event from another thread, use
 * {@code loop.callSoonThreadsafe(event::set)}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=event}
 */
public final class Event {

    private final LoopBinding binding = new LoopBinding();
    private final WaitQueue waiters = new WaitQueue();
    private boolean value;

    /** Creates an event whose flag is clear. */
    public Event() {
    }

    /** @return whether the flag is set (Python's {@code is_set()}) */
    public boolean isSet() {
        return value;
    }

    /** Sets the flag and wakes every waiting task. */
    public void set() {
        binding.check(this);
        if (!value) {
            value = true;
            waiters.unparkAll(Boolean.TRUE);
        }
    }

    /** Clears the flag: later calls to {@link #await()} wait again. */
    public void clear() {
        binding.check(this);
        value = false;
    }

    /**
     * Suspends the current task until the flag is set; returns at once if it is set: Python's
     * {@code await event.wait()}.
     *
     * @throws CancelledError if the task is cancelled while waiting
     */
    public void await() {
        BaseEventLoop loop = binding.check(this);
        if (value) {
            return;
        }
        waiters.park(loop, "Event.await()", null);
    }

    /** @return the flag and the number of waiting tasks */
    public Statistics statistics() {
        return new Statistics(value, waiters.waiting());
    }

    @Override
    public String toString() {
        int n = waiters.waiting();
        return "<Event [" + (value ? "set" : "unset") + (n > 0 ? ", waiters:" + n : "") + "]>";
    }

    /**
     * A snapshot of an event's state.
     *
     * @param set whether the flag is set
     * @param waiters how many tasks wait for it
     */
    public record Statistics(boolean set, int waiters) {
    }
}
