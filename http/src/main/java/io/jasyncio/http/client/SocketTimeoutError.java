package io.jasyncio.http.client;

/**
 * The server sent nothing for longer than {@link ClientTimeout#sockRead()}, as aiohttp's
 * {@code SocketTimeoutError}. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errors}
 */
public class SocketTimeoutError extends ServerTimeoutError {

    private static final long serialVersionUID = 1L;

    /**
     * @param seconds the deadline's length
     * @param what the request
     */
    public SocketTimeoutError(double seconds, String what) {
        super(TimeoutPhase.SOCK_READ, seconds, what);
    }
}
