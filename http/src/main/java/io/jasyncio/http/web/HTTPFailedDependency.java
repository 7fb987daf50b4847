package io.jasyncio.http.web;

/**
 * 424: a request this one depends on failed. aiohttp's {@code web.HTTPFailedDependency}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPFailedDependency}
 */
public class HTTPFailedDependency extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPFailedDependency() {
        super(424, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPFailedDependency(String text) {
        super(424, text);
    }
}
