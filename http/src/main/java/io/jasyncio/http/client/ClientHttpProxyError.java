package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import java.util.List;

/**
 * The proxy refused to open a tunnel: it answered {@code CONNECT host:port} with a status other
 * than 2xx (407 when it wants credentials), as aiohttp's {@code ClientHttpProxyError}. It is a
 * {@link ClientResponseError} whose {@link #status()} is the proxy's answer and whose
 * {@link #requestInfo()} is the {@code CONNECT} request, with the proxy's URL; the message names
 * the proxy, the target and the status. Immutable.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=proxy}
 */
public class ClientHttpProxyError extends ClientResponseError {

    private static final long serialVersionUID = 1L;

    private final transient HttpProxy proxy;

    /**
     * @param proxy the proxy that answered
     * @param requestInfo the {@code CONNECT} request sent to it
     * @param target the {@code host:port} the tunnel was for
     * @param status the proxy's status code
     * @param reason its reason phrase
     * @param headers its header fields
     */
    public ClientHttpProxyError(HttpProxy proxy, RequestInfo requestInfo, String target, int status, String reason,
            Headers headers) {
        super("Proxy " + proxy + " refused CONNECT " + target + ": " + status + " " + reason, requestInfo, List.of(),
                status, reason, headers, null);
        this.proxy = proxy;
    }

    /** @return the proxy that refused */
    public HttpProxy proxy() {
        return proxy;
    }
}
