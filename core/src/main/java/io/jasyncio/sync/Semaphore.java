package io.jasyncio.sync;

import io.jasyncio.CancelledError;
import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.sync.LoopBinding;
import io.jasyncio.internal.sync.WaitQueue;
import java.util.function.Consumer;

/**
 * A counter of permits: Python's {@code asyncio.Semaphore}. {@link #acquire()} takes one,
 * suspending the task while there are none; {@link #release()} gives one back. Use it to bound
 * concurrency:
 *
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=semaphore}
 *
 * <p><b>Fairness</b> (CPython 3.13). Waiters are served in FIFO order: {@link #release()} hands
 * its permit directly to the first waiting task, and a task arriving while others wait queues
 * behind them even if it could have taken a permit. Hence the invariant: while a task waits, the
 * value is zero. A waiter cancelled after a permit was handed to it, but before it resumed, hands
 * the permit on before its {@link CancelledError} propagates.
 *
 * <p><b>Threads.</b> Loop-confined and unsynchronised, like every primitive of this package: see
 * {@link Lock}.
 */
public class Semaphore {

    private final LoopBinding binding = new LoopBinding();
    private final WaitQueue waiters = new WaitQueue();
    private final Acquired releaser = this::release;
    private final Consumer<Object> passOn = handedOver -> handBack();
    private int value;

    /** Creates a semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * @param value the initial number of permits
     * @throws IllegalArgumentException if it is negative (Python's {@code ValueError})
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0, not " + value);
        }
        this.value = value;
    }

    /**
     * Takes a permit, suspending the current task until one is free: Python's
     * {@code await sem.acquire()}.
     *
     * @return closing it releases the permit (for try-with-resources)
     * @throws CancelledError if the task is cancelled while waiting (it then holds no permit)
     */
    public Acquired acquire() {
        BaseEventLoop loop = binding.check(this);
        if (value > 0) {
            value--;
            return releaser;
        }
        waiters.park(loop, "Semaphore.acquire()", passOn);
        return releaser;
    }

    /** Gives a permit back: to the first waiting task, if any, else to the counter. */
    public void release() {
        binding.check(this);
        handBack();
    }

    /** Returns one permit: hands it to the first waiter, else adds it to the value. */
    final void handBack() {
        if (!waiters.unparkOne(Boolean.TRUE)) {
            value++;
        }
    }

    /** @return whether {@link #acquire()} would suspend */
    public boolean locked() {
        return value == 0;
    }

    /** @return the number of free permits */
    public final int value() {
        return value;
    }

    final LoopBinding binding() {
        return binding;
    }

    /** @return the number of free permits and of waiting tasks */
    public Statistics statistics() {
        return new Statistics(value, waiters.waiting());
    }

    @Override
    public String toString() {
        int n = waiters.waiting();
        return "<" + getClass().getSimpleName() + " [" + (value == 0 ? "locked" : "unlocked, value:" + value)
                + (n > 0 ? ", waiters:" + n : "") + "]>";
    }

    /**
     * A snapshot of a semaphore's state.
     *
     * @param value the number of free permits
     * @param waiters how many tasks wait for one
     */
    public record Statistics(int value, int waiters) {
    }
}
