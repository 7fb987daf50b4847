package io.jasyncio.http.web;

/**
 * 505: the request's HTTP version is not supported. aiohttp's {@code web.HTTPVersionNotSupported}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPVersionNotSupported}
 */
public class HTTPVersionNotSupported extends HTTPServerError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPVersionNotSupported() {
        super(505, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPVersionNotSupported(String text) {
        super(505, text);
    }
}
