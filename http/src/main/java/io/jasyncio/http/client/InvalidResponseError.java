package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import io.jasyncio.http.codec.HttpParseException;
import java.util.List;

/**
 * The server's response head could not be used: a malformed status line, an invalid header
 * field, an oversized header block, or contradictory framing. The status is 502 (the codec's
 * status for a bad upstream response) and the message is the parser's, naming the request.
 * The connection is closed, never reused. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errorTree}
 */
public class InvalidResponseError extends ClientResponseError {

    private static final long serialVersionUID = 1L;

    /**
     * @param requestInfo the request
     * @param history the redirects before it
     * @param cause the parser's description of the problem
     */
    public InvalidResponseError(RequestInfo requestInfo, List<ClientResponse> history, HttpParseException cause) {
        super(requestInfo, history, cause.status(), "Invalid response: " + cause.getMessage(), Headers.EMPTY, cause);
    }
}
