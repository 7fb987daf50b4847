package io.jasyncio.http.encoding;

/**
 * Decoding stopped because the output would exceed the decoder's maximum decoded size, which is
 * how a decompression bomb (a small body that inflates to gigabytes) shows itself. No output
 * beyond the limit was produced. A server answers 413.
 *
 * <p>Immutable once constructed; safe to hand to another thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=decodingErrors}
 */
public class DecodedSizeExceededException extends ContentDecodingException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /** For the given limit in bytes. */
    public DecodedSizeExceededException(long limit) {
        super("decoded content exceeds the limit of " + limit + " bytes (possible decompression bomb)");
        this.limit = limit;
    }

    /** The maximum decoded size that was exceeded, in bytes. */
    public long limit() {
        return limit;
    }
}
