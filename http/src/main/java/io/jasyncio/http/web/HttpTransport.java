package io.jasyncio.http.web;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The byte pipe one HTTP connection runs over, as seen by its {@link HttpServerProtocol}: bytes
 * out, reading paused and resumed, closed. Bytes in, end of input, loss of the connection and
 * write back-pressure go the other way, as calls of the protocol's {@code dataReceived},
 * {@code eofReceived}, {@code connectionLost}, {@code pauseWriting} and {@code resumeWriting}.
 *
 * <p>The shape is asyncio's {@code Transport}, so that a socket transport adapts to it in a few
 * lines, and a test implements it in memory to drive the server with raw bytes and read the
 * exact bytes it answers.
 *
 * <p><b>Threads.</b> Called only from the connection's event loop (its thread or one of its
 * tasks); an implementation calls the protocol back on that loop too, never from inside
 * {@link #write}, {@link #close()} or {@link #abort()} (asyncio schedules {@code connection_lost}
 * with {@code call_soon}; so must an implementation).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=webServer}
 */
public interface HttpTransport {

    /**
     * Sends the bytes between the buffer's position and limit, advancing its position to the
     * limit. Never blocks: what the peer cannot take now is copied and sent later; the caller
     * may reuse the buffer as soon as this returns. Above the implementation's high-water mark it
     * calls the protocol's {@code pauseWriting()}. Bytes written after {@link #close()} or after
     * the connection was lost are dropped.
     *
     * @param data the bytes
     */
    void write(ByteBuffer data);

    /**
     * Sends part of a file straight from the file system when the transport can (a plain socket
     * with nothing buffered: {@link FileChannel#transferTo}), without copying it through the heap.
     *
     * @param file the file, open for reading
     * @param position where to start in the file
     * @param count how many bytes at most
     * @return how many bytes were sent (0 if the socket cannot take more now), or {@code -1} if
     *     the transport cannot send files directly right now: the caller then reads and
     *     {@link #write}s
     * @throws IOException if reading the file or writing the socket fails
     */
    default long sendFile(FileChannel file, long position, long count) throws IOException {
        return -1;
    }

    /** Stops delivering received bytes to the protocol until {@link #resumeReading()}. Idempotent. */
    void pauseReading();

    /** Resumes delivering received bytes. Idempotent. */
    void resumeReading();

    /**
     * Closes after the bytes already written are sent; the protocol's {@code connectionLost(null)}
     * follows. Idempotent.
     */
    void close();

    /** Closes at once, dropping unsent bytes; the protocol's {@code connectionLost(null)} follows. */
    void abort();

    /** @return whether {@link #close()} or {@link #abort()} was called or the connection was lost */
    boolean isClosing();

    /** @return the peer's address, or {@code null} if unknown */
    SocketAddress remoteAddress();

    /** @return the local address, or {@code null} if unknown */
    SocketAddress localAddress();

    /** @return whether the connection is encrypted (TLS), which makes the request scheme {@code https} */
    default boolean isSecure() {
        return false;
    }
}
