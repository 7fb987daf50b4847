package io.jasyncio.internal.task;

import io.jasyncio.Future;
import java.util.function.Consumer;

/**
 * {@code Asyncio.shield}: CPython's {@code shield}. The returned outer future mirrors the inner
 * one (result, exception or cancellation), but cancelling the outer one leaves the inner one
 * running. Once the outer future is cancelled it stops listening, so an inner failure after that
 * is reported as never retrieved unless someone awaits the inner future (as in CPython 3.12+).
 * A done inner future is returned as it is.
 */
public final class Shield {

    private Shield() {
    }

    /**
     * @param inner the future or task to protect
     * @param <T> its result type
     * @return a future that completes like {@code inner} and whose cancellation spares it
     */
    public static <T> Future<T> of(Future<T> inner) {
        if (inner.done()) {
            return inner;
        }
        Future<T> outer = new Future<>(inner.getLoop()) {
            @Override
            public String toString() {
                return "<Future " + describe() + " shielding " + inner + ">";
            }
        };
        Consumer<Future<T>> innerDone = in -> {
            if (outer.cancelled()) {
                if (!in.cancelled()) {
                    in.exception();
                }
                return;
            }
            if (in.cancelled()) {
                outer.cancel();
                return;
            }
            Throwable e = in.exception();
            if (e != null) {
                outer.setException(e);
            } else {
                outer.setResult(resultOf(in));
            }
        };
        inner.addDoneCallback(innerDone);
        outer.addDoneCallback(o -> {
            if (!inner.done()) {
                inner.removeDoneCallback(innerDone);
            }
        });
        return outer;
    }

    private static <T> T resultOf(Future<T> f) {
        try {
            return f.result();
        } catch (Exception e) {
            throw new IllegalStateException("a finished future without exception failed: " + f, e);
        }
    }
}
