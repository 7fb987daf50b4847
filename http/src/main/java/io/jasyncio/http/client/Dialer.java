package io.jasyncio.http.client;

import java.io.IOException;

/**
 * Opens new connections for a {@link TcpConnector}: resolves the host (off the loop thread),
 * connects, and for {@code https} performs the TLS handshake. The connector bounds each dial
 * with the {@code sock_connect} and {@code connect} deadlines by cancelling the dialing task, so
 * a dialer must be cancel-safe and close any half-open socket when cancelled.
 *
 * <p>Called from a task on the connector's loop.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=dialer}
 */
@FunctionalInterface
public interface Dialer {

    /**
     * @param key the server to connect to
     * @param tls how to verify the server for {@code https} keys
     * @return the open connection
     * @throws IOException if the connection could not be made (the connector wraps it in a
     *     {@link ClientConnectorError} naming the host and port)
     */
    ClientConnection dial(ConnectionKey key, TlsPolicy tls) throws IOException;
}
