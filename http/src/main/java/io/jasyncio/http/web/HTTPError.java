package io.jasyncio.http.web;

/**
 * An HTTP error status (4xx or 5xx): aiohttp's {@code web.HTTPError}. Catch it to handle every status of its range alike;
 * throw one of its subclasses.
 *
 * <p>See {@link HttpException} for how the server answers it; not thread-safe (confine it to the
 * task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=httpException}
 */
public abstract class HTTPError extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status a status from 400 to 599
     * @param text the response body, or {@code null} for the default
     */
    protected HTTPError(int status, String text) {
        super(check(status), null, text, null);
    }

    private static int check(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("HTTPError needs a status from 400 to 599, got " + status);
        }
        return status;
    }
}
