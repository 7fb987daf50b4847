package io.jasyncio.http.web;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * 405: the target exists but not for this method. aiohttp's {@code web.HTTPMethodNotAllowed}; the
 * router throws it with the methods the target allows, sent in the {@code Allow} header (sorted,
 * comma-separated). Not thread-safe (confine it to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPMethodNotAllowed}
 */
public class HTTPMethodNotAllowed extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final List<String> allowedMethods;

    /**
     * @param method the request's method
     * @param allowedMethods the methods the target allows
     */
    public HTTPMethodNotAllowed(String method, Collection<String> allowedMethods) {
        this(method, allowedMethods, null);
    }

    /**
     * @param method the request's method
     * @param allowedMethods the methods the target allows
     * @param text the response body, or {@code null} for the default
     */
    public HTTPMethodNotAllowed(String method, Collection<String> allowedMethods, String text) {
        super(405, text);
        this.method = method;
        this.allowedMethods = List.copyOf(new TreeSet<>(allowedMethods));
        headers().set("Allow", String.join(",", this.allowedMethods));
    }

    /** @return the request's method */
    public String method() {
        return method;
    }

    /** @return the allowed methods, sorted */
    public List<String> allowedMethods() {
        return allowedMethods;
    }
}
