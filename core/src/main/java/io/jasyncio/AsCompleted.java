package io.jasyncio;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The iterator of {@link Asyncio#asCompleted(Collection)}: Python 3.13's {@code as_completed}
 * used with a plain {@code for}. Each {@link #next()} returns at once a future to await; the k-th
 * future returned completes like the k-th of the inputs to complete (with its result, its
 * exception, or its cancellation), or fails with {@link TimeoutError} if the timeout passes first.
 *
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=asCompleted}
 *
 * <p>Invariants: there are exactly as many elements as distinct inputs; an input's done callback
 * is removed when the timeout passes, and the timer is cancelled once every input is done; inputs
 * are never cancelled. Iteration is single-use (it is its own {@link Iterable}) and confined to
 * the loop; {@code next()} does not suspend.
 *
 * @param <T> the inputs' result type
 */
public final class AsCompleted<T> implements Iterator<Future<T>>, Iterable<Future<T>> {

    private static final Object TIMED_OUT = new Object();

    private final EventLoop loop;
    private final Set<Future<? extends T>> todo;
    private final ArrayDeque<Object> arrived = new ArrayDeque<>();
    private final ArrayDeque<Future<T>> handedOut = new ArrayDeque<>();
    private final Consumer<Future<? extends T>> onCompletion = this::handleCompletion;
    private final double timeout;
    private int left;
    private TimerHandle timeoutHandle;

    AsCompleted(EventLoop loop, Collection<? extends Future<? extends T>> futures, double timeout) {
        if (Double.isNaN(timeout)) {
            throw new IllegalArgumentException("asCompleted timeout is NaN");
        }
        this.loop = loop;
        this.timeout = timeout;
        this.todo = new LinkedHashSet<>(futures);
        for (Future<? extends T> f : todo) {
            if (f.getLoop() != loop) {
                throw new IllegalArgumentException("asCompleted: " + f + " belongs to another event loop");
            }
        }
        for (Future<? extends T> f : todo) {
            f.addDoneCallback(onCompletion);
        }
        this.left = todo.size();
        if (!todo.isEmpty() && timeout != Double.POSITIVE_INFINITY) {
            timeoutHandle = loop.callLater(Math.max(0, timeout), this::handleTimeout);
        }
    }

    @Override
    public boolean hasNext() {
        return left > 0;
    }

    /**
     * @return a future that completes like the next input to complete
     * @throws NoSuchElementException if every input has been handed out
     */
    @Override
    public Future<T> next() {
        if (left == 0) {
            throw new NoSuchElementException("asCompleted: every future has been handed out");
        }
        left--;
        Future<T> slot = new Future<>(loop);
        Object first = arrived.poll();
        if (first != null) {
            settle(slot, first);
        } else {
            handedOut.add(slot);
        }
        return slot;
    }

    /** @return this iterator (single use, like Python's) */
    @Override
    public Iterator<Future<T>> iterator() {
        return this;
    }

    private void handleCompletion(Future<? extends T> f) {
        if (!todo.remove(f)) {
            return;
        }
        deliver(f);
        if (todo.isEmpty() && timeoutHandle != null) {
            timeoutHandle.cancel();
        }
    }

    private void handleTimeout() {
        for (Future<? extends T> f : todo) {
            f.removeDoneCallback(onCompletion);
            deliver(TIMED_OUT);
        }
        todo.clear();
    }

    private void deliver(Object outcome) {
        Future<T> slot;
        while ((slot = handedOut.poll()) != null) {
            if (!slot.done()) {
                settle(slot, outcome);
                return;
            }
            // cancelled by its awaiting task: the outcome goes to the next one, as with Python's queue
        }
        arrived.add(outcome);
    }

    @SuppressWarnings("unchecked")
    private void settle(Future<T> slot, Object outcome) {
        if (outcome == TIMED_OUT) {
            slot.setException(new TimeoutError("asCompleted: the timeout (" + timeout + " s) passed first"));
            return;
        }
        Future<? extends T> f = (Future<? extends T>) outcome;
        if (f.cancelled()) {
            slot.cancel(f.cancelMessage());
            return;
        }
        Throwable e = f.exception();
        if (e != null) {
            slot.setException(e);
            return;
        }
        try {
            slot.setResult(f.result());
        } catch (Exception impossible) {
            slot.setException(impossible);
        }
    }
}
