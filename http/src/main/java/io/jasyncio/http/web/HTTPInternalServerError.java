package io.jasyncio.http.web;

/**
 * 500: the server failed (the server sends it for a handler that throws anything else). aiohttp's {@code web.HTTPInternalServerError}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPInternalServerError}
 */
public class HTTPInternalServerError extends HTTPServerError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPInternalServerError() {
        super(500, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPInternalServerError(String text) {
        super(500, text);
    }
}
