package io.jasyncio.http.client;

import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.TimerHandle;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Bounds one suspending step in time, the way {@code asyncio.timeout} does: a loop timer cancels
 * the calling task when the deadline passes, and the resulting {@link CancelledError} is turned
 * into the caller's timeout exception. A cancellation that did not come from this timer (the
 * caller's own, or an outer deadline's) passes through unchanged.
 *
 * <p>Cancellation requests are counted as CPython does: the timer's own request is withdrawn
 * with {@link Task#uncancel()} on every way out, and the timeout is raised only if no other
 * request is pending, so an outer cancel is never swallowed.
 *
 * <p>Loop-confined: call from a task; the step runs in that task.
 */
final class Deadline {

    private static final String MESSAGE = "jasyncio http client deadline";

    private Deadline() {
    }

    /**
     * Runs {@code step}, cancelling it after {@code seconds}.
     *
     * @param seconds the longest the step may take; infinite for no limit; 0 or less fails at once
     * @param expired makes the exception to throw on expiry
     * @param step the step
     * @param <T> its result type
     * @return its result
     * @throws IOException the step's failure, or {@code expired}'s exception
     */
    static <T> T run(double seconds, Supplier<? extends IOException> expired, IoCall<T> step) throws IOException {
        if (Double.isInfinite(seconds)) {
            return step.call();
        }
        if (seconds <= 0) {
            throw expired.get();
        }
        Task<?> task = Task.currentOrNull();
        if (task == null) {
            throw new IllegalStateException("the HTTP client must be used from inside a task: wrap the code in "
                    + "Asyncio.run(() -> { ... })");
        }
        EventLoop loop = task.getLoop();
        int before = task.cancelling();
        boolean[] fired = {false};
        TimerHandle timer = loop.callLater(seconds, () -> {
            if (!task.done()) {
                fired[0] = true;
                task.cancel(MESSAGE);
            }
        });
        boolean withdrawn = false;
        try {
            return step.call();
        } catch (CancelledError e) {
            if (fired[0]) {
                withdrawn = true;
                if (task.uncancel() <= before) {
                    throw expired.get();
                }
            }
            throw e;
        } finally {
            timer.cancel();
            if (fired[0] && !withdrawn) {
                task.uncancel();
            }
        }
    }
}
