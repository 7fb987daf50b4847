package io.jasyncio;

/**
 * The time source an event loop schedules by. The loop never reads the system clock itself: it
 * asks its clock, so that a test can run a loop on virtual time (see the testing module).
 *
 * <p>Implementations are called only from the loop's thread, except {@link #nanoTime()}, which
 * must be safe to call from any thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=clock}
 */
public interface Clock {

    /**
     * Monotonic time in nanoseconds from an arbitrary origin.
     *
     * @return the current time
     */
    long nanoTime();

    /**
     * Called by the loop just before it waits for I/O. A real clock returns its argument; a
     * virtual clock that auto-jumps can advance itself to the next timer and return 0, so that
     * the loop only polls.
     *
     * @param timeoutNanos how long the loop means to wait: 0 to poll, -1 for no limit
     * @return how long the loop may really wait, with the same encoding
     */
    default long beforeWait(long timeoutNanos) {
        return timeoutNanos;
    }

    /** The system's monotonic clock ({@link System#nanoTime()}). */
    Clock SYSTEM = System::nanoTime;
}
