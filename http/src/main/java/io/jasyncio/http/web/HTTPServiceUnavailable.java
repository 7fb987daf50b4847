package io.jasyncio.http.web;

/**
 * 503: the server cannot handle the request now; add a {@code Retry-After} header with {@link #withHeader}. aiohttp's {@code web.HTTPServiceUnavailable}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPServiceUnavailable}
 */
public class HTTPServiceUnavailable extends HTTPServerError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPServiceUnavailable() {
        super(503, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPServiceUnavailable(String text) {
        super(503, text);
    }
}
