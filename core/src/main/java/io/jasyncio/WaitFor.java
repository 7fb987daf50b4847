package io.jasyncio;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@link Asyncio#waitFor}: CPython 3.12+'s {@code wait_for}, built on {@link Timeout}.
 *
 * <p>A coroutine runs inline in the caller's task under a {@link Timeout}; a future is awaited
 * under one, so expiry cancels the future (a task: requests its cancellation) and the caller waits
 * until it is done before {@link TimeoutError} is raised. If the future ignores the cancellation
 * and finishes, its outcome is returned. Unlike CPython, a future whose result arrived in the same
 * loop iteration as the expiry (done, not cancelled, when the timeout converts) gives that result
 * instead of {@code TimeoutError}: the result is never lost. A timeout of zero or less does not run
 * a coroutine at all, and cancels a pending future and waits for it; infinity means no timeout.
 */
final class WaitFor {

    private WaitFor() {
    }

    static double seconds(Duration d) {
        if (d == null) {
            throw new NullPointerException("timeout");
        }
        try {
            return d.toNanos() / 1e9;
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
    }

    static <T> T future(Future<T> future, double timeout) throws Exception {
        if (future == null) {
            throw new NullPointerException("future");
        }
        Task<?> task = Asyncio.requireTask("Asyncio.waitFor()");
        checkTimeout(timeout);
        if (future.done()) {
            return future.result();
        }
        if (timeout == Double.POSITIVE_INFINITY) {
            return Asyncio.await(future);
        }
        if (timeout <= 0) {
            cancelAndWait(task, future);
            try {
                return future.result();
            } catch (CancelledError e) {
                throw timeoutError(timeout, e);
            }
        }
        EventLoop loop = task.getLoop();
        Timeout t = new Timeout(loop, loop.time() + timeout);
        try {
            return t.run(() -> Asyncio.await(future));
        } catch (TimeoutError e) {
            if (t.expired() && future.done() && !future.cancelled()) {
                return future.result();
            }
            throw e;
        }
    }

    static <T> T coroutine(Coroutine<T> coroutine, double timeout) throws Exception {
        if (coroutine == null) {
            throw new NullPointerException("coroutine");
        }
        Task<?> task = Asyncio.requireTask("Asyncio.waitFor()");
        checkTimeout(timeout);
        if (timeout == Double.POSITIVE_INFINITY) {
            return coroutine.call();
        }
        if (timeout <= 0) {
            throw timeoutError(timeout, new CancelledError());
        }
        EventLoop loop = task.getLoop();
        return new Timeout(loop, loop.time() + timeout).run(coroutine);
    }

    private static void checkTimeout(double timeout) {
        if (Double.isNaN(timeout)) {
            throw new IllegalArgumentException("waitFor timeout is NaN");
        }
    }

    private static TimeoutError timeoutError(double timeout, Throwable cause) {
        TimeoutError e = new TimeoutError("waitFor timed out (timeout " + timeout + " s)");
        e.initCause(cause);
        return e;
    }

    /** Cancels {@code f} and waits until it is done, staying cancellable itself (CPython's _cancel_and_wait). */
    private static <T> void cancelAndWait(Task<?> task, Future<T> f) throws Exception {
        Future<Void> waiter = new Future<>(task.getLoop());
        Consumer<Future<T>> release = x -> {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        };
        f.addDoneCallback(release);
        try {
            f.cancel();
            task.awaitPending(waiter);
        } finally {
            f.removeDoneCallback(release);
        }
    }
}
