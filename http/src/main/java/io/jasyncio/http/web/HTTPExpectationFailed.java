package io.jasyncio.http.web;

/**
 * 417: the request's {@code Expect} header cannot be met. aiohttp's {@code web.HTTPExpectationFailed}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPExpectationFailed}
 */
public class HTTPExpectationFailed extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPExpectationFailed() {
        super(417, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPExpectationFailed(String text) {
        super(417, text);
    }
}
