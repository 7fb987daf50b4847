package io.jasyncio.http.web;

/**
 * 414: the request target is too long. aiohttp's {@code web.HTTPRequestURITooLong}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPRequestURITooLong}
 */
public class HTTPRequestURITooLong extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPRequestURITooLong() {
        super(414, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPRequestURITooLong(String text) {
        super(414, text);
    }
}
