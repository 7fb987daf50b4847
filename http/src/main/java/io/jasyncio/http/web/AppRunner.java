package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs an {@link Application} on one or more {@link BaseSite}s: aiohttp's {@code web.AppRunner}.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=appRunner}
 *
 * <h2>Cleanup order (aiohttp's)</h2>
 * <ol>
 *   <li>every site stops accepting connections;</li>
 *   <li>{@code onShutdown} is sent;</li>
 *   <li>connections shut down gracefully on every loop: idle keep-alive connections close at once,
 *       requests in flight get up to {@link #shutdownTimeout()} seconds to finish (their responses
 *       say {@code Connection: close}), then their handlers are cancelled;</li>
 *   <li>the sites' extra loops end;</li>
 *   <li>{@code onCleanup} is sent.</li>
 * </ol>
 * A failure in one step does not skip the later ones; the first is thrown at the end.
 *
 * <p>Use from tasks of one loop (the runner's: the loop that calls {@link #setup()}).
 */
public final class AppRunner {

    private final Application app;
    private final WebServerOptions options;
    private final List<BaseSite> sites = new ArrayList<>();
    private double shutdownTimeout = 60;
    private EventLoop loop;
    private WebServer server;
    private boolean cleanedUp;

    /**
     * @param app the application
     */
    public AppRunner(Application app) {
        this(app, WebServerOptions.defaults());
    }

    /**
     * @param app the application
     * @param options how its connections are served (timeouts, limits, access log)
     */
    public AppRunner(Application app, WebServerOptions options) {
        this.app = Objects.requireNonNull(app, "app");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the application */
    public Application app() {
        return app;
    }

    /** @return the server options */
    public WebServerOptions options() {
        return options;
    }

    /** @return seconds in-flight requests get at cleanup before their handlers are cancelled (60) */
    public double shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * @param seconds how long in-flight requests may take at cleanup
     * @return this runner
     */
    public AppRunner setShutdownTimeout(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("shutdown timeout must be 0 or more seconds: " + seconds);
        }
        shutdownTimeout = seconds;
        return this;
    }

    /**
     * Sends {@code onStartup} and freezes the application: aiohttp's {@code await runner.setup()}.
     * Startup receivers may still add routes. Call in a task; suspends while the receivers run.
     *
     * @throws Exception a startup receiver's failure
     * @throws IllegalStateException if already set up
     */
    public void setup() throws Exception {
        if (loop != null) {
            throw new IllegalStateException("the runner is already set up");
        }
        loop = Asyncio.getRunningLoop();
        app.onStartup().freeze();
        app.startup();
        server = new WebServer(app, options);
    }

    /**
     * Stops every site and shuts everything down, in the order the class comment gives:
     * aiohttp's {@code await runner.cleanup()}. Idempotent. Call in a task of the runner's loop.
     *
     * @throws Exception the first failure of a step (the later steps still ran)
     */
    public void cleanup() throws Exception {
        if (cleanedUp || loop == null) {
            return;
        }
        cleanedUp = true;
        Throwable[] first = new Throwable[1];
        for (BaseSite s : List.copyOf(sites)) {
            step(first, s::stopListening);
        }
        step(first, app::shutdown);
        List<Task<Void>> shutdowns = new ArrayList<>();
        shutdowns.add(loop.createTask(() -> server.shutdown(shutdownTimeout), "web shutdown"));
        for (BaseSite s : List.copyOf(sites)) {
            shutdowns.add(loop.createTask(() -> s.shutdownWorkers(shutdownTimeout), "web shutdown " + s.name()));
        }
        for (Task<Void> t : shutdowns) {
            step(first, () -> Asyncio.await(t));
        }
        for (BaseSite s : List.copyOf(sites)) {
            step(first, s::finish);
        }
        sites.clear();
        step(first, app::cleanup);
        if (first[0] instanceof Exception e) {
            throw e;
        }
        if (first[0] instanceof Error e) {
            throw e;
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void step(Throwable[] first, Step step) {
        try {
            step.run();
        } catch (io.jasyncio.CancelledError e) {
            throw e;
        } catch (Exception | Error e) {
            if (first[0] == null) {
                first[0] = e;
            } else {
                first[0].addSuppressed(e);
            }
        }
    }

    /** @return the started sites */
    public List<BaseSite> sites() {
        return List.copyOf(sites);
    }

    /** @return the URLs the sites listen on */
    public List<String> addresses() {
        return sites.stream().map(BaseSite::name).toList();
    }

    /** @return the server of the runner's loop (null before setup) */
    public WebServer server() {
        return server;
    }

    EventLoop loop() {
        return loop;
    }

    WebServer requireServer() {
        if (server == null) {
            throw new IllegalStateException("call runner.setup() before starting a site");
        }
        if (cleanedUp) {
            throw new IllegalStateException("the runner is cleaned up");
        }
        if (Asyncio.getRunningLoop() != loop) {
            throw new IllegalStateException("start sites from the runner's loop");
        }
        return server;
    }

    void addSite(BaseSite site) {
        sites.add(site);
    }

    void removeSite(BaseSite site) {
        sites.remove(site);
    }

    @Override
    public String toString() {
        return "<AppRunner " + addresses() + ">";
    }
}
