package io.jasyncio;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;

/**
 * How the cancellation scopes ({@link Timeout}, {@link TaskGroup}, {@code waitFor}) recognise a
 * cancellation ending their block.
 *
 * <p>A cancellation reaches the block as {@link CancelledError}, or, on the fast engine, as the
 * interruption of a blocking JDK call the task was parked in (the task was cancelled while not
 * suspended in jasyncio), which counts only while a cancellation request is pending. A
 * {@code CancelledError} that carries, as a suppressed exception, a group thrown by
 * {@link TaskGroup#close()} stands for that group (see {@link #resolve(Throwable)}).
 */
final class Cancellations {

    private Cancellations() {
    }

    /**
     * @param e what ended a block
     * @param task the task running the block
     * @return whether {@code e} is the delivery of a cancellation request
     */
    static boolean isCancellation(Throwable e, Task<?> task) {
        return e instanceof CancelledError || (task.cancelling() > 0 && isInterruption(e));
    }

    /**
     * @param e an exception
     * @return whether it is how a blocking JDK call reports an interrupt
     */
    static boolean isInterruption(Throwable e) {
        return e instanceof InterruptedException || e instanceof ClosedByInterruptException
                || e instanceof InterruptedIOException;
    }

    /**
     * Java's try-with-resources keeps the block's exception and attaches what {@code close()}
     * throws as suppressed, so a task group closed by try-with-resources cannot replace the
     * {@link CancelledError} it caused with its group, as Python's {@code __aexit__} does. The
     * group marks itself instead, and whoever next handles the exception calls this.
     *
     * @param e an exception leaving a block
     * @return the group that replaces {@code e}, or {@code e} itself
     */
    static Throwable resolve(Throwable e) {
        Throwable r = replacementFor(e);
        return r != null ? r : e;
    }

    /**
     * @param e an exception
     * @return the task group failure that replaces the cancellation {@code e}, or {@code null}
     */
    static ExceptionGroup replacementFor(Throwable e) {
        if (!(e instanceof CancelledError)) {
            return null;
        }
        Throwable[] suppressed = e.getSuppressed();
        for (int i = suppressed.length - 1; i >= 0; i--) {
            if (suppressed[i] instanceof ExceptionGroup g && g.replacesCancellation) {
                return g;
            }
        }
        return null;
    }
}
