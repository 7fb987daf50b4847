package io.jasyncio.http.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every resource kind shares: a name, its routes, and matching a request to a route.
 *
 * <p>Built on one thread before the application is frozen; read-only afterwards, then safe to
 * share between loops.
 */
abstract class AbstractResource implements Resource {

    /** Returned by {@link #resolve} when the path matched but no route takes the method. */
    static final MatchInfo METHOD_MISMATCH = new MatchInfo(null, Map.of(), List.of(), null, 405);

    private final String name;
    private final List<Route> routes = new ArrayList<>(2);
    private List<Application> apps = List.of();

    AbstractResource(String name) {
        this.name = name;
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    /** Adds a route; the method must not be handled by this resource already. */
    Route add(String method, Handler handler) {
        for (Route r : routes) {
            if (r.method().equals(method)) {
                throw new IllegalArgumentException("route " + method + " " + canonical()
                        + " is already registered: the one added now would never run");
            }
        }
        Route r = new Route(method, handler, this);
        routes.add(r);
        return r;
    }

    /**
     * @param safePath the request path in the safe form
     * @return the parameters if the path matches (empty when there are none), else {@code null}
     */
    abstract Map<String, String> match(String safePath);

    /** Puts a sub-application's prefix in front of this resource's path. */
    abstract void addPrefix(String prefix);

    /** @return the safe-form path a request must equal, for a parameterless path; else null */
    String plainPath() {
        return null;
    }

    /** Computes the middleware chains, for requests passing through {@code apps}. */
    void freeze(List<Application> apps) {
        this.apps = apps;
        for (Route r : routes) {
            r.freeze(apps);
        }
    }

    List<Application> apps() {
        return apps;
    }

    /**
     * @return the match for this request, {@link #METHOD_MISMATCH} if the path matches but no
     *     route takes the method, or {@code null} if the path does not match
     */
    MatchInfo resolve(String method, String safePath) {
        Map<String, String> params = match(safePath);
        if (params == null) {
            return null;
        }
        for (int i = 0, n = routes.size(); i < n; i++) {
            Route r = routes.get(i);
            if (r.accepts(method)) {
                return params.isEmpty() ? r.shared() : new MatchInfo(r, params, apps, r.chain());
            }
        }
        return METHOD_MISMATCH;
    }

    /** Adds the methods this resource's routes take. */
    void allowedMethods(java.util.Set<String> into) {
        for (Route r : routes) {
            into.add(r.method());
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + canonical() + (name != null ? " name=" + name : "") + ">";
    }
}
