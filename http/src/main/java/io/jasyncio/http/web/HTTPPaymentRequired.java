package io.jasyncio.http.web;

/**
 * 402: reserved for future use. aiohttp's {@code web.HTTPPaymentRequired}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPPaymentRequired}
 */
public class HTTPPaymentRequired extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPPaymentRequired() {
        super(402, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPPaymentRequired(String text) {
        super(402, text);
    }
}
