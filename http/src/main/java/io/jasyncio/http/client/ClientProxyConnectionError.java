package io.jasyncio.http.client;

/**
 * The proxy could not be reached (refused, unreachable, name not resolved), as aiohttp's
 * {@code ClientProxyConnectionError}. The message names the proxy and the target it was meant
 * to reach, never the proxy's credentials; {@link #key()} is the target's key (with its proxy),
 * and the cause is the original failure. Immutable.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=proxy}
 */
public class ClientProxyConnectionError extends ClientConnectorError {

    private static final long serialVersionUID = 1L;

    /**
     * @param key the target's key; its {@link ConnectionKey#proxy()} is the proxy that failed
     * @param cause the original failure
     */
    public ClientProxyConnectionError(ConnectionKey key, Throwable cause) {
        super("Cannot connect to proxy " + key.proxy() + " (for " + key.scheme() + "://" + key.authority() + ") ["
                + describe(cause) + "]", key, cause);
    }

    /** @return the proxy that could not be reached */
    public HttpProxy proxy() {
        return key().proxy();
    }
}
