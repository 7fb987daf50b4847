package io.jasyncio.http.client;

import java.io.IOException;

/**
 * Opens new connections for a {@link TcpConnector}: resolves the host (off the loop thread),
 * connects, and for {@code https} performs the TLS handshake. The connector bounds each dial
 * with the {@code sock_connect} and {@code connect} deadlines by cancelling the dialing task, so
 * a dialer must be cancel-safe and close any half-open socket when cancelled.
 *
 * <p>Called from a task on the connector's loop.
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
}
