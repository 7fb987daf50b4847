package io.jasyncio.http.web;

/**
 * 426: the client must switch to another protocol. aiohttp's {@code web.HTTPUpgradeRequired}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPUpgradeRequired}
 */
public class HTTPUpgradeRequired extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPUpgradeRequired() {
        super(426, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPUpgradeRequired(String text) {
        super(426, text);
    }
}
