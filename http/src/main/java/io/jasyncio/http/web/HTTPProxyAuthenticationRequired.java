package io.jasyncio.http.web;

/**
 * 407: the client must authenticate with the proxy. aiohttp's {@code web.HTTPProxyAuthenticationRequired}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPProxyAuthenticationRequired}
 */
public class HTTPProxyAuthenticationRequired extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPProxyAuthenticationRequired() {
        super(407, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPProxyAuthenticationRequired(String text) {
        super(407, text);
    }
}
