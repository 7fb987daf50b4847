package io.jasyncio.http.web;

/**
 * 504: an upstream server did not answer in time. aiohttp's {@code web.HTTPGatewayTimeout}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPGatewayTimeout}
 */
public class HTTPGatewayTimeout extends HTTPServerError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPGatewayTimeout() {
        super(504, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPGatewayTimeout(String text) {
        super(504, text);
    }
}
