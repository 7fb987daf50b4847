package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One method of one {@link Resource} and the {@link Handler} for it: aiohttp's
 * {@code ResourceRoute}. The method {@code "*"} matches any method.
 *
 * <p>Immutable once the application is frozen (when the server starts); then safe to share
 * between loops.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=resource}
 */
public final class Route {

    private final String method;
    private final Handler handler;
    private final AbstractResource resource;
    /** The handler inside the middlewares of its applications; set when the app is frozen. */
    private Handler chain;
    /** For a plain resource: the one match info every request of this route shares. */
    private MatchInfo shared;

    Route(String method, Handler handler, AbstractResource resource) {
        this.method = method;
        this.handler = handler;
        this.resource = resource;
    }

    /** @return the method, or {@code "*"} for any */
    public String method() {
        return method;
    }

    /** @return the handler as registered (without middlewares) */
    public Handler handler() {
        return handler;
    }

    /** @return the resource it belongs to */
    public Resource resource() {
        return resource;
    }

    /** @return the resource's name, if any */
    public Optional<String> name() {
        return resource.name();
    }

    /**
     * @param parts the path parameters by name
     * @return a URL to this route's resource, as {@link Resource#urlFor(Map)}
     */
    public Url urlFor(Map<String, String> parts) {
        return resource.urlFor(parts);
    }

    boolean accepts(String requestMethod) {
        return method.equals(requestMethod) || method.equals("*");
    }

    void freeze(List<Application> apps) {
        chain = Application.wrap(apps, handler);
        shared = new MatchInfo(this, Map.of(), apps, chain);
    }

    Handler chain() {
        return chain;
    }

    MatchInfo shared() {
        return shared;
    }

    @Override
    public String toString() {
        return "<Route " + method + " " + resource.canonical() + (resource.name().map(n -> " name=" + n).orElse("")) + ">";
    }
}
