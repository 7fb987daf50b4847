package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;

/**
 * 308: the resource moved for good; the method and content must not change. aiohttp's {@code web.HTTPPermanentRedirect}: {@code throw new HTTPPermanentRedirect("/new/place")} answers with
 * a {@code Location} header. Not thread-safe (confine it to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPPermanentRedirect}
 */
public class HTTPPermanentRedirect extends HTTPRedirection {
    private static final long serialVersionUID = 1L;

    /**
     * @param location the target, absolute or relative to the request URL
     * @throws IllegalArgumentException if it is empty or holds control characters
     */
    public HTTPPermanentRedirect(String location) {
        super(308, location, null);
    }

    /**
     * @param location the target
     */
    public HTTPPermanentRedirect(Url location) {
        super(308, location.toString(), null);
    }

    /**
     * @param location the target
     * @param text the response body
     */
    public HTTPPermanentRedirect(String location, String text) {
        super(308, location, text);
    }
}
