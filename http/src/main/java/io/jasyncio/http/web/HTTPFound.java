package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;

/**
 * 302: the resource is temporarily elsewhere (clients may change a POST into a GET). aiohttp's {@code web.HTTPFound}: {@code throw new HTTPFound("/new/place")} answers with
 * a {@code Location} header. Not thread-safe (confine it to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPFound}
 */
public class HTTPFound extends HTTPRedirection {
    private static final long serialVersionUID = 1L;

    /**
     * @param location the target, absolute or relative to the request URL
     * @throws IllegalArgumentException if it is empty or holds control characters
     */
    public HTTPFound(String location) {
        super(302, location, null);
    }

    /**
     * @param location the target
     */
    public HTTPFound(Url location) {
        super(302, location.toString(), null);
    }

    /**
     * @param location the target
     * @param text the response body
     */
    public HTTPFound(String location, String text) {
        super(302, location, text);
    }
}
