package io.jasyncio.http.web;

import io.jasyncio.EventLoop;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.ReadTransport;
import io.jasyncio.net.StreamReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The content of a request as a stream: aiohttp's {@code request.content}, a
 * {@link StreamReader} (so every {@code read}, {@code readLine}, {@code readExactly} and
 * {@code readUntil} of asyncio's streams works, suspending the handler's task until bytes, the end
 * of the content or an error arrive), plus aiohttp's {@link #readAny()}. The connection pushes the
 * content in as it arrives, already de-chunked.
 *
 * <p><b>Memory.</b> Bytes are held only between their arrival and the handler's read. When more
 * than the server's body buffer size ({@link WebServerOptions#bodyBufferSize()}, 64 KiB by
 * default) is waiting, the connection stops reading from the socket until the handler has read it
 * down to half, so a slow handler pushes back on a fast client instead of buffering. No size limit
 * applies here: {@link Request#read()} and the other whole-body readers enforce
 * {@link Application#clientMaxSize()}; a handler that streams decides for itself.
 *
 * <p><b>{@code Expect: 100-continue}.</b> The first read (of any kind) sends {@code 100 Continue}
 * if the client asked for it, so a handler that rejects a request without reading its content
 * never makes the client send it.
 *
 * <p><b>Errors</b> (as {@link StreamReader}'s): once the content is known to be broken, reads
 * throw: an {@link io.jasyncio.http.codec.HttpParseException} for malformed chunked framing, a
 * {@link java.net.SocketException} when the client went away; {@code readExactly} throws
 * {@link io.jasyncio.net.IncompleteReadError} when the content ends first.
 *
 * <p><b>Threads.</b> Read from a task of the connection's loop (normally the request's handler);
 * one reader at a time.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=bodyStream}
 */
public final class BodyStream extends StreamReader {

    /** What a stream tells the connection that feeds it. */
    interface Owner {
        /** The handler is about to read for the first time. */
        void bodyFirstRead();

        /** @param paused whether reading from the socket should pause for this content */
        void bodyPaused(boolean paused);
    }

    private final Owner owner;
    private boolean firstReadDone;
    private boolean ended;
    private long received;

    /**
     * @param bufferSize content bytes buffered before reading pauses (it resumes at half)
     */
    BodyStream(EventLoop loop, Owner owner, int bufferSize) {
        super(loop, Math.max(1, bufferSize / 2));
        this.owner = owner;
        if (owner != null) {
            setTransport(new Pauser(owner));
        }
    }

    /** @return a stream already at its end, for a request without content */
    static BodyStream empty(EventLoop loop) {
        BodyStream s = new BodyStream(loop, null, 2);
        s.feedEof();
        return s;
    }

    // ---------------------------------------------------------------- feeding (connection side)

    /** Copies the slice's bytes in; the slice may be overwritten after this returns. */
    void feed(ByteBuffer slice) {
        int n = slice.remaining();
        received += n;
        if (n == 0 || ended) {
            return;
        }
        byte[] copy = new byte[n];
        slice.get(slice.position(), copy);
        feedData(copy);
    }

    @Override
    public void feedEof() {
        ended = true;
        super.feedEof();
    }

    /** Reads will throw {@code e}, unless the content already ended whole. */
    void fail(Throwable e) {
        if (!ended) {
            ended = true;
            setException(e);
        }
    }

    /** @return content bytes received so far, read or not */
    long receivedBytes() {
        return received;
    }

    // ---------------------------------------------------------------- reading (handler side)

    private void beforeRead() {
        if (!firstReadDone) {
            firstReadDone = true;
            if (owner != null) {
                owner.bodyFirstRead();
            }
        }
    }

    /**
     * Reads whatever is buffered, at least one byte, without waiting for more: aiohttp's
     * {@code readany()}.
     *
     * @return the bytes; empty at the end of the content
     * @throws IOException if the content is malformed or the client went away
     */
    public byte[] readAny() throws IOException {
        return read(Integer.MAX_VALUE);
    }

    @Override
    public byte[] read(int n) throws IOException {
        beforeRead();
        return super.read(n);
    }

    @Override
    public byte[] read() throws IOException {
        beforeRead();
        return super.read();
    }

    @Override
    public byte[] readLine() throws IOException {
        beforeRead();
        return super.readLine();
    }

    @Override
    public byte[] readExactly(int n) throws IOException {
        beforeRead();
        return super.readExactly(n);
    }

    @Override
    public byte[] readUntil(byte[] separator) throws IOException {
        beforeRead();
        return super.readUntil(separator);
    }

    @Override
    public byte[] readUntil(List<byte[]> separators) throws IOException {
        beforeRead();
        return super.readUntil(separators);
    }

    /**
     * What {@link StreamReader} pauses and resumes: not the socket itself, but the connection's
     * reason "content buffered" to pause it (the connection has other reasons too).
     */
    private record Pauser(Owner owner) implements ReadTransport {
        @Override
        public void pauseReading() {
            owner.bodyPaused(true);
        }

        @Override
        public void resumeReading() {
            owner.bodyPaused(false);
        }

        @Override
        public boolean isReading() {
            return true;
        }

        @Override
        public Object getExtraInfo(String name, Object defaultValue) {
            return defaultValue;
        }

        @Override
        public boolean isClosing() {
            return false;
        }

        @Override
        public void close() {
        }

        @Override
        public void setProtocol(BaseProtocol protocol) {
            throw new UnsupportedOperationException("the request content's flow control has no protocol");
        }

        @Override
        public BaseProtocol getProtocol() {
            return null;
        }
    }
}
