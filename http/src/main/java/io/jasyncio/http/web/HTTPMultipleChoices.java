package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;

/**
 * 300: several representations; the {@code Location} names the preferred one. aiohttp's {@code web.HTTPMultipleChoices}: {@code throw new HTTPMultipleChoices("/new/place")} answers with
 * a {@code Location} header. Not thread-safe (confine it to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPMultipleChoices}
 */
public class HTTPMultipleChoices extends HTTPRedirection {
    private static final long serialVersionUID = 1L;

    /**
     * @param location the target, absolute or relative to the request URL
     * @throws IllegalArgumentException if it is empty or holds control characters
     */
    public HTTPMultipleChoices(String location) {
        super(300, location, null);
    }

    /**
     * @param location the target
     */
    public HTTPMultipleChoices(Url location) {
        super(300, location.toString(), null);
    }

    /**
     * @param location the target
     * @param text the response body
     */
    public HTTPMultipleChoices(String location, String text) {
        super(300, location, text);
    }
}
