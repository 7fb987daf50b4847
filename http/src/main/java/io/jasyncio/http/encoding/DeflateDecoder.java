package io.jasyncio.http.encoding;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.zip.Inflater;

/**
 * Decodes the {@code deflate} content coding, which RFC 9110 defines as the zlib format (RFC
 * 1950) but which some servers send as raw deflate (RFC 1951). The first two bytes decide: a
 * valid zlib header (method 8, window at most 32 KiB, header checksum divisible by 31) means
 * zlib, anything else raw deflate. Bytes after the end of the deflate stream are ignored.
 * Thread-confined.
 */
final class DeflateDecoder implements ContentDecoder {
    private final SizeGuard guard;
    private final byte[] head = new byte[2];
    private int headCount;
    private Inflation inflation;
    private boolean ended;
    private boolean closed;

    DeflateDecoder(long maxDecodedSize) {
        this.guard = new SizeGuard(maxDecodedSize);
    }

    @Override
    public void decode(ByteBuffer input, Consumer<ByteBuffer> output) throws ContentDecodingException {
        ensureOpen();
        while (inflation == null && input.hasRemaining()) {
            head[headCount++] = input.get();
            if (headCount == 2) {
                inflation = new Inflation(new Inflater(!isZlibHeader(head[0] & 0xff, head[1] & 0xff)), guard);
                ended = inflation.pump(ByteBuffer.wrap(head), output, null);
            }
        }
        if (inflation == null || !input.hasRemaining()) {
            return;
        }
        if (ended) {
            input.position(input.limit());
            return;
        }
        ended = inflation.pump(input, output, null);
        if (ended) {
            input.position(input.limit());
        }
    }

    static boolean isZlibHeader(int cmf, int flg) {
        return (cmf & 0x0f) == 8 && (cmf >>> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
    }

    @Override
    public void finish(Consumer<ByteBuffer> output) throws ContentDecodingException {
        ensureOpen();
        boolean clean = headCount == 0 || ended;
        close();
        if (!clean) {
            throw new ContentDecodingException("truncated deflate stream");
        }
    }

    @Override
    public long decodedSize() {
        return guard.total();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (inflation != null) {
                inflation.inflater().end();
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
    }
}
