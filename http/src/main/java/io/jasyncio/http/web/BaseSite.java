package io.jasyncio.http.web;

import java.io.IOException;

/**
 * Where an {@link AppRunner} accepts connections: aiohttp's {@code BaseSite}. {@link TcpSite}
 * listens on a host and port (optionally on several loops), {@link UnixSite} on a Unix-domain
 * socket, {@link ServerSite} on any {@link io.jasyncio.net.Server} a function opens (such as a
 * simulated network's). Create it with the runner after {@link AppRunner#setup()}, then {@link #start()}; the
 * runner's {@link AppRunner#cleanup()} stops it.
 *
 * <p>Used from tasks of the runner's loop.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=unixSite}
 */
public abstract sealed class BaseSite permits TcpSite, UnixSite, ServerSite {

    /** The runner whose application this site serves. */
    protected final AppRunner runner;

    BaseSite(AppRunner runner) {
        this.runner = runner;
    }

    /**
     * Starts listening.
     *
     * @throws IOException if the address cannot be bound (a {@link java.net.BindException} if it is in use)
     * @throws IllegalStateException if the runner is not set up, or the site already started
     */
    public abstract void start() throws Exception;

    /** @return the URL clients use, such as {@code http://127.0.0.1:8080} or {@code http://unix:/tmp/s.sock:} */
    public abstract String name();

    /** Stops accepting connections (open ones are the runner's to shut down). */
    abstract void stopListening() throws Exception;

    /** Shuts down the connections of the site's extra loops, if any. */
    void shutdownWorkers(double timeout) throws Exception {
    }

    /** Ends the site's extra loops, if any. */
    void finish() throws Exception {
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + name() + ">";
    }
}
