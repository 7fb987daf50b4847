package io.jasyncio.http.client;

/**
 * A connection to the server could not be made or failed, as aiohttp's
 * {@code ClientConnectionError}. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errorTree}
 */
public class ClientConnectionError extends ClientError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the server or request
     */
    public ClientConnectionError(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the server or request
     * @param cause the underlying failure, or {@code null}
     */
    public ClientConnectionError(String message, Throwable cause) {
        super(message, cause);
    }
}
