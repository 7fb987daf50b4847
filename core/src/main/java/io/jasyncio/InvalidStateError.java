package io.jasyncio;

/**
 * An operation is not allowed in the future's current state: setting the result of a future that
 * is already done, or asking for the result of one that is not. Python's
 * {@code asyncio.InvalidStateError}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=invalidState}
 */
public class InvalidStateError extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was attempted and in which state
     */
    public InvalidStateError(String message) {
        super(message);
    }
}
