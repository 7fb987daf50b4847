package io.jasyncio.http.web;

/**
 * 408: the request did not arrive in time. aiohttp's {@code web.HTTPRequestTimeout}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPRequestTimeout}
 */
public class HTTPRequestTimeout extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPRequestTimeout() {
        super(408, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPRequestTimeout(String text) {
        super(408, text);
    }
}
