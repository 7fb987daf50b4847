package io.jasyncio.http.web;

/**
 * 501: the server does not support the functionality required. aiohttp's {@code web.HTTPNotImplemented}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPNotImplemented}
 */
public class HTTPNotImplemented extends HTTPServerError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPNotImplemented() {
        super(501, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPNotImplemented(String text) {
        super(501, text);
    }
}
