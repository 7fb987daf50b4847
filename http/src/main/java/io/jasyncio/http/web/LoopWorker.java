package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.Server;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * One extra event loop of a multi-loop site, on its own thread: it serves the (frozen, shared)
 * application with its own {@link WebServer} on its own listening socket (SO_REUSEPORT, so the
 * kernel spreads connections over the loops), until the runner stops it.
 *
 * <p>Life cycle, driven from the runner's loop with {@link CrossLoop}: {@link #start} (returns
 * once listening), {@link #stopListening()}, {@link #shutdown(double)} (graceful, as
 * {@link WebServer#shutdown(double)}), {@link #finish()} (the loop ends and closes, its thread
 * exits). The fields are written on the worker's loop and read there only.
 */
final class LoopWorker {

    /** Opens the listening socket of a worker on its loop. */
    @FunctionalInterface
    interface Binder {
        Server bind(EventLoop loop, Supplier<? extends BaseProtocol> factory) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger("io.jasyncio.http.web");

    private final EventLoop loop = EventLoop.create();
    private WebServer server;
    private Server listener;
    private Future<Void> stop;
    private Future<Void> finished;
    private EventLoop finishedLoop;

    private LoopWorker() {
    }

    /**
     * Starts a worker thread and loop, and suspends the calling task until it listens.
     *
     * @throws IOException if it cannot listen
     */
    static LoopWorker start(String name, Application app, WebServerOptions options, Binder binder) throws Exception {
        EventLoop caller = Asyncio.getRunningLoop();
        Future<Void> ready = caller.createFuture();
        LoopWorker w = new LoopWorker();
        Thread.ofPlatform().name(name).daemon(true).start(() -> w.run(caller, ready, app, options, binder));
        Asyncio.await(ready);
        return w;
    }

    private void run(EventLoop caller, Future<Void> ready, Application app, WebServerOptions options, Binder binder) {
        try {
            loop.runUntilComplete(() -> {
                server = new WebServer(app, options);
                try {
                    listener = binder.bind(loop, () -> new NetConnection(server.newConnection()));
                } catch (Throwable e) {
                    caller.callSoonThreadsafe(() -> ready.setException(e));
                    return;
                }
                stop = loop.createFuture();
                caller.callSoonThreadsafe(() -> ready.setResult(null));
                Asyncio.await(stop);
            });
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "a web server loop failed", e);
        } finally {
            loop.close();
            Future<Void> f = finished;
            EventLoop fl = finishedLoop;
            if (f != null) {
                try {
                    fl.callSoonThreadsafe(() -> f.setResult(null));
                } catch (IllegalStateException closed) {
                    // the runner's loop is gone already: nobody waits
                }
            }
        }
    }

    /** Closes the listening socket: no new connections on this loop. */
    void stopListening() throws Exception {
        CrossLoop.call(loop, () -> {
            listener.close();
            return null;
        });
    }

    /** Shuts the loop's connections down gracefully; see {@link WebServer#shutdown(double)}. */
    void shutdown(double timeout) throws Exception {
        CrossLoop.call(loop, () -> {
            server.shutdown(timeout);
            return null;
        });
    }

    /** Ends the loop and waits until its thread has closed it. */
    void finish() throws Exception {
        EventLoop here = Asyncio.getRunningLoop();
        Future<Void> f = here.createFuture();
        CrossLoop.call(loop, () -> {
            finished = f;
            finishedLoop = here;
            stop.setResult(null);
            return null;
        });
        Asyncio.await(f);
    }

    /** @return the loop's server, for tests */
    WebServer server() {
        return server;
    }
}
