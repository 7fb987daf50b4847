package io.jasyncio.http.web;

/**
 * 400: the request is malformed or invalid. aiohttp's {@code web.HTTPBadRequest}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPBadRequest}
 */
public class HTTPBadRequest extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPBadRequest() {
        super(400, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPBadRequest(String text) {
        super(400, text);
    }
}
