package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;

/**
 * 303: see another resource, with GET (the usual answer to a form POST). aiohttp's {@code web.HTTPSeeOther}: {@code throw new HTTPSeeOther("/new/place")} answers with
 * a {@code Location} header. Not thread-safe (confine it to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPSeeOther}
 */
public class HTTPSeeOther extends HTTPRedirection {
    private static final long serialVersionUID = 1L;

    /**
     * @param location the target, absolute or relative to the request URL
     * @throws IllegalArgumentException if it is empty or holds control characters
     */
    public HTTPSeeOther(String location) {
        super(303, location, null);
    }

    /**
     * @param location the target
     */
    public HTTPSeeOther(Url location) {
        super(303, location.toString(), null);
    }

    /**
     * @param location the target
     * @param text the response body
     */
    public HTTPSeeOther(String location, String text) {
        super(303, location, text);
    }
}
