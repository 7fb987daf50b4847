package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;

/**
 * 301: the resource moved for good (clients may change a POST into a GET). aiohttp's {@code web.HTTPMovedPermanently}: {@code throw new HTTPMovedPermanently("/new/place")} answers with
 * a {@code Location} header. Not thread-safe (confine it to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPMovedPermanently}
 */
public class HTTPMovedPermanently extends HTTPRedirection {
    private static final long serialVersionUID = 1L;

    /**
     * @param location the target, absolute or relative to the request URL
     * @throws IllegalArgumentException if it is empty or holds control characters
     */
    public HTTPMovedPermanently(String location) {
        super(301, location, null);
    }

    /**
     * @param location the target
     */
    public HTTPMovedPermanently(Url location) {
        super(301, location.toString(), null);
    }

    /**
     * @param location the target
     * @param text the response body
     */
    public HTTPMovedPermanently(String location, String text) {
        super(301, location, text);
    }
}
