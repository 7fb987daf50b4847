package io.jasyncio.http.web;

/**
 * 410: the resource is gone for good. aiohttp's {@code web.HTTPGone}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPGone}
 */
public class HTTPGone extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPGone() {
        super(410, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPGone(String text) {
        super(410, text);
    }
}
