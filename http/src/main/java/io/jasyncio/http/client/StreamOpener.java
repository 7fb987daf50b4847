package io.jasyncio.http.client;

import io.jasyncio.net.Connection;
import java.io.IOException;

/**
 * Opens a plain stream connection to a host and port, as {@code Streams.openConnection} does:
 * what {@link Dialer#overStreams(StreamOpener)} needs to carry the client over another network,
 * such as the testing module's simulated one
 * ({@code (host, port) -> net.host("client").openConnection(host, port)}).
 *
 * <p>Called from a task on the client's loop; must be cancel-safe, as a {@link Dialer}.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=streamOpener}
 */
@FunctionalInterface
public interface StreamOpener {

    /**
     * @param host the server's host name, as in the URL
     * @param port its port
     * @return the connection's reader and writer
     * @throws IOException if it cannot be opened
     */
    Connection open(String host, int port) throws IOException;
}
