package io.jasyncio.http.web;

/**
 * 431: the request's header fields are too large. aiohttp's {@code web.HTTPRequestHeaderFieldsTooLarge}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPRequestHeaderFieldsTooLarge}
 */
public class HTTPRequestHeaderFieldsTooLarge extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPRequestHeaderFieldsTooLarge() {
        super(431, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPRequestHeaderFieldsTooLarge(String text) {
        super(431, text);
    }
}
