package io.jasyncio.http.client;

import io.jasyncio.CancelledError;
import io.jasyncio.http.encoding.ContentDecoder;
import io.jasyncio.http.encoding.ContentDecodingException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The body of a {@link ClientResponse} as a stream, read as it arrives: aiohttp's
 * {@code response.content} ({@code StreamReader}), for bodies too large to hold in memory. The
 * reading methods have {@code StreamReader}'s names and suspend the calling task until enough
 * bytes have arrived.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=responseContent}
 *
 * <p><b>What you read.</b> The content with its content coding undone (gzip and deflate, unless
 * the session turned automatic decompression off) and the chunked coding removed. Bytes are read
 * from the connection only when asked for, so a slow reader slows the server down.
 *
 * <p><b>End.</b> When the last byte has been handed out the connection goes back to the pool at
 * once (or is closed if it cannot be reused), whether or not the response is closed; then
 * every read returns an empty array. If the body fails (cut short, corrupt coding, a timeout) the
 * connection is closed and the read throws a {@link ClientError} naming the request; later reads
 * throw it again.
 *
 * <p><b>Cancellation.</b> A task cancelled while reading gets {@link CancelledError}; bytes that
 * had arrived stay buffered for the next read.
 *
 * <p><b>Threads.</b> Loop-confined, one reading task at a time.
 */
public final class ResponseContent {

    private static final byte[] NOTHING = new byte[0];

    private final BodySource source;
    private final ContentDecoder decoder;
    private final String what;
    private final ArrayDeque<ByteBuffer> ready = new ArrayDeque<>();
    private boolean ended;
    private IOException failure;
    private long total;

    ResponseContent(BodySource source, ContentDecoder decoder, String what) {
        this.source = source;
        this.decoder = decoder;
        this.what = what;
    }

    /**
     * Pulls until at least one decoded byte is ready or the body ended.
     *
     * @return whether a byte is ready
     */
    private boolean fill() throws IOException {
        while (ready.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            if (ended) {
                return false;
            }
            try {
                ByteBuffer raw = source.next();
                if (raw == null) {
                    if (decoder != null) {
                        decoder.finish(this::accept);
                        decoder.close();
                    }
                    ended = true;
                    source.finished(true);
                } else if (decoder != null) {
                    decoder.decode(raw, this::accept);
                } else {
                    accept(raw);
                }
            } catch (CancelledError e) {
                throw e;
            } catch (ContentDecodingException e) {
                throw fail(new ClientPayloadError("Response payload is not completed: cannot decode the content ("
                        + e.getMessage() + ") (" + what + ")", e));
            } catch (IOException e) {
                throw fail(e);
            } catch (RuntimeException | Error e) {
                fail(new ClientError("reading the response body failed (" + what + ")", e));
                throw e;
            }
        }
        return true;
    }

    private void accept(ByteBuffer b) {
        if (b.hasRemaining()) {
            ready.addLast(b);
            total += b.remaining();
        }
    }

    private IOException fail(IOException e) {
        failure = e;
        ready.clear();
        if (decoder != null) {
            decoder.close();
        }
        source.finished(false);
        return e;
    }

    /** Gives up on the rest of the body (the response was released before reading it all). */
    void abandon() {
        if (!ended && failure == null) {
            fail(new ClientError("the response was released before its body was read (" + what + ")"));
        }
    }

    /**
     * Reads up to {@code n} bytes: whatever is buffered, or waits for the next arrival.
     *
     * @param n the most bytes to return; negative reads to the end, as {@link #read()}
     * @return 1 to {@code n} bytes, or an empty array at the end of the body
     * @throws ClientError if the body failed
     */
    public byte[] read(int n) throws IOException {
        if (n < 0) {
            return read();
        }
        if (n == 0 || !fill()) {
            return NOTHING;
        }
        ByteBuffer b = ready.peekFirst();
        int take = Math.min(n, b.remaining());
        byte[] out = new byte[take];
        b.get(out);
        if (!b.hasRemaining()) {
            ready.pollFirst();
        }
        return out;
    }

    /**
     * Reads everything to the end of the body.
     *
     * @return the rest of the body, possibly empty
     * @throws ClientError if the body failed
     */
    public byte[] read() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (fill()) {
            ByteBuffer b = ready.pollFirst();
            if (b.hasArray()) {
                out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            } else {
                byte[] a = new byte[b.remaining()];
                b.get(a);
                out.write(a);
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads the next piece as it arrived (aiohttp's {@code readany}).
     *
     * @return the next bytes, or an empty array at the end of the body
     * @throws ClientError if the body failed
     */
    public byte[] readAny() throws IOException {
        if (!fill()) {
            return NOTHING;
        }
        ByteBuffer b = ready.pollFirst();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n how many
     * @return the bytes
     * @throws EOFException if the body ends first (the bytes read are lost)
     * @throws ClientError if the body failed
     */
    public byte[] readExactly(int n) throws IOException {
        byte[] out = new byte[n];
        int got = 0;
        while (got < n) {
            if (!fill()) {
                throw new EOFException(got + " bytes read on a total of " + n + " expected bytes (" + what + ")");
            }
            ByteBuffer b = ready.peekFirst();
            int take = Math.min(n - got, b.remaining());
            b.get(out, got, take);
            got += take;
            if (!b.hasRemaining()) {
                ready.pollFirst();
            }
        }
        return out;
    }

    /**
     * Reads one line, up to and including {@code \n}, or to the end of the body.
     *
     * @return the line with its terminator, or an empty array at the end
     * @throws ClientError if the body failed
     */
    public byte[] readLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (fill()) {
            ByteBuffer b = ready.peekFirst();
            while (b.hasRemaining()) {
                byte c = b.get();
                out.write(c);
                if (c == '\n') {
                    if (!b.hasRemaining()) {
                        ready.pollFirst();
                    }
                    return out.toByteArray();
                }
            }
            ready.pollFirst();
        }
        return out.toByteArray();
    }

    /** @return whether the body ended and every byte was read */
    public boolean atEof() {
        return ended && ready.isEmpty();
    }

    /** @return the number of decoded bytes received so far (read or buffered) */
    public long totalBytes() {
        return total;
    }

    /** @return whether the body ended cleanly and the connection was given back */
    boolean ended() {
        return ended;
    }
}
