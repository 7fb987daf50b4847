package io.jasyncio.http.encoding;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The gzip and zlib-deflate encoders: a {@link Deflater} (raw for gzip, which adds its own header
 * and CRC-32/length trailer). Thread-confined.
 */
final class DeflatingEncoder implements ContentEncoder {
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final boolean gzip;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] scratch = new byte[ContentDecoder.OUTPUT_CHUNK];
    private long inputSize;
    private boolean headerWritten;
    private boolean finished;
    private boolean closed;

    DeflatingEncoder(boolean gzip, int level) {
        if (level < -1 || level > 9) {
            throw new IllegalArgumentException("compression level must be -1..9: " + level);
        }
        this.gzip = gzip;
        this.deflater = new Deflater(level, gzip);
    }

    @Override
    public String coding() {
        return gzip ? "gzip" : "deflate";
    }

    @Override
    public void encode(ByteBuffer input, Consumer<ByteBuffer> output) {
        ensureWritable();
        header(output);
        if (gzip) {
            crc.update(input.duplicate());
        }
        inputSize += input.remaining();
        deflater.setInput(input);
        try {
            while (!deflater.needsInput()) {
                drain(Deflater.NO_FLUSH, output);
            }
        } finally {
            deflater.setInput(new byte[0]); // drop the reference to the caller's buffer
        }
    }

    @Override
    public void flush(Consumer<ByteBuffer> output) {
        ensureWritable();
        header(output);
        while (drain(Deflater.SYNC_FLUSH, output) == scratch.length) {
            // a full buffer means there may be more
        }
    }

    @Override
    public void finish(Consumer<ByteBuffer> output) {
        ensureWritable();
        header(output);
        deflater.finish();
        while (!deflater.finished()) {
            drain(Deflater.NO_FLUSH, output);
        }
        if (gzip) {
            ByteBuffer trailer = ByteBuffer.allocate(8);
            int c = (int) crc.getValue();
            int n = (int) inputSize;
            for (int v : new int[] {c, n}) {
                trailer.put((byte) v).put((byte) (v >>> 8)).put((byte) (v >>> 16)).put((byte) (v >>> 24));
            }
            output.accept(trailer.flip());
        }
        finished = true;
        close();
    }

    private int drain(int flushMode, Consumer<ByteBuffer> output) {
        int n = deflater.deflate(scratch, 0, scratch.length, flushMode);
        if (n > 0) {
            output.accept(ByteBuffer.wrap(Arrays.copyOf(scratch, n)));
        }
        return n;
    }

    private void header(Consumer<ByteBuffer> output) {
        if (gzip && !headerWritten) {
            headerWritten = true;
            output.accept(ByteBuffer.wrap(GZIP_HEADER.clone()));
        }
    }

    private void ensureWritable() {
        if (finished || closed) {
            throw new IllegalStateException(finished ? "encoder is finished" : "encoder is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            deflater.end();
        }
    }
}
