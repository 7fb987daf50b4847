package io.jasyncio.http.web;

import io.jasyncio.net.Protocol;
import io.jasyncio.net.Server;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Serves a runner's application on a {@link Server} that a given function opens: the hook for
 * transports other than the loop's sockets, such as the testing module's simulated network.
 * The function receives the factory of the HTTP protocol (one per connection) and returns the
 * listening server; closing that server stops the site.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=serverSite}
 *
 * <p>Immutable once started; use from tasks of the runner's loop.
 */
public final class ServerSite extends BaseSite {

    /** Opens the listening server of a {@link ServerSite}. */
    @FunctionalInterface
    public interface Listener {

        /**
         * @param protocols makes the protocol of each accepted connection
         * @return the listening server, serving
         * @throws IOException if it cannot listen
         */
        Server listen(Supplier<? extends Protocol> protocols) throws IOException;
    }

    private final String url;
    private final Listener opener;
    private Server listener;

    /**
     * @param runner a runner (set up before {@link #start()})
     * @param url the URL clients use, as {@link #name()} reports it, such as {@code http://server:80}
     * @param opener opens the listening server
     */
    public ServerSite(AppRunner runner, String url, Listener opener) {
        super(Objects.requireNonNull(runner, "runner"));
        this.url = Objects.requireNonNull(url, "url");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public void start() throws Exception {
        if (listener != null) {
            throw new IllegalStateException("the site is already started");
        }
        WebServer server = runner.requireServer();
        Server opened = opener.listen(() -> new NetConnection(server.newConnection()));
        if (opened == null) {
            throw new IllegalStateException("the listener of " + url + " returned no server");
        }
        listener = opened;
        runner.addSite(this);
    }

    /** @return the listening server (null before {@link #start()}) */
    public Server server() {
        return listener;
    }

    @Override
    public String name() {
        return url;
    }

    @Override
    void stopListening() {
        if (listener != null) {
            listener.close();
        }
    }
}
