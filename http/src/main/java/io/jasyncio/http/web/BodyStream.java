package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The content of a request as a stream: aiohttp's {@code request.content} ({@code StreamReader}).
 * The connection pushes the content bytes in as they arrive (already de-chunked); a handler pulls
 * them out with the {@code read} methods, which suspend the handler's task until bytes, the end of
 * the content or an error arrive.
 *
 * <p><b>Memory.</b> Bytes are held only between their arrival and the handler's read. When more
 * than the server's body buffer size ({@link WebServerOptions#bodyBufferSize()}, 64 KiB by
 * default) is waiting, the connection stops reading from the socket until the handler has read
 * at least half of it, so a slow handler pushes back on a fast client instead of buffering. No
 * size limit applies here: {@link Request#read()} and the other whole-body readers enforce
 * {@link Application#clientMaxSize()}, a handler that streams decides for itself.
 *
 * <p><b>{@code Expect: 100-continue}.</b> The first read (of any kind) sends {@code 100 Continue}
 * if the client asked for it, so a handler that rejects a request without reading its content
 * never makes the client send it.
 *
 * <p><b>Errors.</b> Bytes that arrived before an error are still delivered; then reads throw it:
 * an {@link io.jasyncio.http.codec.HttpParseException} for malformed chunked framing, a
 * {@link java.net.SocketException} when the client went away, an {@link EOFException} when the
 * content ended early.
 *
 * <p><b>Threads.</b> Reads must be called from a task of the connection's loop (normally the
 * request's handler); one reader at a time.
 */
public final class BodyStream {

    /** What a stream tells the connection that feeds it. */
    interface Owner {
        /** The handler is about to read for the first time. */
        void bodyFirstRead();

        /** Fewer bytes are buffered than half the buffer size: reading may resume. */
        void bodyDrained();
    }

    private static final byte[] NO_BYTES = new byte[0];
    /** Longest line {@link #readLine()} returns, as aiohttp's default stream limit. */
    public static final int MAX_LINE = 64 * 1024;

    private final Owner owner;
    private final int lowWater;
    private ArrayDeque<byte[]> chunks;
    /** Bytes of the first chunk already read. */
    private int offset;
    private long buffered;
    private long received;
    private boolean eof;
    private boolean discarding;
    private boolean firstReadDone;
    private Throwable error;
    private Future<Void> waiter;

    BodyStream(Owner owner, int bufferSize) {
        this.owner = owner;
        this.lowWater = bufferSize / 2;
    }

    /** @return a stream that is already at its end, for a request without content */
    static BodyStream empty() {
        BodyStream s = new BodyStream(null, 0);
        s.eof = true;
        return s;
    }

    // ---------------------------------------------------------------- feeding (connection side)

    /** Copies the slice's bytes in; they may be overwritten after this returns. */
    void feed(ByteBuffer slice) {
        int n = slice.remaining();
        received += n;
        if (discarding || n == 0) {
            return;
        }
        byte[] copy = new byte[n];
        slice.get(slice.position(), copy);
        if (chunks == null) {
            chunks = new ArrayDeque<>(4);
        }
        chunks.add(copy);
        buffered += n;
        wake();
    }

    /** The content is complete. */
    void feedEof() {
        eof = true;
        wake();
    }

    /** Reads will throw {@code e} once the bytes buffered before it are read. */
    void fail(Throwable e) {
        if (error == null && !eof) {
            error = e;
        }
        wake();
    }

    /** Drops what is buffered and everything that arrives from now on (the handler is done). */
    void discard() {
        discarding = true;
        if (chunks != null) {
            chunks.clear();
        }
        buffered = 0;
        offset = 0;
    }

    /** @return bytes waiting to be read */
    long bufferedBytes() {
        return buffered;
    }

    /** @return content bytes received so far, read or not */
    long receivedBytes() {
        return received;
    }

    /** @return whether the end of the content has arrived (not necessarily been read) */
    boolean eofReceived() {
        return eof;
    }

    private void wake() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.done()) {
                w.setResult(null);
            }
        }
    }

    // ---------------------------------------------------------------- reading (handler side)

    /**
     * Reads up to {@code n} bytes: aiohttp's {@code read(n)}. Suspends until at least one byte
     * or the end arrives.
     *
     * @param n the most bytes to return; {@code -1} (or any negative) reads to the end
     * @return the bytes; empty at the end of the content
     * @throws IOException if the content is malformed or the connection was lost
     */
    public byte[] read(int n) throws IOException {
        if (n < 0) {
            return read();
        }
        if (n == 0) {
            return NO_BYTES;
        }
        if (!awaitData()) {
            return NO_BYTES;
        }
        return take(n);
    }

    /**
     * Reads everything up to the end of the content: aiohttp's {@code read()}. No size limit
     * applies; prefer {@link Request#read()}, which enforces {@link Application#clientMaxSize()}.
     *
     * @return all remaining bytes
     * @throws IOException if the content is malformed or the connection was lost
     */
    public byte[] read() throws IOException {
        byte[] out = NO_BYTES;
        int len = 0;
        while (awaitData()) {
            byte[] part = take(Integer.MAX_VALUE);
            if (len == 0) {
                out = part;
                len = part.length;
                continue;
            }
            if (len + part.length > out.length) {
                out = Arrays.copyOf(out, Math.max(len + part.length, out.length * 2));
            }
            System.arraycopy(part, 0, out, len, part.length);
            len += part.length;
        }
        return len == out.length ? out : Arrays.copyOf(out, len);
    }

    /**
     * Reads whatever is buffered, at least one byte, without waiting for more: aiohttp's
     * {@code readany()}.
     *
     * @return the bytes; empty at the end of the content
     * @throws IOException if the content is malformed or the connection was lost
     */
    public byte[] readAny() throws IOException {
        if (!awaitData()) {
            return NO_BYTES;
        }
        return take(Integer.MAX_VALUE);
    }

    /**
     * Reads exactly {@code n} bytes: aiohttp's {@code readexactly(n)}.
     *
     * @param n how many
     * @return the bytes
     * @throws EOFException if the content ends first (the bytes read are lost, as in asyncio)
     * @throws IOException if the content is malformed or the connection was lost
     */
    public byte[] readExactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly size must not be negative: " + n);
        }
        byte[] out = new byte[n];
        int len = 0;
        while (len < n) {
            if (!awaitData()) {
                throw new EOFException(len + " bytes read of " + n + " expected: the request content ended");
            }
            byte[] part = take(n - len);
            System.arraycopy(part, 0, out, len, part.length);
            len += part.length;
        }
        return out;
    }

    /**
     * Reads one line, up to and including {@code \n}: aiohttp's {@code readline()}. At the end of
     * the content the last line may lack its {@code \n}.
     *
     * @return the line; empty at the end of the content
     * @throws IOException if the line is longer than {@link #MAX_LINE}, the content is malformed
     *     or the connection was lost
     */
    public byte[] readLine() throws IOException {
        byte[] out = NO_BYTES;
        int len = 0;
        while (awaitData()) {
            byte[] first = chunks.peek();
            int end = -1;
            for (int i = offset; i < first.length; i++) {
                if (first[i] == '\n') {
                    end = i + 1;
                    break;
                }
            }
            int take = (end >= 0 ? end : first.length) - offset;
            if (len + take > MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes in the request content");
            }
            byte[] part = take(take);
            if (len + part.length > out.length) {
                out = Arrays.copyOf(out, Math.max(len + part.length, Math.max(64, out.length * 2)));
            }
            System.arraycopy(part, 0, out, len, part.length);
            len += part.length;
            if (end >= 0) {
                break;
            }
        }
        return len == out.length ? out : Arrays.copyOf(out, len);
    }

    /** @return whether the end of the content was reached and every byte read: aiohttp's {@code at_eof()} */
    public boolean atEof() {
        return eof && buffered == 0;
    }

    /**
     * Waits until a byte is buffered or the stream ends.
     *
     * @return true if bytes are buffered, false at the end
     */
    private boolean awaitData() throws IOException {
        if (!firstReadDone) {
            firstReadDone = true;
            if (owner != null) {
                owner.bodyFirstRead();
            }
        }
        while (buffered == 0) {
            if (error != null) {
                throw asIo(error);
            }
            if (eof || discarding) {
                return false;
            }
            Future<Void> w = new Future<>(Asyncio.getRunningLoop());
            waiter = w;
            try {
                Asyncio.await(w);
            } catch (CancelledError | IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            } finally {
                if (waiter == w) {
                    waiter = null;
                }
            }
        }
        return true;
    }

    /** Takes up to {@code max} bytes from the first chunk. */
    private byte[] take(int max) {
        byte[] first = chunks.peek();
        int avail = first.length - offset;
        byte[] out;
        if (offset == 0 && avail <= max) {
            out = first;
            chunks.poll();
        } else {
            int n = Math.min(avail, max);
            out = Arrays.copyOfRange(first, offset, offset + n);
            offset += n;
            if (offset == first.length) {
                chunks.poll();
                offset = 0;
            }
        }
        long before = buffered;
        buffered -= out.length;
        if (owner != null && before >= lowWater && buffered < lowWater) {
            owner.bodyDrained();
        }
        return out;
    }

    private static IOException asIo(Throwable e) {
        if (e instanceof IOException io) {
            return io;
        }
        return new IOException(e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "<BodyStream buffered=" + buffered + " received=" + received + (eof ? " eof" : "")
                + (error != null ? " error=" + error : "") + ">";
    }
}
