package io.jasyncio.http.web;

/**
 * 429: the client sent too many requests; add a {@code Retry-After} header with {@link #withHeader}. aiohttp's {@code web.HTTPTooManyRequests}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPTooManyRequests}
 */
public class HTTPTooManyRequests extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPTooManyRequests() {
        super(429, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPTooManyRequests(String text) {
        super(429, text);
    }
}
