package io.jasyncio.http.web;

/**
 * 409: the request conflicts with the resource's current state. aiohttp's {@code web.HTTPConflict}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPConflict}
 */
public class HTTPConflict extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPConflict() {
        super(409, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPConflict(String text) {
        super(409, text);
    }
}
