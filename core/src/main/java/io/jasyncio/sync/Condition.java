package io.jasyncio.sync;

import io.jasyncio.CancelledError;
import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.sync.LoopBinding;
import io.jasyncio.internal.sync.WaitQueue;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A condition variable: Python's {@code asyncio.Condition}. Tasks holding its lock
 * {@link #await()} until another task {@link #signal()}s them; {@code await} releases the lock
 * while waiting and re-acquires it before returning. Python's {@code wait}, {@code notify} and
 * {@code notify_all} are {@code await}, {@code signal} and {@code signalAll} here, since
 * {@code Object} owns the other names.
 *
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=condition}
 *
 * <p><b>Fairness and cancellation</b> (CPython 3.13). Waiters are signalled in the order they
 * began waiting. {@link #await()} always re-acquires the lock before it returns or throws, even
 * when the task is cancelled (the cancellation is raised once the lock is held again). A waiter
 * that was signalled but ends with an exception instead of returning normally (cancelled after the
 * signal, or while re-acquiring the lock) passes its signal on to the next waiter, so no signal is
 * lost. Unlike CPython, a waiter cancelled before it was signalled does not wake another one
 * spuriously.
 *
 * <p><b>Threads.</b> Loop-confined and unsynchronised, like every primitive of this package: see
 * {@link Lock}.
 */
public final class Condition {

    private final LoopBinding binding = new LoopBinding();
    private final WaitQueue waiters = new WaitQueue();
    private final Lock lock;
    private final Consumer<Object> passOn = signalled -> waiters.unparkOne(Boolean.FALSE);

    /** Creates a condition with a lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /**
     * Creates a condition over an existing lock (several conditions may share one).
     *
     * @param lock the underlying lock
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Acquires the underlying lock.
     *
     * @return closing it releases the lock (for try-with-resources)
     * @throws CancelledError if the task is cancelled while waiting for the lock
     */
    public Acquired acquire() {
        binding.check(this);
        return lock.acquire();
    }

    /** Releases the underlying lock. */
    public void release() {
        lock.release();
    }

    /** @return whether the underlying lock is held */
    public boolean locked() {
        return lock.locked();
    }

    /** @return the underlying lock */
    public Lock lock() {
        return lock;
    }

    /**
     * Releases the lock, suspends the current task until it is signalled, then re-acquires the
     * lock: Python's {@code await cond.wait()}. It may return spuriously (a passed-on signal), so
     * callers re-check their condition, or use {@link #waitFor(BooleanSupplier)}.
     *
     * @throws IllegalStateException if the lock is not held (Python's {@code RuntimeError})
     * @throws CancelledError if the task is cancelled while waiting; the lock is held again
     */
    public void await() {
        BaseEventLoop loop = binding.check(this);
        if (!lock.locked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
        lock.release();
        boolean signalled = false;
        Throwable failure = null;
        try {
            waiters.park(loop, "Condition.await()", passOn);
            signalled = true;
        } catch (Throwable e) {
            failure = e;
        }
        while (true) {
            try {
                lock.acquire();
                break;
            } catch (CancelledError e) {
                failure = e;
            }
        }
        if (failure != null) {
            if (signalled) {
                waiters.unparkOne(Boolean.FALSE);
            }
            throw Sneaky.<RuntimeException>rethrow(failure);
        }
    }

    /**
     * Waits until {@code predicate} is true: Python's {@code await cond.wait_for(predicate)}. The
     * predicate is evaluated with the lock held, first before waiting at all.
     *
     * @param predicate the condition to wait for
     * @throws IllegalStateException if the lock is not held when the task has to wait
     * @throws CancelledError if the task is cancelled while waiting; the lock is held again
     */
    public void waitFor(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        while (!predicate.getAsBoolean()) {
            await();
        }
    }

    /**
     * Wakes one waiting task (Python's {@code notify()}).
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting tasks, first come first woken (Python's {@code notify(n)}).
     * A woken task returns from {@link #await()} only once it has re-acquired the lock, which the
     * caller still holds.
     *
     * @param n the most to wake
     * @throws IllegalStateException if the lock is not held
     */
    public void signal(int n) {
        binding.check(this);
        if (!lock.locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        waiters.unparkUpTo(n, Boolean.FALSE);
    }

    /**
     * Wakes every waiting task (Python's {@code notify_all()}).
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /** @return the lock's state and the numbers of waiters */
    public Statistics statistics() {
        return new Statistics(lock.locked(), waiters.waiting(), lock.statistics().waiters());
    }

    @Override
    public String toString() {
        int n = waiters.waiting();
        return "<Condition [" + (lock.locked() ? "locked" : "unlocked") + (n > 0 ? ", waiters:" + n : "") + "]>";
    }

    /**
     * A snapshot of a condition's state.
     *
     * @param locked whether the underlying lock is held
     * @param waiters how many tasks wait to be signalled
     * @param lockWaiters how many tasks wait for the underlying lock
     */
    public record Statistics(boolean locked, int waiters, int lockWaiters) {
    }
}
