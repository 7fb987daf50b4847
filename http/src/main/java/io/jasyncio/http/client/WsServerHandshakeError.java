package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import java.util.List;

/**
 * The server did not accept a WebSocket upgrade ({@code wsConnect}), as aiohttp's
 * {@code WSServerHandshakeError}: it answered with a status other than 101 (the message says
 * {@code Invalid response status} and names the status and URL), or its 101 response broke the
 * handshake (a wrong {@code Sec-WebSocket-Accept}, a subprotocol or extension not offered, ...).
 *
 * <p>Immutable; safe to pass between threads.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=wsHandshakeError}
 */
public final class WsServerHandshakeError extends ClientResponseError {

    private static final long serialVersionUID = 1L;

    /**
     * @param requestInfo the upgrade request
     * @param history the redirects before the answer, oldest first
     * @param status the status the server answered with
     * @param reason what was wrong
     * @param headers the response's header fields
     * @param cause the underlying failure, or {@code null}
     */
    public WsServerHandshakeError(RequestInfo requestInfo, List<ClientResponse> history, int status, String reason,
            Headers headers, Throwable cause) {
        super(requestInfo, history, status, reason, headers, cause);
    }
}
