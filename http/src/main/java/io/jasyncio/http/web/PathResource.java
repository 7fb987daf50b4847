package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;
import java.util.Map;

/**
 * A resource for a route path, plain ({@code /about}) or with parameters
 * ({@code /users/{id:\d+}}): aiohttp's {@code PlainResource} and {@code DynamicResource}.
 *
 * <p>Built before the application is frozen; read-only afterwards, then thread-safe.
 */
final class PathResource extends AbstractResource {

    private RoutePattern pattern;

    PathResource(RoutePattern pattern, String name) {
        super(name);
        this.pattern = pattern;
    }

    @Override
    public String canonical() {
        return pattern.canonical();
    }

    @Override
    public Url urlFor(Map<String, String> parts) {
        return Url.parse(pattern.format(parts));
    }

    @Override
    Map<String, String> match(String safePath) {
        return pattern.match(safePath);
    }

    @Override
    String plainPath() {
        return pattern.plainPath();
    }

    @Override
    void addPrefix(String prefix) {
        pattern = pattern.withPrefix(prefix);
    }
}
