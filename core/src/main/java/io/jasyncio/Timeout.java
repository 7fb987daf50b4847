package io.jasyncio;

import java.util.Objects;

/**
 * A deadline on a block of code run inline in the current task: Python's {@code asyncio.Timeout}
 * ({@code async with asyncio.timeout(delay) as t:}). Made by {@link Asyncio#timeout(double)} or
 * {@link Asyncio#timeoutAt(double)}; the block runs with {@link #run(Coroutine)}:
 *
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=timeout}
 *
 * <p>The short form {@code Asyncio.timeout(10, () -> ...)} is the same thing without the handle.
 *
 * <p><b>Semantics</b> (CPython 3.13). When the deadline passes while the block runs, the task is
 * cancelled ({@link Task#cancel()}): the block sees {@link CancelledError} at its suspension point
 * and can clean up. When the block then ends, the timeout withdraws its request
 * ({@link Task#uncancel()}); if the block ended by a cancellation and no other request is pending
 * (the count is back where it was when the block began), the cancellation becomes
 * {@link TimeoutError}, with the {@code CancelledError} as its cause. Any other outcome passes
 * through unchanged: a result (even after the deadline, if the block caught the cancellation), a
 * foreign exception, or a cancellation that someone else also asked for. Nested timeouts
 * therefore convert only their own expiry; when both expire, the outermost one raises.
 *
 * <p>States: created → active ({@code run}) → expiring (deadline passed) → expired (block ended),
 * or active → finished. {@link #reschedule(double)} works only while active: it replaces the
 * deadline, and a deadline already in the past fires on the next loop iteration.
 *
 * <p><b>Why it is not {@link AutoCloseable}.</b> Python converts the cancellation in
 * {@code __aexit__}, which receives the block's exception and may replace it. Java's
 * try-with-resources calls {@code close()} without the block's exception and, if {@code close()}
 * throws, keeps the block's exception and adds the new one as suppressed. A
 * {@code try (Timeout t = ...)} could therefore never turn its {@code CancelledError} into
 * {@code TimeoutError}: the cancellation would escape the block after it had been withdrawn. The
 * block is a lambda instead, so that the timeout sees how it ended.
 *
 * <p>Instances are confined to their loop and used by one task; they cannot be reused.
 */
public final class Timeout {

    private enum State {
        CREATED("created"), ENTERED("active"), EXPIRING("expiring"), EXPIRED("expired"), EXITED("finished");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    private final EventLoop loop;
    private State state = State.CREATED;
    private double when;
    private Handle handle;
    private Task<?> task;
    private int cancellingAtEntry;

    /**
     * @param loop the loop whose clock {@code when} is on
     * @param when the deadline in seconds on the loop's clock, or {@link Double#POSITIVE_INFINITY}
     *     for none
     */
    Timeout(EventLoop loop, double when) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.when = checkWhen(when);
    }

    private static double checkWhen(double when) {
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("a timeout's deadline is NaN");
        }
        return when;
    }

    /**
     * @return the deadline in seconds on the loop's clock ({@link EventLoop#time()}), or
     *     {@link Double#POSITIVE_INFINITY} when there is none (Python's {@code None})
     */
    public double when() {
        return when;
    }

    /** @return whether the deadline passed while the block ran (whatever the block did then) */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /**
     * Replaces the deadline of an active timeout.
     *
     * @param when the new deadline in seconds on the loop's clock; {@link Double#POSITIVE_INFINITY}
     *     removes it; a time already past expires the timeout on the next loop iteration
     * @throws IllegalStateException if the block has not started, or has expired or finished
     */
    public void reschedule(double when) {
        checkWhen(when);
        if (state != State.ENTERED) {
            if (state == State.CREATED) {
                throw new IllegalStateException("Timeout has not been entered: call reschedule inside its run(...) block");
            }
            throw new IllegalStateException("Cannot change state of " + state.label + " Timeout");
        }
        this.when = when;
        if (handle != null) {
            handle.cancel();
        }
        if (when == Double.POSITIVE_INFINITY) {
            handle = null;
        } else if (when <= loop.time()) {
            handle = loop.callSoon(this::onTimeout);
        } else {
            handle = loop.callAt(when, this::onTimeout);
        }
    }

    /**
     * Runs the block inline in the current task under this deadline.
     *
     * @param body the block
     * @param <T> its result type
     * @return its result, even if the deadline passed and the block caught the cancellation
     * @throws TimeoutError if the block ended by this timeout's cancellation
     * @throws Exception whatever else the block threw, unchanged
     * @throws IllegalStateException if this timeout was already used, or outside a task
     */
    public <T> T run(Coroutine<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        enter();
        T result;
        try {
            result = body.call();
        } catch (Throwable e) {
            throw Asyncio.rethrow(exit(e));
        }
        exit(null);
        return result;
    }

    /**
     * Runs a value-less block inline in the current task under this deadline.
     *
     * @param body the block
     * @throws TimeoutError if the block ended by this timeout's cancellation
     * @throws Exception whatever else the block threw, unchanged
     */
    public void run(VoidCoroutine body) throws Exception {
        Objects.requireNonNull(body, "body");
        run(Coroutine.of(body));
    }

    private void enter() {
        if (state != State.CREATED) {
            throw new IllegalStateException("Timeout has already been entered: make a new one for each block");
        }
        Task<?> current = Asyncio.requireTask("Timeout.run()");
        if (current.getLoop() != loop) {
            throw new IllegalStateException("Timeout belongs to another event loop than the current task's");
        }
        task = current;
        state = State.ENTERED;
        cancellingAtEntry = current.cancelling();
        reschedule(when);
    }

    /**
     * Leaves the block: Python's {@code __aexit__}.
     *
     * @param error how the block ended, or {@code null} if it returned
     * @return the exception to throw instead of {@code error} ({@code null} when it returned)
     */
    private Throwable exit(Throwable error) {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancellingAtEntry && error != null) {
                Throwable ended = Cancellations.resolve(error);
                if (ended instanceof CancelledError || Cancellations.isInterruption(ended)) {
                    TimeoutError timeout = new TimeoutError("the deadline " + when
                            + " (on the loop's clock) passed before the block finished");
                    timeout.initCause(ended);
                    return timeout;
                }
                return ended;
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return error == null ? null : Cancellations.resolve(error);
    }

    private void onTimeout() {
        if (state != State.ENTERED) {
            return;
        }
        task.cancel();
        state = State.EXPIRING;
        handle = null;
    }

    @Override
    public String toString() {
        if (state == State.ENTERED) {
            return "<Timeout [active] when=" + (when == Double.POSITIVE_INFINITY ? "None" : when) + ">";
        }
        return "<Timeout [" + state.label + "]>";
    }
}
