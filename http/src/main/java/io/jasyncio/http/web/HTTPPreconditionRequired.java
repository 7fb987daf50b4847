package io.jasyncio.http.web;

/**
 * 428: the request must be conditional. aiohttp's {@code web.HTTPPreconditionRequired}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPPreconditionRequired}
 */
public class HTTPPreconditionRequired extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPPreconditionRequired() {
        super(428, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPPreconditionRequired(String text) {
        super(428, text);
    }
}
