package io.jasyncio.http.web;

/**
 * 411: the request needs a {@code Content-Length}. aiohttp's {@code web.HTTPLengthRequired}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPLengthRequired}
 */
public class HTTPLengthRequired extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPLengthRequired() {
        super(411, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPLengthRequired(String text) {
        super(411, text);
    }
}
