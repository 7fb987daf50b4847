package io.jasyncio.sync;

import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.sync.LoopBinding;
import io.jasyncio.internal.sync.WaitQueue;
import java.util.function.Consumer;

/**
 * A mutual-exclusion lock for tasks: Python's {@code asyncio.Lock}. Not reentrant, and not owned:
 * any task may release it (as in Python).
 *
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=lock}
 *
 * <p><b>Fairness.</b> Tasks that find the lock held wait in FIFO order, and {@link #release()}
 * hands the lock directly to the first waiter (as Trio does): it stays locked through the handoff,
 * so no task arriving later can take it first. CPython marks the lock unlocked until the woken
 * waiter runs but lets no newcomer in either, so the only visible difference is {@link #locked()}
 * during that window. A waiter cancelled after the handoff but before it resumed releases the
 * lock again, to the next waiter, before its {@link CancelledError} propagates: no wake-up is
 * lost.
 *
 * <p><b>Threads.</b> Loop-confined and unsynchronised: use it from the tasks and callbacks of one
 * event loop, the one that first used it; use from another loop, or from a foreign thread while
 * that loop runs, fails with {@link IllegalStateException}. Acquiring an unlocked lock never
 * suspends; waiting for a held one needs a task.
 */
public final class Lock {

    private final LoopBinding binding = new LoopBinding();
    private final WaitQueue waiters = new WaitQueue();
    private final Acquired releaser = this::release;
    private final Consumer<Object> passOn = handedOver -> release();
    private boolean locked;
    private Task<?> owner;

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /**
     * Acquires the lock, suspending the current task until it is free: Python's
     * {@code await lock.acquire()}.
     *
     * @return closing it releases the lock (for try-with-resources)
     * @throws CancelledError if the task is cancelled while waiting (the lock is then not held)
     */
    public Acquired acquire() {
        BaseEventLoop loop = binding.check(this);
        if (!locked) {
            locked = true;
            owner = Task.currentOrNull();
            return releaser;
        }
        waiters.park(loop, "Lock.acquire()", passOn);
        owner = Task.currentOrNull();
        return releaser;
    }

    /**
     * Releases the lock: the first waiting task gets it, else it becomes unlocked.
     *
     * @throws IllegalStateException if it is not locked (Python's {@code RuntimeError})
     */
    public void release() {
        binding.check(this);
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired");
        }
        owner = null;
        if (!waiters.unparkOne(Boolean.TRUE)) {
            locked = false;
        }
    }

    /** @return whether the lock is held (or being handed to a waiter) */
    public boolean locked() {
        return locked;
    }

    /** @return the lock's state and its number of waiters */
    public Statistics statistics() {
        return new Statistics(locked, owner, waiters.waiting());
    }

    @Override
    public String toString() {
        int n = waiters.waiting();
        return "<Lock [" + (locked ? "locked" : "unlocked") + (n > 0 ? ", waiters:" + n : "") + "]>";
    }

    /**
     * A snapshot of a lock's state.
     *
     * @param locked whether it is held
     * @param owner the task that acquired it, or {@code null} (unlocked, acquired outside a task,
     *     or being handed over to a waiter that has not resumed yet)
     * @param waiters how many tasks wait to acquire it
     */
    public record Statistics(boolean locked, Task<?> owner, int waiters) {
    }
}
