package io.jasyncio.http.client;

/**
 * The server side of an established connection failed: it disconnected or did not answer in
 * time, as aiohttp's {@code ServerConnectionError}. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errorTree}
 */
public class ServerConnectionError extends ClientConnectionError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the request
     * @param cause the underlying failure, or {@code null}
     */
    public ServerConnectionError(String message, Throwable cause) {
        super(message, cause);
    }
}
