package io.jasyncio.http.body;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A pull source of byte chunks: the content of a streamed part, and the body a
 * {@link MultipartWriter} produces.
 *
 * <p>{@link #next()} returns the next non-empty or empty chunk, or {@code null} at the end; after
 * {@code null} it keeps returning {@code null}. A returned buffer belongs to the caller until the
 * next call. Sources are single-use unless documented otherwise, and are not thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartWriter}
 */
@FunctionalInterface
public interface ChunkSource {

    /** The next chunk, or {@code null} when there are no more. */
    ByteBuffer next() throws IOException;

    /** A source of the given arrays, in order (the arrays are not copied). */
    static ChunkSource of(byte[]... chunks) {
        return of(Arrays.asList(chunks));
    }

    /** A source of the given arrays, in order (the arrays are not copied). */
    static ChunkSource of(List<byte[]> chunks) {
        Iterator<byte[]> it = List.copyOf(chunks).iterator();
        return () -> it.hasNext() ? ByteBuffer.wrap(it.next()) : null;
    }

    /**
     * A source reading {@code in} in chunks of up to {@code chunkSize} bytes, closing it at the
     * end. Reads block: pull it from a worker thread (such as {@code Asyncio.toThread}), never
     * on an event loop thread.
     */
    static ChunkSource ofInputStream(InputStream in, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        return new ChunkSource() {
            private boolean done;

            @Override
            public ByteBuffer next() throws IOException {
                if (done) {
                    return null;
                }
                byte[] buf = in.readNBytes(chunkSize);
                if (buf.length == 0) {
                    done = true;
                    in.close();
                    return null;
                }
                return ByteBuffer.wrap(buf);
            }
        };
    }
}
