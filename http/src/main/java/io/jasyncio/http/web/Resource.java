package io.jasyncio.http.web;

import io.jasyncio.http.url.Url;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target the router knows: a path (plain, or with parameters), a static directory behind a
 * prefix, or a sub-application behind a prefix; aiohttp's {@code AbstractResource}. Each has the
 * {@link Route}s (one per method) that handle it, and may have a name to build URLs with.
 *
 * <p>Made by the {@link Router}'s {@code add...} methods; immutable once the application is
 * frozen, and then safe to share between loops.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=resource}
 */
public interface Resource {

    /** @return the name given when it was added, if any */
    Optional<String> name();

    /** @return the path or prefix as written (with a sub-application's prefix in front) */
    String canonical();

    /** @return its routes, in the order they were added */
    List<Route> routes();

    /**
     * Builds a URL (a relative reference: path, no host) to this resource: aiohttp's
     * {@code url_for(**parts)}. A path with parameters needs a value for each one (values are
     * percent-encoded, {@code /} included); a static resource needs {@code filename}.
     *
     * @param parts the values by name
     * @return the URL
     * @throws IllegalArgumentException if a value is missing, unknown or does not fit
     */
    Url urlFor(Map<String, String> parts);

    /**
     * @param namesAndValues alternating names and values
     * @return the URL, as {@link #urlFor(Map)}
     */
    default Url urlFor(String... namesAndValues) {
        return urlFor(RoutePattern.pairs(namesAndValues));
    }
}
