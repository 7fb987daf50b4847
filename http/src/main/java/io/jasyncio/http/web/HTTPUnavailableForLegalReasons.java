package io.jasyncio.http.web;

/**
 * 451: the resource is unavailable for legal reasons. aiohttp's {@code web.HTTPUnavailableForLegalReasons}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPUnavailableForLegalReasons}
 */
public class HTTPUnavailableForLegalReasons extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPUnavailableForLegalReasons() {
        super(451, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPUnavailableForLegalReasons(String text) {
        super(451, text);
    }
}
