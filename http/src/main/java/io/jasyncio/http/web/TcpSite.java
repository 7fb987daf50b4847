package io.jasyncio.http.web;

import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Serves a runner's application on a TCP host and port: aiohttp's {@code web.TCPSite}.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=tcpSite}
 *
 * <h2>Several loops</h2>
 * With {@link #loops(int)} above 1 the site listens on the runner's loop and on that many minus
 * one extra loops, each on its own thread with its own listening socket on the same port
 * ({@code SO_REUSEPORT}: the kernel spreads new connections among them). A connection stays on the
 * loop that accepted it. The application is shared (it is frozen); its signals run on the
 * runner's loop only. This is what Python cannot do in one process.
 *
 * <p>Accepted sockets get {@code TCP_NODELAY}. Configure before {@link #start()}; use from tasks
 * of the runner's loop.
 */
public final class TcpSite extends BaseSite {

    private final String host;
    private final int requestedPort;
    private boolean reusePort;
    private int backlog = 128;
    private int loops = 1;
    private Server listener;
    private final List<LoopWorker> workers = new ArrayList<>();
    private int port;

    /**
     * @param runner a runner (set up before {@link #start()})
     * @param host the address to listen on, such as {@code 127.0.0.1}, {@code 0.0.0.0} or {@code ::}
     * @param port the port; 0 lets the kernel choose (see {@link #port()})
     */
    public TcpSite(AppRunner runner, String host, int port) {
        super(Objects.requireNonNull(runner, "runner"));
        this.host = Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.requestedPort = port;
    }

    /**
     * @param on whether to set {@code SO_REUSEPORT} (so other processes or loops may listen on the
     *     same port); implied by {@link #loops(int)} above 1
     * @return this site
     */
    public TcpSite reusePort(boolean on) {
        checkNotStarted();
        reusePort = on;
        return this;
    }

    /**
     * @param backlog the listen backlog (default 128, as aiohttp)
     * @return this site
     */
    public TcpSite backlog(int backlog) {
        checkNotStarted();
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be positive: " + backlog);
        }
        this.backlog = backlog;
        return this;
    }

    /**
     * @param n how many event loops serve this site (default 1: only the runner's)
     * @return this site
     */
    public TcpSite loops(int n) {
        checkNotStarted();
        if (n < 1) {
            throw new IllegalArgumentException("a site needs at least one loop: " + n);
        }
        loops = n;
        return this;
    }

    /** @return this site, serving on one loop per available processor */
    public TcpSite loopsPerCore() {
        return loops(Runtime.getRuntime().availableProcessors());
    }

    /** @return how many loops serve this site */
    public int loopCount() {
        return loops;
    }

    @Override
    public void start() throws Exception {
        checkNotStarted();
        WebServer server = runner.requireServer();
        ServerOptions options = ServerOptions.defaults().backlog(backlog).reusePort(reusePort || loops > 1).noDelay(true);
        listener = runner.loop().createServer(() -> new NetConnection(server.newConnection()), host, requestedPort, options);
        port = listener.port();
        runner.addSite(this);
        try {
            for (int i = 1; i < loops; i++) {
                workers.add(LoopWorker.start("jasyncio-web-" + port + "-" + i, runner.app(), runner.options(),
                        (loop, factory) -> loop.createServer(factory, host, port, options)));
            }
        } catch (Exception e) {
            runner.removeSite(this);
            stopListening();
            finish();
            throw e;
        }
    }

    /** @return the port listened on (the kernel's choice if 0 was asked) */
    public int port() {
        if (listener == null) {
            throw new IllegalStateException("the site is not started");
        }
        return port;
    }

    /** @return the address listened on */
    public InetSocketAddress address() {
        return new InetSocketAddress(host, port());
    }

    @Override
    public String name() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + (listener != null ? port : requestedPort);
    }

    @Override
    void stopListening() throws Exception {
        if (listener != null) {
            listener.close();
        }
        for (LoopWorker w : workers) {
            w.stopListening();
        }
    }

    @Override
    void shutdownWorkers(double timeout) throws Exception {
        for (LoopWorker w : workers) {
            w.shutdown(timeout);
        }
    }

    @Override
    void finish() throws Exception {
        for (LoopWorker w : workers) {
            w.finish();
        }
        workers.clear();
    }

    List<LoopWorker> workers() {
        return workers;
    }

    private void checkNotStarted() {
        if (listener != null) {
            throw new IllegalStateException("the site is already started");
        }
    }
}
