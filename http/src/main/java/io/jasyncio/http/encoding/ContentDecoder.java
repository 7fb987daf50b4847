package io.jasyncio.http.encoding;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A streaming decoder for a {@code Content-Encoding}: feed the body in chunks of any size with
 * {@link #decode}, then call {@link #finish} at the end of the body.
 *
 * <p>Output goes to the consumer as fresh heap buffers of at most {@link #OUTPUT_CHUNK} bytes,
 * each owned by the consumer from then on. Every call consumes all of its input. The total
 * output never exceeds the maximum decoded size given at creation: the call that would cross it
 * throws {@link DecodedSizeExceededException} instead.
 *
 * <p>Supported codings: {@code gzip} (and its alias {@code x-gzip}; concatenated members are
 * decoded, bytes after the last member that do not start a member are ignored), {@code deflate}
 * (zlib-wrapped as RFC 9110 says, or raw deflate as some servers send; told apart by the zlib
 * header check, as browsers do) and {@code identity}. A comma-separated list is decoded in
 * reverse order of application. An empty body decodes to nothing.
 *
 * <p>State machine: {@code decode* -> finish -> close}; {@link #close()} may come at any time and
 * frees the native zlib memory at once. After an exception the decoder is unusable.
 *
 * <p>Not thread-safe: confine a decoder to one thread (the connection's loop).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=encoding}
 */
public interface ContentDecoder extends AutoCloseable {
    /** The largest output buffer a decoder hands out, in bytes. */
    int OUTPUT_CHUNK = 32 * 1024;

    /**
     * A decoder for a {@code Content-Encoding} value.
     *
     * @param contentEncoding a coding or comma-separated list, case-insensitive
     * @param maxDecodedSize the most bytes the decoder may produce
     * @throws ContentDecodingException if a coding is not supported
     */
    static ContentDecoder create(String contentEncoding, long maxDecodedSize) throws ContentDecodingException {
        List<String> codings = codings(contentEncoding);
        List<ContentDecoder> stages = new ArrayList<>();
        for (int i = codings.size() - 1; i >= 0; i--) {
            ContentDecoder d = single(codings.get(i), maxDecodedSize);
            if (d == null) {
                stages.forEach(ContentDecoder::close);
                throw new ContentDecodingException("unsupported content coding '" + codings.get(i) + "'");
            }
            stages.add(d);
        }
        if (stages.isEmpty()) {
            return new IdentityDecoder(maxDecodedSize);
        }
        return stages.size() == 1 ? stages.getFirst() : new ChainedDecoder(stages);
    }

    /** Whether {@link #create} supports every coding in the value. */
    static boolean isSupported(String contentEncoding) {
        return codings(contentEncoding).stream()
                .allMatch(c -> c.equals("gzip") || c.equals("x-gzip") || c.equals("deflate") || c.equals("identity"));
    }

    /** A gzip decoder. */
    static ContentDecoder gzip(long maxDecodedSize) {
        return new GzipDecoder(maxDecodedSize);
    }

    /** A deflate decoder accepting zlib-wrapped or raw deflate. */
    static ContentDecoder deflate(long maxDecodedSize) {
        return new DeflateDecoder(maxDecodedSize);
    }

    /**
     * Decodes a chunk of the body, handing any output to {@code output}.
     *
     * @throws ContentDecodingException if the data is corrupt or the output would exceed the limit
     */
    void decode(ByteBuffer input, Consumer<ByteBuffer> output) throws ContentDecodingException;

    /**
     * Ends the body: hands over any remaining output and checks the stream was complete.
     *
     * @throws ContentDecodingException if the stream was truncated
     */
    void finish(Consumer<ByteBuffer> output) throws ContentDecodingException;

    /** The number of decoded bytes handed out so far. */
    long decodedSize();

    /** Frees native resources; idempotent. */
    @Override
    void close();

    private static List<String> codings(String contentEncoding) {
        List<String> out = new ArrayList<>();
        for (String part : contentEncoding.split(",")) {
            String c = part.strip().toLowerCase(Locale.ROOT);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    private static ContentDecoder single(String coding, long max) {
        return switch (coding) {
            case "gzip", "x-gzip" -> new GzipDecoder(max);
            case "deflate" -> new DeflateDecoder(max);
            case "identity" -> new IdentityDecoder(max);
            default -> null;
        };
    }
}
