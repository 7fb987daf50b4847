package io.jasyncio.http.web;

/**
 * 415: the request content's type is not supported. aiohttp's {@code web.HTTPUnsupportedMediaType}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPUnsupportedMediaType}
 */
public class HTTPUnsupportedMediaType extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPUnsupportedMediaType() {
        super(415, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPUnsupportedMediaType(String text) {
        super(415, text);
    }
}
