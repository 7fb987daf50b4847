package io.jasyncio.sync;

/**
 * Raised by {@link Barrier#await()} when the barrier is broken (aborted) or reset while a task
 * waits in it: Python's {@code asyncio.BrokenBarrierError}, a {@code RuntimeError}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=brokenBarrier}
 */
public class BrokenBarrierError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public BrokenBarrierError(String message) {
        super(message);
    }
}
