package io.jasyncio.net;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The write side of a transport: Python's {@code asyncio.WriteTransport}. Loop context only (see
 * {@link BaseTransport}).
 *
 * <p><b>Writing</b> never blocks: {@link #write(ByteBuffer)} tries the socket at once and keeps a
 * copy of whatever the socket did not take, to send when it becomes writable. The caller may reuse
 * its array or buffer as soon as {@code write} returns.
 *
 * <p><b>Flow control.</b> When the buffered bytes grow above the high-water mark the protocol's
 * {@link BaseProtocol#pauseWriting()} is called; when they drain to the low-water mark,
 * {@link BaseProtocol#resumeWriting()}. Defaults are CPython's: 64 KiB high, 16 KiB low.
 *
 * <p><b>After close.</b> As in CPython, data written after the connection was lost (closed,
 * aborted or failed) is dropped; the fifth such write and every later one log a warning. Code
 * that needs to know calls {@code StreamWriter.drain()}, which raises the connection's error.
 * Writing after {@link #writeEof()} is a programming error and throws
 * {@link IllegalStateException}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=flowControl}
 */
public interface WriteTransport extends BaseTransport {

    /** The default high-water mark of the write buffer, in bytes (CPython's). */
    int DEFAULT_HIGH_WATER = 64 * 1024;

    /**
     * Writes the bytes between the buffer's position and limit; the position is advanced to the
     * limit. A direct buffer is written without a copy.
     *
     * @param data the bytes to send
     * @throws IllegalStateException after {@link #writeEof()}
     */
    void write(ByteBuffer data);

    /**
     * @param data the bytes to send
     * @throws IllegalStateException after {@link #writeEof()}
     */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /**
     * @param data an array holding the bytes to send
     * @param offset where they start
     * @param length how many
     * @throws IllegalStateException after {@link #writeEof()}
     */
    default void write(byte[] data, int offset, int length) {
        write(ByteBuffer.wrap(data, offset, length));
    }

    /**
     * Writes several pieces, in order: {@code transport.writelines(list)}.
     *
     * @param pieces the pieces
     */
    default void writelines(List<byte[]> pieces) {
        for (byte[] piece : pieces) {
            write(piece);
        }
    }

    /**
     * Closes the write side after the buffered data is sent (a TCP half-close); the peer's read
     * returns end-of-file, and this side can still receive.
     */
    void writeEof();

    /** @return whether {@link #writeEof()} is supported (true for TCP and Unix sockets) */
    boolean canWriteEof();

    /** Closes at once: buffered data is dropped, then the protocol's {@code connectionLost(null)}. */
    void abort();

    /**
     * Sets the flow-control marks: {@code set_write_buffer_limits(high, low)}.
     *
     * @param high the high-water mark in bytes
     * @param low the low-water mark in bytes
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    void setWriteBufferLimits(int high, int low);

    /**
     * Sets the high-water mark; the low one becomes a quarter of it, as in CPython.
     *
     * @param high the high-water mark in bytes
     */
    default void setWriteBufferLimits(int high) {
        setWriteBufferLimits(high, high / 4);
    }

    /** @return the marks, {@code {low, high}}, as CPython's {@code get_write_buffer_limits()} */
    int[] getWriteBufferLimits();

    /** @return how many bytes are buffered, waiting for the socket */
    long getWriteBufferSize();
}
