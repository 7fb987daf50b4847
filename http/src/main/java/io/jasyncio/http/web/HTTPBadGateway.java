package io.jasyncio.http.web;

/**
 * 502: an upstream server sent an invalid response. aiohttp's {@code web.HTTPBadGateway}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPBadGateway}
 */
public class HTTPBadGateway extends HTTPServerError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPBadGateway() {
        super(502, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPBadGateway(String text) {
        super(502, text);
    }
}
