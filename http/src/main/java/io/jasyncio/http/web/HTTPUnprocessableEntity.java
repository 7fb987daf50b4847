package io.jasyncio.http.web;

/**
 * 422: the content is well-formed but semantically wrong. aiohttp's {@code web.HTTPUnprocessableEntity}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPUnprocessableEntity}
 */
public class HTTPUnprocessableEntity extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPUnprocessableEntity() {
        super(422, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPUnprocessableEntity(String text) {
        super(422, text);
    }
}
