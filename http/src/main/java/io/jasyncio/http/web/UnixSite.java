package io.jasyncio.http.web;

import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Serves a runner's application on a Unix-domain socket: aiohttp's {@code web.UnixSite}, for a
 * server behind a local reverse proxy. The socket file is removed when the site stops.
 *
 * <p>Request remote addresses are Unix-socket addresses ({@link Request#remote()} is then
 * {@code null}). Use from tasks of the runner's loop.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=unixSite}
 */
public final class UnixSite extends BaseSite {

    private final Path path;
    private Server listener;

    /**
     * @param runner a runner (set up before {@link #start()})
     * @param path where to create the socket file
     */
    public UnixSite(AppRunner runner, Path path) {
        super(Objects.requireNonNull(runner, "runner"));
        this.path = Objects.requireNonNull(path, "path");
    }

    /** @return the socket file */
    public Path path() {
        return path;
    }

    @Override
    public void start() throws Exception {
        if (listener != null) {
            throw new IllegalStateException("the site is already started");
        }
        WebServer server = runner.requireServer();
        listener = runner.loop().createUnixServer(() -> new NetConnection(server.newConnection()), path,
                ServerOptions.defaults());
        runner.addSite(this);
    }

    @Override
    public String name() {
        return "http://unix:" + path + ":";
    }

    @Override
    void stopListening() {
        if (listener != null) {
            listener.close();
        }
    }
}
