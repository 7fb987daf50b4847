package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sub-application mounted under a prefix: aiohttp's {@code PrefixedSubAppResource}. A request
 * whose path is the prefix or starts with the prefix and {@code /} is resolved by the
 * sub-application's router (whose resources carry the prefix), and its answer, a match or a
 * 404/405 that passes through the sub-application's middlewares, is final.
 *
 * <p>Built before the application is frozen; read-only afterwards, then thread-safe.
 */
final class SubAppResource extends AbstractResource {

    private final Application app;
    private String prefix;

    SubAppResource(String prefix, Application app) {
        super(null);
        this.prefix = prefix;
        this.app = app;
    }

    Application app() {
        return app;
    }

    @Override
    public String canonical() {
        return prefix;
    }

    @Override
    public Url urlFor(Map<String, String> parts) {
        throw new UnsupportedOperationException("a sub-application has no URL of its own: name one of its routes "
                + "and use its router's urlFor");
    }

    @Override
    Map<String, String> match(String safePath) {
        return matches(safePath) ? Map.of() : null;
    }

    private boolean matches(String safePath) {
        return safePath.startsWith(prefix) && (safePath.length() == prefix.length() || safePath.charAt(prefix.length()) == '/');
    }

    @Override
    MatchInfo resolve(String method, String safePath) {
        return matches(safePath) ? app.router().resolveSafe(method, safePath) : null;
    }

    @Override
    void allowedMethods(java.util.Set<String> into) {
        // Never asked: resolve() never answers METHOD_MISMATCH.
    }

    @Override
    void addPrefix(String outer) {
        prefix = outer + prefix;
        app.router().addPrefix(outer);
    }

    @Override
    void freeze(List<Application> apps) {
        List<Application> inner = new ArrayList<>(apps);
        inner.add(app);
        app.router().freeze(List.copyOf(inner));
    }
}
