package io.jasyncio.http.web;

/**
 * A client error (4xx): aiohttp's {@code web.HTTPClientError}. Catch it to handle every status of its range alike;
 * throw one of its subclasses.
 *
 * <p>See {@link HttpException} for how the server answers it; not thread-safe (confine it to the
 * task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=httpException}
 */
public abstract class HTTPClientError extends HTTPError {
    private static final long serialVersionUID = 1L;

    /**
     * @param status a status from 400 to 499
     * @param text the response body, or {@code null} for the default
     */
    protected HTTPClientError(int status, String text) {
        super(check(status), text);
    }

    private static int check(int status) {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("HTTPClientError needs a status from 400 to 499, got " + status);
        }
        return status;
    }
}
