package io.jasyncio.http.client;

import io.jasyncio.CancelledError;
import io.jasyncio.http.encoding.ContentDecoder;
import io.jasyncio.http.encoding.ContentDecodingException;
import io.jasyncio.EventLoop;
import io.jasyncio.net.StreamReader;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The body of a {@link ClientResponse} as a stream, read as it arrives: aiohttp's
 * {@code response.content}, a {@link StreamReader}, for bodies too large to hold in memory. Every
 * reading method of asyncio's streams works ({@code read(n)}, {@code read()}, {@code readLine},
 * {@code readExactly}, {@code readUntil}, {@code atEof}), suspending the calling task until enough
 * bytes have arrived, plus aiohttp's {@link #readAny()}.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=responseContent}
 *
 * <p><b>What you read.</b> The content with its content coding undone (gzip and deflate, unless
 * the session turned automatic decompression off) and the chunked coding removed. Bytes are read
 * from the connection only when a read asks for more than is buffered (the reading task pulls them,
 * see {@link StreamReader#pullData()}), so a slow reader slows the server down and at most one
 * arrival (plus what its decoding produced) is held in memory.
 *
 * <p><b>End.</b> When the last byte has been handed out the connection goes back to the pool at
 * once (or is closed if it cannot be reused), whether or not the response is closed; then
 * every read returns an empty array. If the body fails (cut short, corrupt coding, a timeout) the
 * connection is closed and the read throws a {@link ClientError} naming the request; later reads
 * throw it again. {@code readExactly} throws {@link io.jasyncio.net.IncompleteReadError} (an
 * {@link java.io.EOFException}) when the body ends first.
 *
 * <p><b>Cancellation.</b> A task cancelled while reading gets {@link CancelledError}; bytes that
 * had arrived stay buffered for the next read.
 *
 * <p><b>Threads.</b> Loop-confined, one reading task at a time.
 */
public final class ResponseContent extends StreamReader {

    private final BodySource source;
    private final ContentDecoder decoder;
    private final String what;
    private boolean ended;
    private boolean failed;
    private long total;

    ResponseContent(EventLoop loop, BodySource source, ContentDecoder decoder, String what) {
        super(loop);
        this.source = source;
        this.decoder = decoder;
        this.what = what;
    }

    /**
     * Pulls raw content from the connection until at least one decoded byte was fed, the body ended,
     * or it failed (then the failure is recorded for this and every later read).
     */
    @Override
    protected boolean pullData() {
        if (ended || failed) {
            return false;
        }
        long before = total;
        try {
            while (total == before) {
                ByteBuffer raw = source.next();
                if (raw == null) {
                    if (decoder != null) {
                        decoder.finish(this::accept);
                        decoder.close();
                    }
                    ended = true;
                    feedEof();
                    source.finished(true);
                    return true;
                }
                if (decoder != null) {
                    decoder.decode(raw, this::accept);
                } else {
                    accept(raw);
                }
            }
        } catch (CancelledError e) {
            throw e;
        } catch (ContentDecodingException e) {
            fail(new ClientPayloadError("Response payload is not completed: cannot decode the content ("
                    + e.getMessage() + ") (" + what + ")", e));
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException | Error e) {
            fail(new ClientError("reading the response body failed (" + what + ")", e));
            throw e;
        }
        return true;
    }

    private void accept(ByteBuffer b) {
        int n = b.remaining();
        if (n == 0) {
            return;
        }
        byte[] bytes;
        if (b.hasArray() && b.arrayOffset() + b.position() == 0 && n == b.array().length) {
            bytes = b.array();
        } else {
            bytes = new byte[n];
            b.get(bytes);
        }
        total += n;
        feedData(bytes);
    }

    private void fail(IOException e) {
        failed = true;
        if (decoder != null) {
            decoder.close();
        }
        setException(e);
        source.finished(false);
    }

    /** Gives up on the rest of the body (the response was released before reading it all). */
    void abandon() {
        if (!ended && !failed) {
            fail(new ClientError("the response was released before its body was read (" + what + ")"));
        }
    }

    /**
     * Reads whatever is buffered, or waits for the next arrival: aiohttp's {@code readany()}.
     *
     * @return the next bytes, or an empty array at the end of the body
     * @throws ClientError if the body failed
     */
    public byte[] readAny() throws IOException {
        return read(Integer.MAX_VALUE);
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
