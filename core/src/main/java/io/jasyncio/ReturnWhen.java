package io.jasyncio;

/**
 * When {@code Asyncio.wait(...)} returns: Python's {@code asyncio.FIRST_COMPLETED} and friends.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=wait}
 */
public enum ReturnWhen {
    /** Return as soon as any awaitable finishes or is cancelled. */
    FIRST_COMPLETED,
    /** Return when any awaitable finishes by raising an exception, or when all finish. */
    FIRST_EXCEPTION,
    /** Return when all awaitables have finished or been cancelled. */
    ALL_COMPLETED
}
