package io.jasyncio.http.client;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One byte-stream connection to a server, as the HTTP client uses it: bytes out, bytes in,
 * close, and whether it can carry another request. A {@link Dialer} makes them; the
 * {@link TcpConnector} pools them. The default dialer adapts the network layer's streams; tests
 * implement it in memory.
 *
 * <p><b>Threads.</b> Confined to the event loop that made it; the suspending methods must be
 * called from a task on that loop. At most one task reads at a time.
 *
 * <p><b>Cancellation.</b> {@link #read(int)} and {@link #drain()} must be cancel-safe: a task
 * cancelled while waiting gets {@link io.jasyncio.CancelledError} and no byte is lost or
 * duplicated (the client's timeouts are cancellations).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=dialer}
 */
public interface ClientConnection {

    /**
     * Queues bytes for sending; never suspends. The buffer is consumed (position to limit) and
     * may be reused by the caller after this returns.
     *
     * @param data the bytes to send
     * @throws IOException if the connection is closed or failed
     */
    void write(ByteBuffer data) throws IOException;

    /**
     * Suspends until the queued output is small enough to accept more (flow control).
     *
     * @throws IOException if the connection failed
     */
    void drain() throws IOException;

    /**
     * Suspends until at least one byte arrived or the peer closed its side.
     *
     * @param maxBytes the most bytes to return, at least 1
     * @return a fresh array of 1 to {@code maxBytes} bytes, owned by the caller; empty at end of
     *     stream
     * @throws IOException if the connection failed (for example reset by the peer)
     */
    byte[] read(int maxBytes) throws IOException;

    /**
     * Whether the connection can carry another request: still open in both directions, no
     * end-of-file or error seen, and no unread bytes waiting (a server that sent something
     * unasked, or closed, makes a pooled connection stale). Never suspends.
     *
     * @return whether it may be reused
     */
    boolean isReusable();

    /** Closes the connection; idempotent; never suspends. */
    void close();
}
