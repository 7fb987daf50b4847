package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import java.util.List;

/**
 * {@link ClientResponse#json(Class)} was called on a response whose {@code Content-Type} is not
 * JSON, as aiohttp's {@code ContentTypeError}. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errors}
 */
public class ContentTypeError extends ClientResponseError {

    private static final long serialVersionUID = 1L;

    /**
     * @param requestInfo the request
     * @param history the redirects before it
     * @param status the response's status
     * @param contentType the content type received
     * @param headers the response's header fields
     */
    public ContentTypeError(RequestInfo requestInfo, List<ClientResponse> history, int status, String contentType,
            Headers headers) {
        super(requestInfo, history, status, "Attempt to decode JSON with unexpected mimetype: " + contentType,
                headers, null);
    }
}
