package io.jasyncio;

import java.util.concurrent.TimeoutException;

/**
 * An operation did not finish within its deadline: raised by {@link Asyncio#waitFor},
 * {@link Asyncio#timeout} and {@link Asyncio#wait} callers, as Python's {@code TimeoutError}.
 *
 * <p>It extends {@link TimeoutException}, so code written against {@code java.util.concurrent}
 * catches it too. The message names the deadline that expired.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=timeoutError}
 */
public class TimeoutError extends TimeoutException {

    private static final long serialVersionUID = 1L;

    /** Creates a timeout with no message. */
    public TimeoutError() {
        super();
    }

    /**
     * @param message which deadline expired
     */
    public TimeoutError(String message) {
        super(message);
    }
}
