package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.http.codec.HttpWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Serves one {@link Application} on one event loop: the factory of its
 * {@link HttpServerProtocol}s, and the registry of their connections for a graceful shutdown.
 * aiohttp's low-level {@code web.Server}. A runner makes one per loop it serves on (the
 * application, frozen, is shared); to drive connections without sockets, call
 * {@link #newConnection()} and feed it through an {@link HttpTransport}.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=webServer}
 *
 * <p><b>Threads.</b> Confined to its loop: create connections and shut down from that loop's
 * thread or tasks. Constructing it freezes the application.
 */
public final class WebServer {

    private final Application app;
    private final WebServerOptions options;
    private final HttpWriter writer;
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(16 * 1024);
    private final Set<HttpServerProtocol> connections = new HashSet<>();
    private int inFlight;
    private boolean shuttingDown;
    private Future<Void> idle;

    /**
     * @param app the application (frozen now if it is not yet)
     */
    public WebServer(Application app) {
        this(app, WebServerOptions.defaults());
    }

    /**
     * @param app the application (frozen now if it is not yet)
     * @param options timeouts, limits, access log
     */
    public WebServer(Application app, WebServerOptions options) {
        this.app = Objects.requireNonNull(app, "app");
        this.options = Objects.requireNonNull(options, "options");
        app.freeze();
        this.writer = new HttpWriter(options.clock());
    }

    /** @return the application served */
    public Application app() {
        return app;
    }

    /** @return the options */
    public WebServerOptions options() {
        return options;
    }

    /**
     * @return a protocol for a new connection; call its {@code connectionMade} with the
     *     connection's transport, on this server's loop
     */
    public HttpServerProtocol newConnection() {
        return new HttpServerProtocol(this);
    }

    /** @return the connections open now */
    public int connectionCount() {
        return connections.size();
    }

    /** @return the handlers running now */
    public int requestsInFlight() {
        return inFlight;
    }

    /** @return whether {@link #shutdown(double)} has begun */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /**
     * Shuts down gracefully, suspending the calling task: idle connections close at once;
     * connections with a request in flight close after its response (which says
     * {@code Connection: close}); handlers still running after {@code timeoutSeconds} are
     * cancelled and their connections aborted, and their tasks are awaited (at most as long
     * again, in case one ignores cancellation). New connections are refused from the start.
     *
     * @param timeoutSeconds how long in-flight handlers may take to finish
     */
    public void shutdown(double timeoutSeconds) {
        shuttingDown = true;
        for (HttpServerProtocol c : List.copyOf(connections)) {
            c.beginShutdown();
        }
        if (inFlight > 0 && timeoutSeconds > 0) {
            Future<Void> f = Asyncio.getRunningLoop().createFuture();
            idle = f;
            Asyncio.wait(List.of(f), timeoutSeconds, ReturnWhen.ALL_COMPLETED);
            idle = null;
        }
        List<Task<?>> cancelled = new ArrayList<>();
        for (HttpServerProtocol c : List.copyOf(connections)) {
            Task<?> t = c.abort();
            if (t != null) {
                cancelled.add(t);
            }
        }
        if (!cancelled.isEmpty()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<Future<Object>> fs = (List) cancelled;
            Asyncio.wait(fs, Math.max(timeoutSeconds, 1.0), ReturnWhen.ALL_COMPLETED);
        }
    }

    // ---------------------------------------------------------------- for connections

    boolean register(HttpServerProtocol c) {
        if (shuttingDown) {
            return false;
        }
        connections.add(c);
        return true;
    }

    void unregister(HttpServerProtocol c) {
        connections.remove(c);
    }

    void requestStarted() {
        inFlight++;
    }

    void requestFinished() {
        inFlight--;
        Future<Void> f = idle;
        if (inFlight == 0 && f != null && !f.done()) {
            f.setResult(null);
        }
    }

    HttpWriter writer() {
        return writer;
    }

    ByteBuffer scratch() {
        return scratch;
    }

    @Override
    public String toString() {
        return "<WebServer connections=" + connections.size() + " inFlight=" + inFlight
                + (shuttingDown ? " shutting down" : "") + ">";
    }
}
