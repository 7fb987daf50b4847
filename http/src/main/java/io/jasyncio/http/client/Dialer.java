package io.jasyncio.http.client;

import java.io.IOException;

/**
 * Opens new connections for a {@link TcpConnector}: resolves the host (off the loop thread),
 * connects, and for {@code https} performs the TLS handshake. For a request through a proxy the
 * connector dials the proxy's own (plain {@code http}) key, and for an {@code https} target asks
 * {@link #startTls} to turn the tunnel it opened with {@code CONNECT} into TLS with the target. The connector bounds each dial
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

    /**
     * A dialer over any stream connections: {@code opener} connects, and {@code https} is layered
     * on with {@code StreamWriter.startTls}, verified as by the default dialer.
     *
     * <pre>{@code
     * ClientSession session = ClientSession.builder()
     *         .dialer(Dialer.overStreams((host, port) -> net.host("client").openConnection(host, port)))
     *         .build();
     * }</pre>
     *
     * @param opener opens a plain connection to a host and port
     * @return the dialer
     */
    static Dialer overStreams(StreamOpener opener) {
        return new OpenerDialer(java.util.Objects.requireNonNull(opener, "opener"));
    }

    /**
     * Starts TLS with {@code target} over a connection this dialer made (a proxy tunnel): the
     * handshake verifies the target's certificate and host name as {@code tls} says.
     *
     * @param connection a connection from {@link #dial}, with nothing unread
     * @param target the server at the far end of the tunnel
     * @param tls how to verify it
     * @return the connection that now carries plaintext over TLS (may be {@code connection})
     * @throws IOException if the handshake failed, or this dialer cannot start TLS (the default)
     */
    default ClientConnection startTls(ClientConnection connection, ConnectionKey target, TlsPolicy tls)
            throws IOException {
        throw new IOException("this Dialer (" + getClass().getName() + ") cannot start TLS inside a proxy tunnel to "
                + target);
    }
}
