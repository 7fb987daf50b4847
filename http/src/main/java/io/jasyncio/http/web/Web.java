package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;

/**
 * Runs an application until the process is told to stop: aiohttp's {@code web.run_app}.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=runApp}
 *
 * <p>It makes a new event loop on the calling thread ({@link Asyncio#run}), sets up an
 * {@link AppRunner}, starts a {@link TcpSite}, prints where it listens, and serves until SIGINT
 * (Ctrl+C) or SIGTERM; then it shuts down gracefully (stop accepting, close idle keep-alive
 * connections, let requests in flight finish within the shutdown timeout, cancel what is left,
 * {@code onShutdown}, {@code onCleanup}) and returns. A second signal during the shutdown ends
 * the process at once.
 *
 * <p>Call it from a thread that runs no loop (usually {@code main}).
 */
public final class Web {

    private Web() {
    }

    /**
     * Serves with an access log in aiohttp's default format (to the {@link System.Logger}
     * {@code io.jasyncio.http.web.access}) and default options.
     *
     * @param app the application
     * @param host the address to listen on
     * @param port the port
     * @throws Exception if the server cannot start (the address is in use, a startup receiver failed)
     */
    public static void runApp(Application app, String host, int port) throws Exception {
        runApp(app, host, port, WebServerOptions.defaults().accessLogger(AccessLogFormat.parse(AccessLogFormat.DEFAULT).toLogger()),
                1, 60);
    }

    /**
     * @param app the application
     * @param host the address to listen on
     * @param port the port
     * @param options timeouts, limits and access log (none unless set)
     * @param loops how many event loops serve (one per thread, {@code SO_REUSEPORT}); 1 for one loop
     * @param shutdownTimeout seconds requests in flight get to finish at shutdown
     * @throws Exception if the server cannot start
     */
    public static void runApp(Application app, String host, int port, WebServerOptions options, int loops,
            double shutdownTimeout) throws Exception {
        Asyncio.run(() -> {
            AppRunner runner = new AppRunner(app, options).setShutdownTimeout(shutdownTimeout);
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> stop = loop.createFuture();
            try (TerminationSignals signals = TerminationSignals.install(() -> loop.callSoonThreadsafe(() -> {
                if (!stop.done()) {
                    stop.setResult(null);
                }
            }), shutdownTimeout)) {
                runner.setup();
                try {
                    TcpSite site = new TcpSite(runner, host, port).loops(loops);
                    site.start();
                    System.out.println("======== Running on " + site.name() + " ========");
                    System.out.println("(Press CTRL+C to quit)");
                    System.out.flush();
                    Asyncio.await(stop);
                } finally {
                    runner.cleanup();
                }
            }
        });
    }
}
