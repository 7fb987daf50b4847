package io.jasyncio.http.web;

/**
 * 412: a precondition header ({@code If-Match}, ...) did not hold. aiohttp's {@code web.HTTPPreconditionFailed}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPPreconditionFailed}
 */
public class HTTPPreconditionFailed extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPPreconditionFailed() {
        super(412, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPPreconditionFailed(String text) {
        super(412, text);
    }
}
