package io.jasyncio.http.ws;

import java.net.ProtocolException;
import java.util.Map;

/**
 * A WebSocket opening handshake (RFC 6455 §4) failed; the message names the header or value that
 * was wrong.
 *
 * <p>{@link #status()}: on the server side, the HTTP status to answer with (400 Bad Request,
 * 405 Method Not Allowed, or 426 Upgrade Required with the headers of {@link #responseHeaders()});
 * on the client side, the status the server answered with.
 *
 * <p>Thread rules: immutable once thrown.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=handshakeError}
 */
public final class WsHandshakeException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> responseHeaders;

    /**
     * @param status see {@link #status()}
     * @param message what was wrong
     */
    public WsHandshakeException(int status, String message) {
        this(status, message, Map.of());
    }

    /**
     * @param status see {@link #status()}
     * @param message what was wrong
     * @param responseHeaders headers a server should add to its error response
     */
    public WsHandshakeException(int status, String message, Map<String, String> responseHeaders) {
        super(message);
        this.status = status;
        this.responseHeaders = Map.copyOf(responseHeaders);
    }

    /** See the class comment. */
    public int status() {
        return status;
    }

    /** Headers a server should add to its error response (for 426, {@code Sec-WebSocket-Version: 13}). */
    public Map<String, String> responseHeaders() {
        return responseHeaders == null ? Map.of() : responseHeaders;
    }
}
