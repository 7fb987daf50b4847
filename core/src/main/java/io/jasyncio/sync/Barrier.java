package io.jasyncio.sync;

import io.jasyncio.CancelledError;

/**
 * A barrier for a fixed number of tasks: Python's {@code asyncio.Barrier}. Each of
 * {@link #parties()} tasks calls {@link #await()}; all of them suspend until the last arrives,
 * then all are released together, and the barrier can be used again.
 *
 * <p><b>States</b> (as CPython 3.13): filling (tasks arrive), draining (the released tasks leave;
 * new arrivals wait until all have left), resetting ({@link #reset()} while tasks wait: they get
 * {@link BrokenBarrierError}) and broken ({@link #abort()}: every waiting and arriving task gets
 * {@link BrokenBarrierError} until {@link #reset()}). A task cancelled while it waits leaves the
 * barrier without breaking it: the others keep waiting for a full set.
 *
 * <p><b>Threads.</b> Loop-confined and unsynchronised, like every primitive of this package: see
 * {@link Lock}. Built on a {@link Condition}, as in CPython.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=barrier}
 */
public final class Barrier {

    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final Condition cond = new Condition();
    private final int parties;
    private State state = State.FILLING;
    private int count;

    /**
     * @param parties how many tasks must arrive to release the barrier
     * @throws IllegalArgumentException if fewer than one
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0, not " + parties);
        }
        this.parties = parties;
    }

    /**
     * Waits until {@link #parties()} tasks have arrived: Python's {@code await barrier.wait()}.
     *
     * @return the arrival index, from 0 to {@code parties() - 1}; the last to arrive gets
     *     {@code parties() - 1}
     * @throws BrokenBarrierError if the barrier is broken or reset while waiting
     * @throws CancelledError if the task is cancelled while waiting
     */
    public int await() {
        try (var _ = cond.acquire()) {
            block();
            try {
                int index = count;
                count++;
                if (index + 1 == parties) {
                    state = State.DRAINING;
                    cond.signalAll();
                } else {
                    waitForRelease();
                }
                return index;
            } finally {
                count--;
                exit();
            }
        }
    }

    /** Waits while the barrier drains or resets; fails if it is broken. */
    private void block() {
        cond.waitFor(() -> state != State.DRAINING && state != State.RESETTING);
        if (state == State.BROKEN) {
            throw new BrokenBarrierError("Barrier aborted");
        }
    }

    /** Waits in the barrier until it is released, reset or broken. */
    private void waitForRelease() {
        cond.waitFor(() -> state != State.FILLING);
        if (state == State.BROKEN || state == State.RESETTING) {
            throw new BrokenBarrierError("Abort or reset of barrier");
        }
    }

    /** The last task out of a drained or reset barrier makes it fill again. */
    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.signalAll();
        }
    }

    /**
     * Returns the barrier to its empty, filling state; tasks waiting in it get
     * {@link BrokenBarrierError}. Python's {@code await barrier.reset()}.
     */
    public void reset() {
        try (var _ = cond.acquire()) {
            if (count > 0) {
                state = State.RESETTING;
            } else {
                state = State.FILLING;
            }
            cond.signalAll();
        }
    }

    /**
     * Breaks the barrier: waiting and arriving tasks get {@link BrokenBarrierError} until
     * {@link #reset()}. Python's {@code await barrier.abort()}.
     */
    public void abort() {
        try (var _ = cond.acquire()) {
            state = State.BROKEN;
            cond.signalAll();
        }
    }

    /** @return how many tasks must arrive to release the barrier */
    public int parties() {
        return parties;
    }

    /** @return how many tasks wait in the barrier while it fills (Python's {@code n_waiting}) */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** @return whether the barrier is broken */
    public boolean broken() {
        return state == State.BROKEN;
    }

    /** @return the barrier's state */
    public Statistics statistics() {
        return new Statistics(parties, nWaiting(), broken());
    }

    @Override
    public String toString() {
        return "<Barrier [" + state.name().toLowerCase(java.util.Locale.ROOT) + ", waiters:" + nWaiting() + "/"
                + parties + "]>";
    }

    /**
     * A snapshot of a barrier's state.
     *
     * @param parties how many tasks release it
     * @param waiting how many wait in it while it fills
     * @param broken whether it is broken
     */
    public record Statistics(int parties, int waiting, boolean broken) {
    }
}
