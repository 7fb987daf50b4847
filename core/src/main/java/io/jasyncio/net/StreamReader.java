package io.jasyncio.net;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.internal.net.Awaits;
import io.jasyncio.internal.net.ByteChunks;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The incoming side of a stream connection: Python's {@code asyncio.StreamReader}. The reading
 * methods suspend the calling task until enough bytes have arrived, and return them directly.
 *
 * <p><b>Buffering and back-pressure.</b> Bytes that arrive before they are read wait in the
 * reader's buffer. When it holds more than twice the {@linkplain #limit() limit} (64 KiB by
 * default) the transport stops reading from the socket, so a peer that sends faster than the task
 * reads fills the kernel buffers and is slowed down; reading resumes once the buffer is down to the
 * limit. Memory per connection stays bounded whatever the peer does.
 *
 * <p><b>Threads.</b> Loop context only; only one task may wait on a reader at a time (a second
 * one gets {@link IllegalStateException}, as CPython's {@code RuntimeError}).
 *
 * <p><b>End and errors.</b> After the peer's end-of-file, reads return what is buffered, then
 * empty arrays. If the connection failed, every read throws its exception (an
 * {@link IOException} that names what happened).
 *
 * <p>Cancellation: every reading method is cancel-safe: a task cancelled while waiting gets
 * {@link io.jasyncio.CancelledError}, and the bytes that had arrived stay in the buffer for the
 * next read.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=reader}
 */
public class StreamReader {

    /** The default buffer limit, in bytes (CPython's {@code _DEFAULT_LIMIT}, 64 KiB). */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] EMPTY = new byte[0];

    private final EventLoop loop;
    private final int limit;
    private final ByteChunks buffer = new ByteChunks();
    private boolean eof;
    private Future<Void> waiter;
    private Throwable exception;
    private ReadTransport transport;
    private boolean paused;
    private boolean pulling;

    /**
     * Creates a reader with the default limit; streams made by {@link Streams} come with theirs.
     *
     * @param loop the loop whose tasks will read
     */
    public StreamReader(EventLoop loop) {
        this(loop, DEFAULT_LIMIT);
    }

    /**
     * @param loop the loop whose tasks will read
     * @param limit the buffer limit in bytes (see the class comment)
     */
    public StreamReader(EventLoop loop, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0: " + limit);
        }
        this.loop = Objects.requireNonNull(loop, "loop");
        this.limit = limit;
    }

    /** @return the buffer limit in bytes */
    public int limit() {
        return limit;
    }

    /** @return how many bytes are buffered, waiting to be read */
    public int buffered() {
        return buffer.size();
    }

    /** @return the exception the stream failed with, or {@code null} */
    public Throwable exception() {
        return exception;
    }

    /**
     * Makes the stream fail: waiting and later reads throw {@code exc}.
     *
     * @param exc the error
     */
    public void setException(Throwable exc) {
        this.exception = Objects.requireNonNull(exc, "exc");
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setException(exc);
            }
        }
    }

    /**
     * Connects the reader to the transport it pauses and resumes (done by the stream protocol).
     *
     * @param transport the transport
     * @throws IllegalStateException if a transport was already set
     */
    public void setTransport(ReadTransport transport) {
        if (this.transport != null) {
            throw new IllegalStateException("Transport already set");
        }
        this.transport = transport;
    }

    /**
     * After {@code startTls}: pausing and resuming go to the TLS transport from now on.
     *
     * @param t the new transport
     */
    void replaceTransport(ReadTransport t) {
        this.transport = t;
    }

    /**
     * Adds bytes to the buffer and wakes a waiting reader (the stream protocol calls it).
     *
     * @param data bytes the reader now owns
     * @throws IllegalStateException after {@link #feedEof()}
     */
    public void feedData(byte[] data) {
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
        if (data.length == 0) {
            return;
        }
        buffer.add(data);
        wakeupWaiter();
        if (transport != null && !paused && buffer.size() > 2 * limit) {
            transport.pauseReading();
            paused = true;
        }
    }

    /** Records the end of the stream and wakes a waiting reader. */
    public void feedEof() {
        eof = true;
        wakeupWaiter();
    }

    /** @return whether the stream ended and everything was read */
    public boolean atEof() {
        return eof && buffer.size() == 0;
    }

    private void wakeupWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setResult(null);
            }
        }
    }

    private void maybeResumeTransport() {
        if (paused && buffer.size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    /**
     * Called by a reading method that needs more bytes than are buffered, before the stream has
     * ended, in the reading task and before it would wait. A reader that produces its bytes on
     * demand (pulling them from a source in the reading task, as the HTTP client's response content
     * does) overrides it: it may suspend, and before returning {@code true} it must have fed at
     * least one byte ({@link #feedData}), the end ({@link #feedEof}) or an error
     * ({@link #setException}). The default returns {@code false}: the reader waits for its protocol
     * to feed it.
     *
     * @return whether something was fed, so the read re-checks the buffer instead of waiting
     * @throws IOException may be thrown instead of {@link #setException} for an error that should
     *     reach only this read
     */
    protected boolean pullData() throws IOException {
        return false;
    }

    private void waitForData(String what) throws IOException {
        if (waiter != null || pulling) {
            throw new IllegalStateException(what + "() called while another task is already waiting for incoming data");
        }
        pulling = true;
        try {
            if (pullData()) {
                return;
            }
        } finally {
            pulling = false;
        }
        if (paused) {
            // Waiting while paused would deadlock (readExactly(n) with n > limit): resume.
            paused = false;
            transport.resumeReading();
        }
        Future<Void> w = loop.createFuture();
        waiter = w;
        try {
            Awaits.await(w);
        } finally {
            if (waiter == w) {
                waiter = null;
            }
        }
    }

    private void throwIfFailed() throws IOException {
        if (exception != null) {
            throw Awaits.rethrow(exception);
        }
    }

    /**
     * Reads up to {@code n} bytes: as soon as at least one byte is buffered, returns what is there
     * (at most {@code n}). {@code read(0)} returns an empty array at once. The result is not limited
     * by {@link #limit()}.
     *
     * @param n the most bytes to return; {@code -1} reads to the end ({@link #read()})
     * @return the bytes; an empty array at the end of the stream
     * @throws IOException the connection's error
     */
    public byte[] read(int n) throws IOException {
        throwIfFailed();
        if (n == 0) {
            return EMPTY;
        }
        if (n < 0) {
            return read();
        }
        if (buffer.size() == 0 && !eof) {
            waitForData("read");
            throwIfFailed();
        }
        byte[] data = buffer.take(Math.min(n, buffer.size()));
        maybeResumeTransport();
        return data;
    }

    /**
     * Reads until the end of the stream: {@code read(-1)}.
     *
     * @return every remaining byte
     * @throws IOException the connection's error
     */
    public byte[] read() throws IOException {
        throwIfFailed();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            byte[] block = read(limit);
            if (block.length == 0) {
                break;
            }
            out.write(block, 0, block.length);
        }
        return out.toByteArray();
    }

    /**
     * Reads one line, up to and including {@code '\n'}. At the end of the stream returns the
     * incomplete last line (without {@code '\n'}), then empty arrays.
     *
     * @return the line
     * @throws LimitOverrunError if the line (without its newline) is longer than the limit; the
     *     line is discarded from the buffer (all of it if its end has not arrived yet)
     * @throws IOException the connection's error
     */
    public byte[] readLine() throws IOException {
        try {
            return readUntil(NEWLINE);
        } catch (IncompleteReadError e) {
            return e.partial();
        } catch (LimitOverrunError e) {
            if (buffer.startsWith(NEWLINE, e.consumed())) {
                buffer.skip(e.consumed() + NEWLINE.length);
            } else {
                buffer.clear();
            }
            maybeResumeTransport();
            throw e;
        }
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n how many (zero returns an empty array)
     * @return the bytes
     * @throws IncompleteReadError if the stream ends first; it carries the bytes that had arrived
     * @throws IOException the connection's error
     */
    public byte[] readExactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly size can not be less than zero: " + n);
        }
        throwIfFailed();
        if (n == 0) {
            return EMPTY;
        }
        while (buffer.size() < n) {
            if (eof) {
                byte[] incomplete = buffer.takeAll();
                throw new IncompleteReadError(incomplete, n);
            }
            waitForData("readExactly");
            throwIfFailed();
        }
        byte[] data = buffer.take(n);
        maybeResumeTransport();
        return data;
    }

    /**
     * Reads up to and including {@code separator}.
     *
     * @param separator the bytes that end the chunk (non-empty)
     * @return the chunk, separator included
     * @throws IncompleteReadError if the stream ends before the separator; it carries the rest of
     *     the buffer, which is emptied
     * @throws LimitOverrunError if no separator is found within the limit; the data stays buffered
     * @throws IOException the connection's error
     */
    public byte[] readUntil(byte[] separator) throws IOException {
        return readUntil(List.of(separator));
    }

    /**
     * Reads up to and including whichever separator ends the shortest chunk (Python 3.13's
     * {@code readuntil} with a tuple).
     *
     * @param separators the possible separators (each non-empty)
     * @return the chunk, separator included
     * @throws IncompleteReadError if the stream ends before any separator
     * @throws LimitOverrunError if no separator is found within the limit; the data stays buffered
     * @throws IOException the connection's error
     */
    public byte[] readUntil(List<byte[]> separators) throws IOException {
        if (separators.isEmpty()) {
            throw new IllegalArgumentException("Must provide at least one separator");
        }
        int minLen = Integer.MAX_VALUE;
        int maxLen = 0;
        for (byte[] s : separators) {
            if (s.length == 0) {
                throw new IllegalArgumentException("Separator should contain at least one byte");
            }
            minLen = Math.min(minLen, s.length);
            maxLen = Math.max(maxLen, s.length);
        }
        throwIfFailed();
        // `offset` is how many bytes from the start of the buffer hold no separator.
        int offset = 0;
        int matchStart;
        int matchEnd;
        while (true) {
            int buflen = buffer.size();
            matchStart = -1;
            matchEnd = -1;
            if (buflen - offset >= minLen) {
                for (byte[] sep : separators) {
                    int i = buffer.indexOf(sep, offset);
                    if (i >= 0 && (matchEnd < 0 || i + sep.length < matchEnd)) {
                        matchStart = i;
                        matchEnd = i + sep.length;
                    }
                }
                if (matchEnd >= 0) {
                    break;
                }
                offset = Math.max(0, buflen + 1 - maxLen);
                if (offset > limit) {
                    throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            // A complete chunk may be buffered even after EOF: so check EOF only now.
            if (eof) {
                byte[] chunk = buffer.takeAll();
                throw new IncompleteReadError(chunk, -1);
            }
            waitForData("readUntil");
            throwIfFailed();
        }
        if (matchStart > limit) {
            throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
        }
        byte[] chunk = buffer.take(matchEnd);
        maybeResumeTransport();
        return chunk;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<StreamReader");
        if (buffer.size() > 0) {
            sb.append(' ').append(buffer.size()).append(" bytes");
        }
        if (eof) {
            sb.append(" eof");
        }
        if (limit != DEFAULT_LIMIT) {
            sb.append(" limit=").append(limit);
        }
        if (waiter != null) {
            sb.append(" waiter");
        }
        if (exception != null) {
            sb.append(" exception=").append(exception);
        }
        if (transport != null) {
            sb.append(" transport=").append(transport);
        }
        if (paused) {
            sb.append(" paused");
        }
        return sb.append('>').toString();
    }
}
