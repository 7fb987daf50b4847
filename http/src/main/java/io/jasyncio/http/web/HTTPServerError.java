package io.jasyncio.http.web;

/**
 * A server error (5xx): aiohttp's {@code web.HTTPServerError}. Catch it to handle every status of its range alike;
 * throw one of its subclasses.
 *
 * <p>See {@link HttpException} for how the server answers it; not thread-safe (confine it to the
 * task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=httpException}
 */
public abstract class HTTPServerError extends HTTPError {
    private static final long serialVersionUID = 1L;

    /**
     * @param status a status from 500 to 599
     * @param text the response body, or {@code null} for the default
     */
    protected HTTPServerError(int status, String text) {
        super(check(status), text);
    }

    private static int check(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("HTTPServerError needs a status from 500 to 599, got " + status);
        }
        return status;
    }
}
