package io.jasyncio.http.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A web application: aiohttp's {@code web.Application}. It has a {@link Router}, a list of
 * {@link Middleware}s, three {@link Signal}s ({@code onStartup}, {@code onShutdown},
 * {@code onCleanup}), state shared by its handlers, and possibly sub-applications mounted under
 * prefixes.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=application}
 *
 * <h2>Life cycle</h2>
 * Built on one thread; {@linkplain #freeze() frozen} when a server starts serving it (routes,
 * middlewares, signals and sub-applications can no longer change, and the middleware chains are
 * computed once); then {@link #startup()} (the runner's setup), serving, {@link #shutdown()} and
 * {@link #cleanup()}. A sub-application's signals are sent with its parent's, after the parent's
 * own receivers added before it was mounted.
 *
 * <h2>State</h2>
 * {@link #set(AppKey, Object)} and {@link #get(AppKey)} (aiohttp's {@code app[key]}) store values
 * in a thread-safe map: a frozen application may be served by several loops at once, so its
 * state may be read from all of them; what the values themselves allow is up to them.
 *
 * <h2>Limits</h2>
 * {@link #clientMaxSize()} (1 MiB by default, aiohttp's {@code client_max_size}) bounds what
 * {@link Request#read()}, {@code text()}, {@code json()} and {@code post()} accept (413 beyond).
 * The root application's value applies to every request, including those routed to
 * sub-applications.
 */
public final class Application {

    private final Router router = new Router(this);
    private final List<Middleware> middlewares = new ArrayList<>();
    private final Signal onStartup = new Signal("onStartup", false);
    private final Signal onShutdown = new Signal("onShutdown", false);
    private final Signal onCleanup = new Signal("onCleanup", true);
    private final Map<Object, Object> state = new ConcurrentHashMap<>();
    private volatile long clientMaxSize = 1024 * 1024;
    private volatile boolean frozen;
    private Application parent;

    /** Creates an empty application. */
    public Application() {
    }

    /** @return the router: aiohttp's {@code app.router} */
    public Router router() {
        return router;
    }

    /**
     * Appends a middleware: aiohttp's {@code middlewares=[...]}. The first added runs outermost.
     *
     * @param middleware the middleware
     * @return this application
     * @throws IllegalStateException if frozen
     */
    public Application addMiddleware(Middleware middleware) {
        Objects.requireNonNull(middleware, "middleware");
        checkNotFrozen("add a middleware");
        middlewares.add(middleware);
        return this;
    }

    /** @return the middlewares, outermost first (read-only) */
    public List<Middleware> middlewares() {
        return Collections.unmodifiableList(middlewares);
    }

    /** @return the signal sent when the server starts, before it accepts connections */
    public Signal onStartup() {
        return onStartup;
    }

    /** @return the signal sent when the server stops accepting, before connections are closed */
    public Signal onShutdown() {
        return onShutdown;
    }

    /** @return the signal sent last, after every connection is closed; every receiver runs */
    public Signal onCleanup() {
        return onCleanup;
    }

    /**
     * Mounts a sub-application under a prefix: aiohttp's {@code add_subapp}. Its routes answer at
     * {@code prefix + path}, inside this application's middlewares and then its own. The
     * sub-application's router is frozen at once: add its routes before mounting it.
     *
     * @param prefix such as {@code /admin}
     * @param subapp an application not mounted elsewhere
     * @return the resource that represents it in this router
     * @throws IllegalStateException if either application is frozen or the sub-application is
     *     already mounted
     */
    public Resource addSubapp(String prefix, Application subapp) {
        Objects.requireNonNull(subapp, "subapp");
        checkNotFrozen("add a sub-application");
        if (subapp == this) {
            throw new IllegalArgumentException("an application cannot be its own sub-application");
        }
        if (subapp.parent != null || subapp.frozen) {
            throw new IllegalStateException("the sub-application is already mounted or frozen");
        }
        Resource r = router.addSubapp(prefix, subapp);
        subapp.parent = this;
        onStartup.add(a -> subapp.startup());
        onShutdown.add(a -> subapp.shutdown());
        onCleanup.add(a -> subapp.cleanup());
        return r;
    }

    // ---------------------------------------------------------------- state

    /**
     * @param key the key
     * @param <T> the value type
     * @return the value, or {@code null} if none
     */
    public <T> T get(AppKey<T> key) {
        return key.type().cast(state.get(key));
    }

    /**
     * @param key the key
     * @param defaultValue what to return if there is no value
     * @param <T> the value type
     * @return the value, or {@code defaultValue}
     */
    public <T> T get(AppKey<T> key, T defaultValue) {
        T v = get(key);
        return v != null ? v : defaultValue;
    }

    /**
     * @param key the key
     * @param value the value, not {@code null}
     * @param <T> the value type
     * @return this application
     */
    public <T> Application set(AppKey<T> key, T value) {
        state.put(key, key.type().cast(Objects.requireNonNull(value, "value")));
        return this;
    }

    /**
     * @param key a string key: aiohttp's {@code app["name"]} (prefer {@link AppKey})
     * @return the value, or {@code null}
     */
    public Object get(String key) {
        return state.get(key);
    }

    /**
     * @param key a string key
     * @param value the value, not {@code null}
     * @return this application
     */
    public Application set(String key, Object value) {
        state.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * @param key an {@link AppKey} or a string key
     * @return the value removed, or {@code null}
     */
    public Object remove(Object key) {
        return state.remove(key);
    }

    // ---------------------------------------------------------------- limits

    /** @return the most request content bytes the whole-body readers accept; 0 or less: no limit */
    public long clientMaxSize() {
        return clientMaxSize;
    }

    /**
     * @param bytes the most request content bytes {@link Request#read()} and friends accept (413
     *     beyond); 0 or less: no limit
     * @return this application
     */
    public Application setClientMaxSize(long bytes) {
        checkNotFrozen("change clientMaxSize");
        clientMaxSize = bytes;
        return this;
    }

    // ---------------------------------------------------------------- life cycle

    /**
     * Freezes the application and its sub-applications: routes, middlewares and signals can no
     * longer change. Servers call it; idempotent.
     *
     * @throws IllegalStateException if this is a sub-application (freeze its root)
     */
    public synchronized void freeze() {
        if (frozen) {
            return;
        }
        if (parent != null) {
            throw new IllegalStateException("freeze the root application, not a sub-application");
        }
        freezeTree(List.of(this));
    }

    private void freezeTree(List<Application> chain) {
        router.freeze(chain);
        markFrozen();
    }

    private void markFrozen() {
        onStartup.freeze();
        onShutdown.freeze();
        onCleanup.freeze();
        frozen = true;
        for (Resource r : router.resources()) {
            if (r instanceof SubAppResource s) {
                s.app().markFrozen();
            }
        }
    }

    /** @return whether the application is frozen */
    public boolean isFrozen() {
        return frozen;
    }

    /**
     * Sends {@link #onStartup()}: called by the runner's setup, in a task.
     *
     * @throws Exception a receiver's failure
     */
    public void startup() throws Exception {
        onStartup.send(this);
    }

    /**
     * Sends {@link #onShutdown()}: called by the runner's cleanup, in a task.
     *
     * @throws Exception a receiver's failure
     */
    public void shutdown() throws Exception {
        onShutdown.send(this);
    }

    /**
     * Sends {@link #onCleanup()}: called last by the runner's cleanup, in a task.
     *
     * @throws Exception the first receiver's failure, with the others suppressed
     */
    public void cleanup() throws Exception {
        onCleanup.send(this);
    }

    private void checkNotFrozen(String what) {
        if (frozen) {
            throw new IllegalStateException("cannot " + what + ": the application is frozen (it is being served)");
        }
    }

    // ---------------------------------------------------------------- dispatch

    /** Routes the request and runs the route's handler inside the middlewares. */
    StreamResponse handle(Request request) throws Exception {
        MatchInfo m = router.resolveSafe(request.method(), request.safePath());
        request.setMatchInfo(m);
        return m.chain().handle(request);
    }

    /**
     * @return {@code handler} inside the middlewares of {@code apps} (outermost first), with the
     *     request's current application switched as the chain enters each one
     */
    static Handler wrap(List<Application> apps, Handler handler) {
        Handler h = handler;
        for (int i = apps.size() - 1; i >= 0; i--) {
            Application a = apps.get(i);
            for (int j = a.middlewares.size() - 1; j >= 0; j--) {
                Middleware m = a.middlewares.get(j);
                Handler next = h;
                h = req -> m.handle(req, next);
            }
            if (i > 0) {
                Handler next = h;
                h = req -> {
                    Application prev = req.app();
                    req.setCurrentApp(a);
                    try {
                        return next.handle(req);
                    } finally {
                        req.setCurrentApp(prev);
                    }
                };
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return "<Application 0x" + Integer.toHexString(System.identityHashCode(this)) + (frozen ? " frozen" : "") + ">";
    }
}
