package io.jasyncio.http.ws;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte pipe under a {@link WebSocketConnection}: bytes out, flow control, reading paused
 * and resumed, closed. Bytes in go the other way, as calls of the connection's
 * {@link WebSocketConnection#feed feed}, {@link WebSocketConnection#feedEof feedEof} and
 * {@link WebSocketConnection#connectionLost connectionLost} by whoever owns the socket (the
 * server's HTTP protocol after the upgrade, the client's reader task, or a test's in-memory pipe).
 *
 * <p>The shape is asyncio's {@code Transport} plus {@code StreamWriter.drain}: {@link #write}
 * never suspends and queues what the peer cannot take yet; {@link #drain()} suspends the calling
 * task while too much is queued.
 *
 * <p><b>Threads.</b> Called only from the connection's event loop (its thread or one of its
 * tasks). An implementation must never call the connection back from inside {@link #write},
 * {@link #close()} or {@link #abort()}: it schedules such calls (asyncio's rule for
 * {@code connection_lost}).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=connection}
 */
public interface WsTransport {

    /**
     * Queues the bytes between the buffer's position and limit for sending, advancing its
     * position to the limit. Never suspends and never throws for a lost connection: bytes written
     * after {@link #close()} or after the connection was lost are dropped (the next
     * {@link #drain()} reports the loss).
     *
     * @param data the bytes; the caller may reuse the buffer once this returns
     */
    void write(ByteBuffer data);

    /**
     * Suspends the calling task until the queued output is below the transport's high-water
     * mark. Several tasks may wait at once; all are released together. Cancel-safe.
     *
     * @throws IOException if the connection was lost or closed
     */
    void drain() throws IOException;

    /** Stops delivering received bytes until {@link #resumeReading()}. Idempotent. */
    void pauseReading();

    /** Resumes delivering received bytes. Idempotent. */
    void resumeReading();

    /** Closes once the queued bytes are sent. Idempotent; never suspends. */
    void close();

    /** Closes at once, dropping queued bytes. Idempotent; never suspends. */
    void abort();
}
