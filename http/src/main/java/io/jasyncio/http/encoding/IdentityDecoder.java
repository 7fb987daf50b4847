package io.jasyncio.http.encoding;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The {@code identity} coding: copies input to output in chunks, still enforcing the maximum
 * decoded size. Thread-confined.
 */
final class IdentityDecoder implements ContentDecoder {
    private final SizeGuard guard;
    private boolean closed;

    IdentityDecoder(long maxDecodedSize) {
        this.guard = new SizeGuard(maxDecodedSize);
    }

    @Override
    public void decode(ByteBuffer input, Consumer<ByteBuffer> output) throws ContentDecodingException {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
        while (input.hasRemaining()) {
            int n = Math.min(input.remaining(), OUTPUT_CHUNK);
            guard.add(n);
            byte[] copy = new byte[n];
            input.get(copy);
            output.accept(ByteBuffer.wrap(copy));
        }
    }

    @Override
    public void finish(Consumer<ByteBuffer> output) {
        closed = true;
    }

    @Override
    public long decodedSize() {
        return guard.total();
    }

    @Override
    public void close() {
        closed = true;
    }
}
