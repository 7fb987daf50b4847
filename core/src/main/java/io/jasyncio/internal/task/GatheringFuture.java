package io.jasyncio.internal.task;

import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The future behind {@code Asyncio.gather}: CPython's {@code _GatheringFuture}. It finishes with
 * the children's results in argument order once all are done, or with the first exception (or
 * cancellation) of a child as soon as one fails, unless exceptions are returned as results.
 * Cancelling it cancels every child that is not done; if any child took the cancellation, the
 * gathering future then ends with {@link CancelledError} once all children are done. A child given
 * twice is awaited once and its result appears twice.
 */
public final class GatheringFuture<T> extends Future<List<T>> {

    private final List<Future<? extends T>> children;
    private final boolean returnExceptions;
    private final int distinct;
    private int finished;
    private boolean cancelRequested;

    private GatheringFuture(EventLoop loop, List<Future<? extends T>> children, int distinct, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.distinct = distinct;
        this.returnExceptions = returnExceptions;
    }

    /**
     * @param loop the loop of the gathering future
     * @param futures the children, in argument order (duplicates allowed)
     * @param returnExceptions whether a failed child's exception is a result instead of the outcome
     * @param <T> the children's result type
     * @return the gathering future, wired to its children
     */
    public static <T> GatheringFuture<T> of(EventLoop loop, List<? extends Future<? extends T>> futures,
            boolean returnExceptions) {
        Map<Future<? extends T>, Boolean> seen = new IdentityHashMap<>();
        List<Future<? extends T>> children = new ArrayList<>(futures.size());
        for (Future<? extends T> f : futures) {
            children.add(f);
            seen.put(f, Boolean.TRUE);
        }
        GatheringFuture<T> outer = new GatheringFuture<>(loop, children, seen.size(), returnExceptions);
        List<Future<? extends T>> alreadyDone = new ArrayList<>();
        for (Future<? extends T> f : seen.keySet()) {
            if (f.done()) {
                alreadyDone.add(f);
            } else {
                f.addDoneCallback(outer.childDone());
            }
        }
        for (Future<? extends T> f : alreadyDone) {
            outer.onChildDone(f);
        }
        return outer;
    }

    private Consumer<Future<? extends T>> childDone() {
        return this::onChildDone;
    }

    private void onChildDone(Future<? extends T> child) {
        finished++;
        if (done()) {
            if (!child.cancelled()) {
                child.exception();
            }
            return;
        }
        if (!returnExceptions) {
            if (child.cancelled()) {
                setException(cancelledErrorOf(child));
                return;
            }
            Throwable e = child.exception();
            if (e != null) {
                setException(e);
                return;
            }
        }
        if (finished == distinct) {
            if (cancelRequested) {
                setException(new CancelledError("gather was cancelled"));
                return;
            }
            List<Object> results = new ArrayList<>(children.size());
            for (Future<? extends T> f : children) {
                if (f.cancelled()) {
                    results.add(cancelledErrorOf(f));
                } else {
                    Throwable e = f.exception();
                    results.add(e != null ? e : resultOf(f));
                }
            }
            @SuppressWarnings("unchecked")
            List<T> typed = (List<T>) (List<?>) results;
            setResult(typed);
        }
    }

    private static CancelledError cancelledErrorOf(Future<?> f) {
        try {
            f.result();
            return new CancelledError();
        } catch (CancelledError e) {
            return e;
        } catch (Exception e) {
            return new CancelledError(e.getMessage());
        }
    }

    private static Object resultOf(Future<?> f) {
        try {
            return f.result();
        } catch (Exception e) {
            throw new IllegalStateException("a finished child without exception failed: " + f, e);
        }
    }

    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        boolean any = false;
        for (Future<? extends T> child : children) {
            if (child.cancel(message)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }
}
