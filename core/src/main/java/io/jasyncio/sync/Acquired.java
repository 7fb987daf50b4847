package io.jasyncio.sync;

/**
 * What {@code acquire()} returns: closing it releases what was acquired, so that
 * try-with-resources plays the part of Python's {@code async with}.
 *
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=acquired}
 *
 * <p>Close it exactly once, from the loop's context: each {@link #close()} is one
 * {@code release()}.
 */
@FunctionalInterface
public interface Acquired extends AutoCloseable {

    /** Releases what {@code acquire()} acquired. */
    @Override
    void close();
}
