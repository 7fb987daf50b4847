package io.jasyncio.http.web;

/**
 * 406: no representation matches the request's {@code Accept} headers. aiohttp's {@code web.HTTPNotAcceptable}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPNotAcceptable}
 */
public class HTTPNotAcceptable extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPNotAcceptable() {
        super(406, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPNotAcceptable(String text) {
        super(406, text);
    }
}
