package io.jasyncio.http.client;

/**
 * A connection taken from a {@link TcpConnector} together with its pool slot, held by one
 * request and its response until {@link TcpConnector#release} gives both back (exactly once:
 * later releases do nothing).
 *
 * <p>Loop-confined. {@code protocol} is the HTTP/1.1 state the client keeps per connection (its
 * parser); it travels with the connection through the idle pool.
 */
final class Lease {

    final ConnectionKey key;
    final ClientConnection connection;
    final boolean reused;
    Http1Connection protocol;
    boolean released;

    Lease(ConnectionKey key, ClientConnection connection, boolean reused, Http1Connection protocol) {
        this.key = key;
        this.connection = connection;
        this.reused = reused;
        this.protocol = protocol;
    }

    @Override
    public String toString() {
        return "Lease[" + key + (reused ? ", reused" : "") + (released ? ", released" : "") + "]";
    }
}
