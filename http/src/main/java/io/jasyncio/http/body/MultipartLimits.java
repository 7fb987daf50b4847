package io.jasyncio.http.body;

/**
 * Limits a {@link MultipartParser} enforces, so a hostile body cannot make it hold much memory:
 * part content is streamed and never counted here; only what the parser itself must buffer is.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartHandler}
 *
 * @param maxParts the most parts a body may have
 * @param maxHeaderBytes the most bytes of one part's header section, final blank line included
 */
public record MultipartLimits(int maxParts, int maxHeaderBytes) {
    /** 1000 parts, 8 KiB of headers per part. */
    public static final MultipartLimits DEFAULT = new MultipartLimits(1000, 8 * 1024);

    /** Checks that both limits are positive. */
    public MultipartLimits {
        if (maxParts < 1 || maxHeaderBytes < 4) {
            throw new IllegalArgumentException(
                    "limits must be positive (maxHeaderBytes at least 4): " + maxParts + ", " + maxHeaderBytes);
        }
    }
}
