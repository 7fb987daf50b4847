package io.jasyncio.http.client;

import java.nio.ByteBuffer;

/**
 * A connection that answered {@code 101 Switching Protocols} to a request made for an upgrade
 * ({@code wsConnect}): it left the HTTP client and belongs to the new protocol. It stands as the
 * empty body of the 101 response, so that a response closed before anyone {@linkplain #take()
 * took} the connection still gives its pool slot back (closing the connection); once taken, the
 * new owner releases it, never to the idle pool.
 *
 * <p>Loop-confined.
 */
final class UpgradedConnection implements BodySource {

    final TcpConnector connector;
    final Lease lease;
    /** Bytes read past the 101 head: the first bytes of the new protocol. */
    final ByteBuffer unparsed;
    private boolean taken;

    UpgradedConnection(TcpConnector connector, Lease lease, ByteBuffer unparsed) {
        this.connector = connector;
        this.lease = lease;
        this.unparsed = unparsed;
    }

    /** Hands the connection to the new protocol; the response no longer releases it. */
    ClientConnection take() {
        taken = true;
        return lease.connection;
    }

    /** Gives the slot back and closes the connection (never pooled). Idempotent. */
    void release() {
        connector.release(lease, false);
    }

    @Override
    public ByteBuffer next() {
        return null;
    }

    @Override
    public void finished(boolean clean) {
        if (!taken) {
            release();
        }
    }
}
