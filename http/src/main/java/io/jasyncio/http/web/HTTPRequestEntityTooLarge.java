package io.jasyncio.http.web;

/**
 * 413: the request content is larger than the server accepts. aiohttp's
 * {@code web.HTTPRequestEntityTooLarge}; {@link Request#read()} and the other body readers throw
 * it when the content exceeds {@link Application#clientMaxSize()}. Not thread-safe (confine it to
 * the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPRequestEntityTooLarge}
 */
public class HTTPRequestEntityTooLarge extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPRequestEntityTooLarge() {
        super(413, null);
    }

    /**
     * @param maxSize the most bytes accepted
     * @param actualSize how many bytes the content has, or at least has been seen to have
     */
    public HTTPRequestEntityTooLarge(long maxSize, long actualSize) {
        super(413, "Maximum request body size " + maxSize + " exceeded, actual body size " + actualSize);
    }

    /**
     * @param text the response body
     */
    public HTTPRequestEntityTooLarge(String text) {
        super(413, text);
    }
}
