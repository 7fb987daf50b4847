package io.jasyncio.http.client;

/**
 * Connecting to the server failed (refused, unreachable, name not resolved, handshake failed),
 * as aiohttp's {@code ClientConnectorError}; it names the host and port (and the proxy, for a
 * connection through one) and carries the original failure as its cause (for example a
 * {@link java.net.ConnectException}). Immutable.
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
        this("Cannot connect to host " + key.host() + ":" + key.port() + " ssl:" + key.isSecure()
                + (key.proxy() == null ? "" : " via proxy " + key.proxy()) + " [" + describe(cause) + "]", key, cause);
    }

    /**
     * For subclasses that word the message themselves.
     *
     * @param message what failed, naming the server
     * @param key the server that could not be reached
     * @param cause the original failure
     */
    protected ClientConnectorError(String message, ConnectionKey key, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** @return the cause's message, or its class when it has none */
    static String describe(Throwable cause) {
        return cause == null ? "unknown" : cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage();
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
