package io.jasyncio.internal.engine;

/**
 * The thread of control behind one task, as an engine provides it.
 *
 * <p>Invariants: at most one fiber of a loop runs at a time, always while the loop's thread is
 * lent to it; a fiber's body runs from its first step to its end on its own
 * {@linkplain #thread() thread}. {@link #park()}, {@link #yieldNow()} are called only by the
 * fiber itself; {@link #unpark()} only from the loop's context (the loop thread or the running
 * task).
 */
public interface Fiber {

    /** @return the thread the body runs on: its name, stack and ThreadLocals are the task's */
    Thread thread();

    /** Schedules the fiber's first step on its loop. Called once. */
    void start();

    /**
     * Suspends the calling fiber until {@link #unpark()}; may return spuriously, so callers wait
     * in a loop on their condition.
     */
    void park();

    /** Makes a parked fiber runnable again: its next step goes to the end of the loop's ready queue. */
    void unpark();

    /** Puts the calling fiber at the end of the loop's ready queue and lets the others run once. */
    void yieldNow();

    /**
     * Interrupts the fiber's thread so that a blocking JDK call it is parked in ends with an
     * {@link InterruptedException}; engines that cannot park a task inside a JDK call do nothing.
     */
    void interrupt();

    /**
     * @return a callback that {@linkplain #unpark() unparks} this fiber when run (for a timer that
     *     wakes a sleeping task); the same object every time, allocated at most once
     */
    Runnable unparker();
}
