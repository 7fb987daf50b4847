package io.jasyncio.http.client;

/**
 * Connecting to the server failed (refused, unreachable, name not resolved, handshake failed),
 * as aiohttp's {@code ClientConnectorError}; it names the host and port and carries the original
 * failure as its cause (for example a {@link java.net.ConnectException}). Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errors}
 */
public class ClientConnectorError extends ClientOSError {

    private static final long serialVersionUID = 1L;

    private final transient ConnectionKey key;

    /**
     * @param key the server that could not be reached
     * @param cause the original failure
     */
    public ClientConnectorError(ConnectionKey key, Throwable cause) {
        super("Cannot connect to host " + key.host() + ":" + key.port() + " ssl:" + key.isSecure() + " ["
                + (cause == null ? "unknown" : cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getMessage()) + "]", cause);
        this.key = key;
    }

    /** @return the server that could not be reached */
    public ConnectionKey key() {
        return key;
    }

    /** @return its host */
    public String host() {
        return key.host();
    }

    /** @return its port */
    public int port() {
        return key.port();
    }
}
