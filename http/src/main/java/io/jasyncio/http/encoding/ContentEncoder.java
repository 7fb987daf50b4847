package io.jasyncio.http.encoding;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.Deflater;

/**
 * A streaming encoder for a content coding, for compressing a response (or request) body as it
 * is written: {@link #encode} each chunk, {@link #flush} to push out everything so far (for
 * streamed responses such as server-sent events), and {@link #finish} once at the end.
 *
 * <p>{@code gzip} writes a minimal RFC 1952 header (no name, mtime 0) and checks nothing; the
 * {@code deflate} coding writes the zlib format, as RFC 9110 requires. Output goes to the
 * consumer as fresh heap buffers owned by it.
 *
 * <p>State machine: {@code (encode | flush)* -> finish -> close}; after {@code finish} only
 * {@code close} is allowed. {@link #close()} frees native zlib memory and may be called at any
 * time. Not thread-safe: confine an encoder to one thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=encoding}
 */
public interface ContentEncoder extends AutoCloseable {

    /** A gzip encoder at zlib's default level. */
    static ContentEncoder gzip() {
        return gzip(Deflater.DEFAULT_COMPRESSION);
    }

    /** A gzip encoder at {@code level} (0..9, or -1 for the default). */
    static ContentEncoder gzip(int level) {
        return new DeflatingEncoder(true, level);
    }

    /** A zlib-format deflate encoder at zlib's default level. */
    static ContentEncoder deflate() {
        return deflate(Deflater.DEFAULT_COMPRESSION);
    }

    /** A zlib-format deflate encoder at {@code level} (0..9, or -1 for the default). */
    static ContentEncoder deflate(int level) {
        return new DeflatingEncoder(false, level);
    }

    /**
     * An encoder for a coding name ({@code gzip}, {@code x-gzip} or {@code deflate}, any case),
     * such as the result of {@link AcceptEncoding#negotiate}.
     *
     * @throws IllegalArgumentException for any other coding
     */
    static ContentEncoder create(String coding) {
        return switch (coding.strip().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> gzip();
            case "deflate" -> deflate();
            default -> throw new IllegalArgumentException("unsupported content coding '" + coding + "'");
        };
    }

    /** The coding name for the {@code Content-Encoding} header. */
    String coding();

    /** Compresses a chunk, consuming all of it; output may be held back until later calls. */
    void encode(ByteBuffer input, Consumer<ByteBuffer> output);

    /** Emits everything encoded so far in a form the receiver can decode now (zlib sync flush). */
    void flush(Consumer<ByteBuffer> output);

    /** Ends the stream, emitting the rest and the trailer. */
    void finish(Consumer<ByteBuffer> output);

    /** Frees native resources; idempotent. */
    @Override
    void close();
}
