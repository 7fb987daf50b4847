package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;

/**
 * 307: the resource is temporarily elsewhere; the method and content must not change. aiohttp's {@code web.HTTPTemporaryRedirect}: {@code throw new HTTPTemporaryRedirect("/new/place")} answers with
 * a {@code Location} header. Not thread-safe (confine it to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPTemporaryRedirect}
 */
public class HTTPTemporaryRedirect extends HTTPRedirection {
    private static final long serialVersionUID = 1L;

    /**
     * @param location the target, absolute or relative to the request URL
     * @throws IllegalArgumentException if it is empty or holds control characters
     */
    public HTTPTemporaryRedirect(String location) {
        super(307, location, null);
    }

    /**
     * @param location the target
     */
    public HTTPTemporaryRedirect(Url location) {
        super(307, location.toString(), null);
    }

    /**
     * @param location the target
     * @param text the response body
     */
    public HTTPTemporaryRedirect(String location, String text) {
        super(307, location, text);
    }
}
