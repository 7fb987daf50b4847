package io.jasyncio.http.web;

/**
 * 403: the server refuses to serve the request. aiohttp's {@code web.HTTPForbidden}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPForbidden}
 */
public class HTTPForbidden extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPForbidden() {
        super(403, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPForbidden(String text) {
        super(403, text);
    }
}
