package io.jasyncio.http.web;

import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.Tokens;
import io.jasyncio.http.url.Url;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps request paths and methods to handlers: aiohttp's {@code UrlDispatcher}
 * ({@code app.router}).
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=router}
 *
 * <h2>Resolution</h2>
 * Resources are tried in the order they were added; the first whose path matches and that has a
 * route for the method wins. Paths are matched after percent-decoding (except {@code %2F} and
 * {@code %25}, so an encoded slash stays inside one parameter). If some resource matched the path
 * but none took the method, the answer is 405 with an {@code Allow} header listing the methods of
 * every resource that matched; otherwise 404. A sub-application's prefix, once it matches,
 * decides alone: its router's answer (including its 404, through its middlewares) is final.
 * {@link #addGet} also registers {@code HEAD} for the path, as aiohttp does.
 *
 * <p>Lookup is a hash lookup for parameterless paths plus a scan of the other resources in order,
 * so an application with many plain routes pays nothing per route.
 *
 * <h2>Threads</h2>
 * Add routes on one thread before the server starts; the application's freezing then makes the
 * router read-only (adding throws), and it may be shared by several loops.
 */
public final class Router {

    private final Application app;
    private final List<AbstractResource> resources = new ArrayList<>();
    private final Map<String, AbstractResource> named = new HashMap<>();
    /** No more resources may be added (frozen, or mounted as a sub-application). */
    private boolean locked;
    private volatile boolean frozen;
    /** After freeze: indices of parameterless path resources by their safe path. */
    private Map<String, int[]> plainIndex;
    /** After freeze: indices of every other resource, ascending. */
    private int[] otherIndex;
    private List<Application> apps;
    private MatchInfo notFound;

    Router(Application app) {
        this.app = app;
    }

    /** @return the application this router belongs to */
    public Application app() {
        return app;
    }

    // ---------------------------------------------------------------- adding routes

    /**
     * Adds {@code GET} (and {@code HEAD}) for a path: aiohttp's {@code add_get}.
     *
     * @param path the route path (see the class comment for {@code {name}} syntax)
     * @param handler the handler
     * @return the {@code GET} route
     */
    public Route addGet(String path, Handler handler) {
        return addGet(path, handler, null);
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @param name the resource's name for {@link #urlFor}, or {@code null}
     * @return the {@code GET} route
     */
    public Route addGet(String path, Handler handler, String name) {
        Route get = addRoute(HttpMethod.GET, path, handler, name);
        ((AbstractResource) get.resource()).add(HttpMethod.HEAD, handler);
        return get;
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @return the route
     */
    public Route addHead(String path, Handler handler) {
        return addRoute(HttpMethod.HEAD, path, handler, null);
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @return the route
     */
    public Route addPost(String path, Handler handler) {
        return addRoute(HttpMethod.POST, path, handler, null);
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @param name the resource's name, or {@code null}
     * @return the route
     */
    public Route addPost(String path, Handler handler, String name) {
        return addRoute(HttpMethod.POST, path, handler, name);
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @return the route
     */
    public Route addPut(String path, Handler handler) {
        return addRoute(HttpMethod.PUT, path, handler, null);
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @param name the resource's name, or {@code null}
     * @return the route
     */
    public Route addPut(String path, Handler handler, String name) {
        return addRoute(HttpMethod.PUT, path, handler, name);
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @return the route
     */
    public Route addPatch(String path, Handler handler) {
        return addRoute(HttpMethod.PATCH, path, handler, null);
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @param name the resource's name, or {@code null}
     * @return the route
     */
    public Route addPatch(String path, Handler handler, String name) {
        return addRoute(HttpMethod.PATCH, path, handler, name);
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @return the route
     */
    public Route addDelete(String path, Handler handler) {
        return addRoute(HttpMethod.DELETE, path, handler, null);
    }

    /**
     * @param path the route path
     * @param handler the handler
     * @param name the resource's name, or {@code null}
     * @return the route
     */
    public Route addDelete(String path, Handler handler, String name) {
        return addRoute(HttpMethod.DELETE, path, handler, name);
    }

    /**
     * Adds a route for any method: aiohttp's {@code add_route(method, path, handler)}.
     *
     * @param method a method token (upper-cased), or {@code "*"} for every method
     * @param path the route path
     * @param handler the handler
     * @return the route
     */
    public Route addRoute(String method, String path, Handler handler) {
        return addRoute(method, path, handler, null);
    }

    /**
     * @param method a method token (upper-cased), or {@code "*"} for every method
     * @param path the route path
     * @param handler the handler
     * @param name the resource's name for {@link #urlFor}, or {@code null}
     * @return the route
     * @throws IllegalArgumentException if the method, path or name is invalid, or the same method
     *     is already registered for the path
     * @throws IllegalStateException if the application is frozen
     */
    public Route addRoute(String method, String path, Handler handler, String name) {
        java.util.Objects.requireNonNull(handler, "handler");
        String m = checkMethod(method);
        checkOpen();
        AbstractResource last = resources.isEmpty() ? null : resources.getLast();
        PathResource res;
        if (last instanceof PathResource pr && pr.canonical().equals(path)
                && (name == null || name.equals(pr.name().orElse(null)))) {
            res = pr;
        } else {
            res = new PathResource(RoutePattern.parse(path), name);
            register(res, name);
        }
        return res.add(m, handler);
    }

    /**
     * Serves the files of a directory under a prefix: aiohttp's {@code add_static}. Symbolic links
     * that lead outside the directory are not followed.
     *
     * @param prefix the URL prefix, such as {@code /static}
     * @param directory the directory
     * @return the resource
     */
    public Resource addStatic(String prefix, Path directory) {
        return addStatic(prefix, directory, null, false);
    }

    /**
     * @param prefix the URL prefix, such as {@code /static}
     * @param directory the directory
     * @param name the resource's name for {@link #urlFor} (with the part {@code filename}), or {@code null}
     * @param followSymlinks whether symbolic links may lead outside the directory
     * @return the resource
     * @throws java.io.UncheckedIOException if the directory cannot be resolved
     * @throws IllegalArgumentException if it is not a directory or the prefix is invalid
     */
    public Resource addStatic(String prefix, Path directory, String name, boolean followSymlinks) {
        checkOpen();
        StaticResource res = new StaticResource(normalizePrefix(prefix), directory, name, followSymlinks);
        register(res, name);
        return res;
    }

    /** Mounts a sub-application; see {@link Application#addSubapp}. */
    SubAppResource addSubapp(String prefix, Application sub) {
        checkOpen();
        String p = normalizePrefix(prefix);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("a sub-application needs a non-empty prefix such as /admin");
        }
        sub.router().addPrefix(p);
        sub.router().locked = true;
        SubAppResource res = new SubAppResource(p, sub);
        register(res, null);
        return res;
    }

    private static String normalizePrefix(String prefix) {
        if (prefix.isEmpty() || prefix.charAt(0) != '/') {
            throw new IllegalArgumentException("a prefix must start with '/': \"" + prefix + "\"");
        }
        String p = prefix;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.indexOf('{') >= 0 || p.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a prefix cannot have parameters: \"" + prefix + "\"");
        }
        return p;
    }

    private static String checkMethod(String method) {
        if (method.equals("*")) {
            return method;
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (!Tokens.isToken(m)) {
            throw new IllegalArgumentException("invalid method \"" + method + "\": must be a token or \"*\"");
        }
        return m;
    }

    private void register(AbstractResource res, String name) {
        if (name != null) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a resource name must not be empty");
            }
            if (named.containsKey(name)) {
                throw new IllegalArgumentException("duplicate resource name \"" + name + "\" (already "
                        + named.get(name).canonical() + ")");
            }
            named.put(name, res);
        }
        resources.add(res);
    }

    private void checkOpen() {
        if (locked) {
            throw new IllegalStateException("the router is frozen: add routes before the application starts "
                    + "(and to a sub-application before mounting it)");
        }
    }

    void addPrefix(String prefix) {
        for (AbstractResource r : resources) {
            r.addPrefix(prefix);
        }
    }

    // ---------------------------------------------------------------- introspection and URLs

    /** @return every resource, in the order added */
    public List<Resource> resources() {
        return Collections.unmodifiableList(resources);
    }

    /** @return every route of every resource (not those of sub-applications), in the order added */
    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (AbstractResource r : resources) {
            out.addAll(r.routes());
        }
        return out;
    }

    /**
     * @param name a resource name: aiohttp's {@code router[name]}
     * @return the resource
     * @throws NoSuchElementException if no resource has that name
     */
    public Resource resource(String name) {
        AbstractResource r = named.get(name);
        if (r == null) {
            throw new NoSuchElementException("no resource named \"" + name + "\"; known: " + new TreeSet<>(named.keySet()));
        }
        return r;
    }

    /**
     * Builds the URL of a named resource: aiohttp's {@code router[name].url_for(**parts)}.
     *
     * @param name the resource name
     * @param parts its path parameters by name
     * @return the URL (path only; add a query with {@link Url#withQuery})
     */
    public Url urlFor(String name, Map<String, String> parts) {
        return resource(name).urlFor(parts);
    }

    /**
     * @param name the resource name
     * @param namesAndValues alternating parameter names and values
     * @return the URL
     */
    public Url urlFor(String name, String... namesAndValues) {
        return resource(name).urlFor(namesAndValues);
    }

    // ---------------------------------------------------------------- resolution

    /**
     * Finds what would handle a request: aiohttp's {@code router.resolve(request)}. Freezes the
     * application first if it is a root application that is not frozen yet.
     *
     * @param method the request method
     * @param rawPath the request path as received (percent-encoded)
     * @return the match, or a 404/405 answer
     */
    public MatchInfo resolve(String method, String rawPath) {
        if (!frozen) {
            app.freeze();
        }
        return resolveSafe(method, PathDecoding.safe(rawPath));
    }

    MatchInfo resolveSafe(String method, String safePath) {
        int[] plains = plainIndex.get(safePath);
        int[] others = otherIndex;
        int np = plains == null ? 0 : plains.length;
        int no = others.length;
        int i = 0;
        int j = 0;
        Set<String> allowed = null;
        while (i < np || j < no) {
            int idx = j >= no || i < np && plains[i] < others[j] ? plains[i++] : others[j++];
            AbstractResource r = resources.get(idx);
            MatchInfo m = r.resolve(method, safePath);
            if (m == null) {
                continue;
            }
            if (m != AbstractResource.METHOD_MISMATCH) {
                return m;
            }
            if (allowed == null) {
                allowed = new TreeSet<>();
            }
            r.allowedMethods(allowed);
        }
        if (allowed != null) {
            Set<String> methods = allowed;
            Handler thrower = req -> {
                throw new HTTPMethodNotAllowed(method, methods);
            };
            return new MatchInfo(null, Map.of(), apps, Application.wrap(apps, thrower), 405);
        }
        return notFound;
    }

    void freeze(List<Application> chain) {
        if (frozen) {
            return;
        }
        locked = true;
        apps = chain;
        Map<String, List<Integer>> plain = new HashMap<>();
        List<Integer> other = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            AbstractResource r = resources.get(i);
            r.freeze(chain);
            String p = r.plainPath();
            if (p != null) {
                plain.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
            } else {
                other.add(i);
            }
        }
        Map<String, int[]> index = new HashMap<>();
        plain.forEach((k, v) -> index.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        plainIndex = index;
        otherIndex = other.stream().mapToInt(Integer::intValue).toArray();
        Handler thrower = req -> {
            throw new HTTPNotFound();
        };
        notFound = new MatchInfo(null, Map.of(), chain, Application.wrap(chain, thrower), 404);
        frozen = true;
    }

    boolean isFrozen() {
        return frozen;
    }

    @Override
    public String toString() {
        return "<Router " + resources.size() + " resources>";
    }
}
