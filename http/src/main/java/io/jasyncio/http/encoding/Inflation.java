package io.jasyncio.http.encoding;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The inflate loop shared by the gzip and deflate decoders: runs an {@link Inflater} over one
 * input buffer until it needs more input or the deflate stream ends. Thread-confined, like its
 * decoder.
 */
final class Inflation {
    private final Inflater inflater;
    private final SizeGuard guard;
    private final byte[] scratch = new byte[ContentDecoder.OUTPUT_CHUNK];

    Inflation(Inflater inflater, SizeGuard guard) {
        this.inflater = inflater;
        this.guard = guard;
    }

    Inflater inflater() {
        return inflater;
    }

    /**
     * Inflates from {@code input}, advancing its position by the bytes consumed. Returns true when
     * the deflate stream has ended (bytes after its end stay in {@code input}); false when all of
     * {@code input} was consumed and more is needed.
     */
    boolean pump(ByteBuffer input, Consumer<ByteBuffer> output, CRC32 crc) throws ContentDecodingException {
        inflater.setInput(input);
        try {
            while (true) {
                int n = inflater.inflate(scratch);
                if (n > 0) {
                    guard.add(n);
                    if (crc != null) {
                        crc.update(scratch, 0, n);
                    }
                    output.accept(ByteBuffer.wrap(Arrays.copyOf(scratch, n)));
                }
                if (inflater.finished()) {
                    return true;
                }
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new ContentDecodingException("deflate stream needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        return false;
                    }
                    throw new ContentDecodingException("inflater made no progress");
                }
            }
        } catch (DataFormatException e) {
            throw new ContentDecodingException("corrupt deflate data: " + e.getMessage(), e);
        } finally {
            inflater.setInput(new byte[0]); // drop the reference to the caller's buffer
        }
    }
}
