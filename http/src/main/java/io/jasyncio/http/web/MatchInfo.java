package io.jasyncio.http.web;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The router's answer for one request: aiohttp's {@code UrlMappingMatchInfo}. Either a matched
 * {@link Route} with its path parameters, or no route (404 or 405), in which case the request's
 * handler chain throws the corresponding {@link HttpException} (through the middlewares, which
 * may catch it).
 *
 * <p>{@link #apps()} lists the applications the request passes through, outermost first: the
 * root application, then the sub-applications down to the one that owns the route.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=request}
 */
public final class MatchInfo {

    private final Route route;
    private final Map<String, String> params;
    private final List<Application> apps;
    private final Handler chain;
    private final int errorStatus;

    MatchInfo(Route route, Map<String, String> params, List<Application> apps, Handler chain) {
        this(route, params, apps, chain, 0);
    }

    MatchInfo(Route route, Map<String, String> params, List<Application> apps, Handler chain, int errorStatus) {
        this.route = route;
        this.params = params;
        this.apps = apps;
        this.chain = chain;
        this.errorStatus = errorStatus;
    }

    /** @return the matched route, empty for a 404 or 405 */
    public Optional<Route> route() {
        return Optional.ofNullable(route);
    }

    /** @return the path parameters by name (empty for a plain path or no match) */
    public Map<String, String> params() {
        return params;
    }

    /**
     * @param name a parameter name
     * @return its value (decoded)
     * @throws NoSuchElementException if the route has no such parameter
     */
    public String get(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new NoSuchElementException("no path parameter \"" + name + "\""
                    + (route != null ? " in route " + route.resource().canonical() : " (no route matched)")
                    + "; known: " + params.keySet());
        }
        return v;
    }

    /** @return the applications on the way to the route, outermost first */
    public List<Application> apps() {
        return apps;
    }

    /** @return the status the request will get because no route matched (404 or 405), or 0 */
    public int errorStatus() {
        return errorStatus;
    }

    /** @return the route's handler wrapped in the middlewares of {@link #apps()} */
    Handler chain() {
        return chain;
    }

    @Override
    public String toString() {
        return "<MatchInfo " + (route != null ? params + ": " + route : "error " + errorStatus) + ">";
    }
}
