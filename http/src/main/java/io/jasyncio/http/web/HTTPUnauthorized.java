package io.jasyncio.http.web;

/**
 * 401: authentication is required; add a {@code WWW-Authenticate} header with {@link #withHeader}. aiohttp's {@code web.HTTPUnauthorized}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPUnauthorized}
 */
public class HTTPUnauthorized extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPUnauthorized() {
        super(401, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPUnauthorized(String text) {
        super(401, text);
    }
}
