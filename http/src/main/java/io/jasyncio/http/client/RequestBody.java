package io.jasyncio.http.client;

import io.jasyncio.http.body.ChunkSource;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The content of a request as the client sends it: a length (or -1 for the chunked coding), a
 * content type, and a source of chunks. A replayable body can be opened again, for a redirect
 * that keeps the body (307/308) or the retry of a request on a stale connection; a streamed one
 * cannot, and such requests are neither retried nor redirected with their body.
 *
 * <p>Not thread-safe; loop-confined like the request.
 */
interface RequestBody {

    /** @return the exact length in bytes, or -1 if unknown (sent chunked) */
    long length();

    /** @return the {@code Content-Type} to send if the caller set none, or {@code null} */
    String contentType();

    /** @return whether {@link #open()} may be called more than once */
    boolean replayable();

    /** @return the chunks, from the start @throws IOException if the content cannot be read */
    ChunkSource open() throws IOException;

    /** @return the whole body if it is held in memory, else {@code null} */
    default byte[] inMemory() {
        return null;
    }

    /**
     * @param bytes the content (not copied)
     * @param contentType its type, or {@code null}
     * @return a replayable in-memory body
     */
    static RequestBody of(byte[] bytes, String contentType) {
        return new RequestBody() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public boolean replayable() {
                return true;
            }

            @Override
            public ChunkSource open() {
                boolean[] done = {false};
                return () -> {
                    if (done[0] || bytes.length == 0) {
                        return null;
                    }
                    done[0] = true;
                    return ByteBuffer.wrap(bytes);
                };
            }

            @Override
            public byte[] inMemory() {
                return bytes;
            }
        };
    }

    /**
     * @param source the chunks, pulled once while sending
     * @param length the exact length, or -1 for unknown
     * @param contentType its type, or {@code null}
     * @return a single-use streamed body
     */
    static RequestBody stream(ChunkSource source, long length, String contentType) {
        return new RequestBody() {
            private boolean opened;

            @Override
            public long length() {
                return length;
            }

            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public boolean replayable() {
                return false;
            }

            @Override
            public ChunkSource open() {
                if (opened) {
                    throw new IllegalStateException("a streamed request body can be sent only once");
                }
                opened = true;
                return source;
            }
        };
    }
}
