package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;

/**
 * 305: deprecated by RFC 9110; kept for aiohttp compatibility. aiohttp's {@code web.HTTPUseProxy}: {@code throw new HTTPUseProxy("/new/place")} answers with
 * a {@code Location} header. Not thread-safe (confine it to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPUseProxy}
 */
public class HTTPUseProxy extends HTTPRedirection {
    private static final long serialVersionUID = 1L;

    /**
     * @param location the target, absolute or relative to the request URL
     * @throws IllegalArgumentException if it is empty or holds control characters
     */
    public HTTPUseProxy(String location) {
        super(305, location, null);
    }

    /**
     * @param location the target
     */
    public HTTPUseProxy(Url location) {
        super(305, location.toString(), null);
    }

    /**
     * @param location the target
     * @param text the response body
     */
    public HTTPUseProxy(String location, String text) {
        super(305, location, text);
    }
}
