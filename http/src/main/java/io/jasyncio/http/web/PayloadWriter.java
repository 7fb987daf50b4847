package io.jasyncio.http.web;

import io.jasyncio.http.codec.HttpWriter;
import io.jasyncio.http.encoding.ContentEncoder;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;

/**
 * Frames the body of one streamed response on the wire: aiohttp's {@code StreamWriter}. The
 * framing is chosen when the response is prepared and never changes:
 * <ul>
 *   <li>{@link #NONE}: no body goes out (HEAD, 1xx, 204, 304); writes are dropped;</li>
 *   <li>{@link #LENGTH}: exactly the announced {@code Content-Length} bytes; writing more throws,
 *       ending with fewer makes the connection close (the client would wait forever);</li>
 *   <li>{@link #CHUNKED}: each write is one chunk, then the last chunk;</li>
 *   <li>{@link #UNTIL_CLOSE}: raw bytes, and the connection closes after them (HTTP/1.0 clients
 *       when the length is unknown).</li>
 * </ul>
 * With a content coding, bytes pass through the encoder first (which flushes on
 * {@link #flush()}). Files go out with {@link HttpTransport#sendFile} when the transport can
 * and no encoder is in the way.
 *
 * <p>Confined to the request's task on the connection's loop.
 */
final class PayloadWriter {

    static final int NONE = 0;
    static final int LENGTH = 1;
    static final int CHUNKED = 2;
    static final int UNTIL_CLOSE = 3;

    /** Chunks up to this size are framed in one copied buffer; larger ones in three, without a copy. */
    private static final int COPY_CHUNK_MAX = 8192;
    private static final int FILE_CHUNK = 64 * 1024;

    private final HttpServerProtocol conn;
    private final int mode;
    private long remaining;
    private ContentEncoder encoder;
    private final Consumer<ByteBuffer> framed = this::writeFramed;
    private long sent;
    private boolean finished;

    PayloadWriter(HttpServerProtocol conn, int mode, long length, ContentEncoder encoder) {
        this.conn = conn;
        this.mode = mode;
        this.remaining = length;
        this.encoder = encoder;
    }

    /** @return body bytes put on the wire so far (after compression, before chunk framing) */
    long sent() {
        return sent;
    }

    /** @return whether the last write ended the body properly */
    boolean finished() {
        return finished;
    }

    void write(ByteBuffer data) throws IOException {
        if (finished) {
            throw new IllegalStateException("the response's body is complete: write after writeEof");
        }
        conn.checkAlive();
        if (mode == NONE) {
            data.position(data.limit());
            return;
        }
        if (encoder != null) {
            encoder.encode(data, framed);
        } else {
            writeFramed(data);
        }
    }

    /** Pushes out what a content coding holds back (for streams read as they arrive). */
    void flush() {
        if (encoder != null && !finished && mode != NONE) {
            encoder.flush(framed);
        }
    }

    private void writeFramed(ByteBuffer b) {
        int n = b.remaining();
        if (n == 0) {
            return;
        }
        HttpTransport t = conn.transport();
        switch (mode) {
            case LENGTH -> {
                if (n > remaining) {
                    throw new IllegalStateException("the response body is longer than its Content-Length: "
                            + n + " more bytes with " + remaining + " left");
                }
                remaining -= n;
                t.write(b);
            }
            case CHUNKED -> {
                if (n <= COPY_CHUNK_MAX) {
                    t.write(HttpWriter.chunk(b));
                } else {
                    for (ByteBuffer part : HttpWriter.chunkParts(b)) {
                        t.write(part);
                    }
                }
                b.position(b.limit());
            }
            default -> t.write(b);
        }
        sent += n;
    }

    /**
     * Ends the body: flushes the encoder, writes the last chunk.
     *
     * @return whether the body is complete as framed (false: a Content-Length was not reached,
     *     so the connection must close)
     */
    boolean finish() throws IOException {
        if (finished) {
            return true;
        }
        conn.checkAlive();
        finished = true;
        try {
            if (encoder != null) {
                if (mode != NONE) {
                    encoder.finish(framed);
                }
                encoder.close();
                encoder = null;
            }
        } finally {
            if (encoder != null) {
                encoder.close();
            }
        }
        if (mode == CHUNKED) {
            conn.transport().write(conn.writer().lastChunk(null));
        }
        return mode != LENGTH || remaining == 0;
    }

    /** Frees the encoder if the body was never finished. */
    void release() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }

    /**
     * Sends {@code count} bytes of a file from {@code position}, suspending while the transport
     * is above its high-water mark.
     */
    void sendFile(FileChannel file, long position, long count) throws IOException {
        if (mode == NONE) {
            return;
        }
        long pos = position;
        long left = count;
        boolean direct = encoder == null && mode == LENGTH;  // else bytes must pass through framing
        ByteBuffer buf = null;
        while (left > 0) {
            conn.checkAlive();
            if (direct) {
                if (left > remaining) {
                    throw new IllegalStateException("the file is longer than the response's Content-Length");
                }
                long n = conn.transport().sendFile(file, pos, left);
                if (n > 0) {
                    pos += n;
                    left -= n;
                    remaining -= n;
                    sent += n;
                    continue;
                }
            }
            if (buf == null) {
                buf = ByteBuffer.allocate((int) Math.min(FILE_CHUNK, left));
            }
            buf.clear().limit((int) Math.min(buf.capacity(), left));
            while (buf.hasRemaining()) {
                int r = file.read(buf, pos + buf.position());
                if (r < 0) {
                    throw new EOFException("the file ended " + (left - buf.position()) + " bytes early (it shrank)");
                }
            }
            buf.flip();
            int n = buf.remaining();
            write(buf);
            pos += n;
            left -= n;
            conn.drain();
        }
        conn.drain();
    }
}
