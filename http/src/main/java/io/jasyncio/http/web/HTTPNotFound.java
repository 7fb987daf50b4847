package io.jasyncio.http.web;

/**
 * 404: nothing matches the request target. aiohttp's {@code web.HTTPNotFound}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPNotFound}
 */
public class HTTPNotFound extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPNotFound() {
        super(404, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPNotFound(String text) {
        super(404, text);
    }
}
