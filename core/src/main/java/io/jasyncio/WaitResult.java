package io.jasyncio;

import java.util.Set;

/**
 * What {@code Asyncio.wait(...)} returns: Python's {@code (done, pending)} pair. Both sets keep the
 * order in which the futures were given.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=wait}
 *
 * @param done the futures that are done
 * @param pending the futures that are not
 * @param <T> the futures' result type
 */
public record WaitResult<T>(Set<Future<T>> done, Set<Future<T>> pending) {
}
