package io.jasyncio.http.client;

/**
 * Getting a connection ({@link TimeoutPhase#CONNECT}) or connecting a socket
 * ({@link TimeoutPhase#SOCK_CONNECT}) took too long, as aiohttp's {@code ConnectionTimeoutError}.
 * Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errorTree}
 */
public class ConnectionTimeoutError extends ServerTimeoutError {

    private static final long serialVersionUID = 1L;

    /**
     * @param phase {@link TimeoutPhase#CONNECT} or {@link TimeoutPhase#SOCK_CONNECT}
     * @param seconds the deadline's length
     * @param what the request
     */
    public ConnectionTimeoutError(TimeoutPhase phase, double seconds, String what) {
        super(phase, seconds, what);
    }
}
