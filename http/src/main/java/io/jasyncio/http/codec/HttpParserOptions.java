package io.jasyncio.http.codec;

/**
 * Size limits applied by the HTTP/1.x parsers. The defaults are about aiohttp's
 * ({@code max_line_size} and {@code max_field_size} of 8190).
 *
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=parserOptions}
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxStartLineSize longest request line or status line, in bytes, without its CRLF
 *        (default 8192); over it a request fails with 414. It also caps a chunk-size line
 *        (size and extensions), which fails with 400
 * @param maxHeaderBlockSize longest header section, in bytes, counting every field line with its
 *        CRLF but not the start line nor the final empty line (default 8192); over it, 431. The
 *        trailer section of a chunked message has the same limit
 * @param maxHeaderCount most header (or trailer) fields in one message (default 100); over it, 431
 * @param maxBodySize most content bytes in one message, or {@code -1} for no limit (the
 *        default); over it, 413
 */
public record HttpParserOptions(int maxStartLineSize, int maxHeaderBlockSize, int maxHeaderCount, long maxBodySize) {

    /** 8 KiB start line, 8 KiB header section, 100 fields, no body limit. */
    public static final HttpParserOptions DEFAULTS = new HttpParserOptions(8192, 8192, 100, -1);

    /** Checks that the limits are positive ({@code maxBodySize} may be {@code -1}). */
    public HttpParserOptions {
        if (maxStartLineSize <= 0 || maxHeaderBlockSize <= 0 || maxHeaderCount <= 0) {
            throw new IllegalArgumentException("limits must be positive: maxStartLineSize=" + maxStartLineSize
                    + ", maxHeaderBlockSize=" + maxHeaderBlockSize + ", maxHeaderCount=" + maxHeaderCount);
        }
        if (maxBodySize < -1) {
            throw new IllegalArgumentException("maxBodySize must be >= 0, or -1 for no limit: " + maxBodySize);
        }
    }

    /**
     * @param size the new limit
     * @return a copy with {@code maxStartLineSize} replaced
     */
    public HttpParserOptions withMaxStartLineSize(int size) {
        return new HttpParserOptions(size, maxHeaderBlockSize, maxHeaderCount, maxBodySize);
    }

    /**
     * @param size the new limit
     * @return a copy with {@code maxHeaderBlockSize} replaced
     */
    public HttpParserOptions withMaxHeaderBlockSize(int size) {
        return new HttpParserOptions(maxStartLineSize, size, maxHeaderCount, maxBodySize);
    }

    /**
     * @param count the new limit
     * @return a copy with {@code maxHeaderCount} replaced
     */
    public HttpParserOptions withMaxHeaderCount(int count) {
        return new HttpParserOptions(maxStartLineSize, maxHeaderBlockSize, count, maxBodySize);
    }

    /**
     * @param size the new limit, or {@code -1} for none
     * @return a copy with {@code maxBodySize} replaced
     */
    public HttpParserOptions withMaxBodySize(long size) {
        return new HttpParserOptions(maxStartLineSize, maxHeaderBlockSize, maxHeaderCount, size);
    }
}
