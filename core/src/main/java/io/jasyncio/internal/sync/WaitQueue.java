package io.jasyncio.internal.sync;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.util.function.Consumer;

/**
 * The FIFO queue of suspended tasks that every synchronisation primitive and queue parks on, in
 * the style of Trio's {@code ParkingLot}: a task {@linkplain #park parks} until another wakes it
 * with {@link #unparkOne}, {@link #unparkUpTo} or {@link #unparkAll}, which pass it a value.
 *
 * <p>Each waiter is a future of the primitive's loop, linked into an intrusive list, so a waiter
 * leaves the queue in O(1). Suspension is an ordinary {@link Asyncio#await(Future)}, so a waiter
 * is cancelled exactly like any awaiting task.
 *
 * <p><b>Cancellation invariant.</b> Waking a waiter removes it from the queue and completes its
 * future; a waiter whose future was cancelled is skipped (and dropped) by the wake-up calls. A
 * waiter can still be cancelled <em>after</em> it was woken but before it resumed (CPython's
 * {@code _wake_up_first} case): then {@link #park} runs the {@code onAbandon} action given by the
 * primitive with the value it was woken with, before the {@link CancelledError} propagates, so
 * whatever the wake-up handed over (the lock, a permit, a notification, a queue slot) is passed on
 * and no wake-up is lost.
 *
 * <p>Thread rules: loop-confined, like the primitives that own it; no locking.
 */
public final class WaitQueue {

    private Waiter head;
    private Waiter tail;
    private int linked;

    /** A parked task: its future, and its place in the queue. */
    private static final class Waiter extends Future<Object> {

        Waiter prev;
        Waiter next;
        boolean linked;

        Waiter(EventLoop loop) {
            super(loop);
        }
    }

    /**
     * Suspends the current task at the tail of the queue until it is woken.
     *
     * @param loop the loop the primitive is bound to
     * @param what the operation, for the message if the caller is not a task
     * @param onAbandon run with the wake-up value if the waiter is cancelled after being woken
     *     but before resuming; {@code null} if nothing was handed over
     * @return the value given by the waker
     * @throws CancelledError if the task was cancelled while parked
     * @throws IllegalStateException if the caller is not a task
     */
    public Object park(EventLoop loop, String what, Consumer<Object> onAbandon) {
        if (Asyncio.currentTask() == null || loop == null) {
            throw new IllegalStateException(what + " has to wait, which must happen inside a task: wrap the code "
                    + "in Asyncio.run(() -> { ... }) or create a task with Asyncio.createTask(...)");
        }
        Waiter w = new Waiter(loop);
        link(w);
        boolean resumed = false;
        try {
            Object value = Asyncio.await(w);
            resumed = true;
            return value;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a wait queue's future failed", e);
        } finally {
            if (!resumed) {
                abandon(w, onAbandon);
            }
        }
    }

    private void abandon(Waiter w, Consumer<Object> onAbandon) {
        if (w.linked) {
            unlink(w);
            w.cancel();
        } else if (w.done() && !w.cancelled() && onAbandon != null) {
            Object value;
            try {
                value = w.result();
            } catch (Exception e) {
                return;
            }
            onAbandon.accept(value);
        }
    }

    /**
     * Wakes the first waiter that is not cancelled.
     *
     * @param value what its {@link #park} returns
     * @return whether a waiter was woken
     */
    public boolean unparkOne(Object value) {
        Waiter w;
        while ((w = head) != null) {
            unlink(w);
            if (!w.done()) {
                w.setResult(value);
                return true;
            }
        }
        return false;
    }

    /**
     * Wakes up to {@code n} waiters, first come first woken.
     *
     * @param n the most to wake
     * @param value what their {@link #park} returns
     * @return how many were woken
     */
    public int unparkUpTo(int n, Object value) {
        int woken = 0;
        while (woken < n && unparkOne(value)) {
            woken++;
        }
        return woken;
    }

    /**
     * Wakes every waiter.
     *
     * @param value what their {@link #park} returns
     * @return how many were woken
     */
    public int unparkAll(Object value) {
        return unparkUpTo(Integer.MAX_VALUE, value);
    }

    /** @return how many tasks are parked and not cancelled */
    public int waiting() {
        int n = 0;
        for (Waiter w = head; w != null; w = w.next) {
            if (!w.done()) {
                n++;
            }
        }
        return n;
    }

    /** @return whether no task is parked (or every parked one is cancelled) */
    public boolean isEmpty() {
        for (Waiter w = head; w != null; w = w.next) {
            if (!w.done()) {
                return false;
            }
        }
        return true;
    }

    private void link(Waiter w) {
        w.linked = true;
        w.prev = tail;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        linked++;
    }

    private void unlink(Waiter w) {
        Waiter p = w.prev;
        Waiter n = w.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        w.prev = null;
        w.next = null;
        w.linked = false;
        linked--;
    }
}
