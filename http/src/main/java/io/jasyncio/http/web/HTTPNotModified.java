package io.jasyncio.http.web;

/**
 * 304: the client's cached copy is still valid (a conditional GET matched). aiohttp's
 * {@code web.HTTPNotModified}; it has no body and no {@code Location}. Not thread-safe (confine it
 * to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPNotModified}
 */
public class HTTPNotModified extends HTTPRedirection {
    private static final long serialVersionUID = 1L;

    /** A 304 with no body. */
    public HTTPNotModified() {
        super(304, null, null);
    }
}
