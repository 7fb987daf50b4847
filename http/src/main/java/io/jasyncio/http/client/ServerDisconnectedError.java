package io.jasyncio.http.client;

/**
 * The server closed the connection before sending a complete response head, as aiohttp's
 * {@code ServerDisconnectedError}. A request on a reused keep-alive connection that meets this
 * before any response byte is retried once on a new connection when its method is idempotent,
 * so callers see it only when that retry did not apply or failed too. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errorTree}
 */
public class ServerDisconnectedError extends ServerConnectionError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, naming the request
     */
    public ServerDisconnectedError(String message) {
        super(message, null);
    }

    /**
     * @param message what happened, naming the request
     * @param cause the underlying failure, or {@code null}
     */
    public ServerDisconnectedError(String message, Throwable cause) {
        super(message, cause);
    }
}
