package io.jasyncio.http.web;

/**
 * 416: no requested range overlaps the representation. aiohttp's {@code web.HTTPRequestRangeNotSatisfiable}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPRequestRangeNotSatisfiable}
 */
public class HTTPRequestRangeNotSatisfiable extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPRequestRangeNotSatisfiable() {
        super(416, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPRequestRangeNotSatisfiable(String text) {
        super(416, text);
    }
}
