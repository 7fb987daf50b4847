package io.jasyncio.http.codec;

import java.nio.ByteBuffer;

/**
 * The chunked transfer coding (RFC 9112 §7.1), one byte boundary at a time:
 * <pre>
 *   chunk      = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 *   last-chunk = 1*"0" [ chunk-ext ] CRLF
 *   chunked-body = *chunk last-chunk trailer-section CRLF
 * </pre>
 * Chunk extensions are skipped (but may not contain control characters). Whitespace is allowed
 * only before a {@code ;}. Rejected with 400: a size that is not hex or overflows 63 bits, a bare
 * CR or LF in the size line, data not followed by CRLF, a size line longer than
 * {@link HttpParserOptions#maxStartLineSize()}. The running total is checked against
 * {@link HttpParserOptions#maxBodySize()} (413) before a chunk's data is read.
 *
 * <p>Owned by one parser; single-threaded.
 */
final class ChunkedDecoder {
    /** {@link #decode} results. */
    static final int NEED_MORE = 0;
    static final int DELIVERED = 1;
    static final int DONE = 2;

    private static final int SIZE = 0;
    private static final int SIZE_MORE = 1;
    private static final int SIZE_WS = 2;
    private static final int EXT = 3;
    private static final int SIZE_LF = 4;
    private static final int DATA = 5;
    private static final int DATA_CR = 6;
    private static final int DATA_LF = 7;
    private static final int TRAILERS = 8;

    private final HttpParser<?> owner;
    private final int maxLine;
    private final long maxBody;

    private int state;
    /** The size being parsed, then the data bytes left in the current chunk. */
    private long size;
    private int lineLength;
    private long total;

    ChunkedDecoder(HttpParser<?> owner, HttpParserOptions options) {
        this.owner = owner;
        this.maxLine = options.maxStartLineSize();
        this.maxBody = options.maxBodySize() < 0 ? Long.MAX_VALUE : options.maxBodySize();
    }

    void reset() {
        state = SIZE;
        size = 0;
        lineLength = 0;
        total = 0;
    }

    /**
     * Consumes from {@code in} until it runs out, one data slice has been delivered to the
     * owner, or the body (with its trailers) is complete.
     *
     * @return {@link #NEED_MORE}, {@link #DELIVERED} or {@link #DONE}
     */
    int decode(ByteBuffer in) throws HttpParseException {
        while (true) {
            if (state == DATA) {
                int n = (int) Math.min(size, in.remaining());
                if (n == 0) {
                    return NEED_MORE;
                }
                size -= n;
                if (size == 0) {
                    state = DATA_CR;
                }
                owner.deliver(in, n);
                return DELIVERED;
            }
            if (state == TRAILERS) {
                if (!owner.head.fill(in)) {
                    return NEED_MORE;
                }
                owner.trailersComplete();
                return DONE;
            }
            if (!in.hasRemaining()) {
                return NEED_MORE;
            }
            byte b = in.get();
            if (state < DATA && ++lineLength > maxLine) {
                throw owner.error(400, "chunk size line is longer than " + maxLine + " bytes");
            }
            switch (state) {
                case SIZE -> {
                    int v = Ascii.HEX[b & 0xFF];
                    if (v < 0) {
                        throw owner.error(400, "invalid chunk size: expected a hex digit, got " + Ascii.describe(b));
                    }
                    size = v;
                    state = SIZE_MORE;
                }
                case SIZE_MORE -> {
                    int v = Ascii.HEX[b & 0xFF];
                    if (v >= 0) {
                        if (size > (Long.MAX_VALUE >>> 4)) {
                            throw owner.error(400, "chunk size overflows");
                        }
                        size = size << 4 | v;
                    } else {
                        afterSize(b);
                    }
                }
                case SIZE_WS -> {
                    if (b == ';') {
                        state = EXT;
                    } else if (b != Ascii.SP && b != Ascii.HTAB) {
                        throw owner.error(400, "invalid character " + Ascii.describe(b)
                                + " after chunk size (only a chunk extension may follow)");
                    }
                }
                case EXT -> {
                    if (b == Ascii.CR) {
                        state = SIZE_LF;
                    } else if (!Ascii.is(b, Ascii.FIELD)) {
                        throw owner.error(400, "invalid character " + Ascii.describe(b) + " in chunk extension");
                    }
                }
                case SIZE_LF -> {
                    if (b != Ascii.LF) {
                        throw owner.error(400, "bare CR in chunk size line");
                    }
                    sizeLineDone();
                }
                case DATA_CR -> {
                    if (b != Ascii.CR) {
                        throw owner.error(400, "missing CRLF after chunk data (got " + Ascii.describe(b) + ")");
                    }
                    state = DATA_LF;
                }
                case DATA_LF -> {
                    if (b != Ascii.LF) {
                        throw owner.error(400, "missing CRLF after chunk data (got CR " + Ascii.describe(b) + ")");
                    }
                    state = SIZE;
                    lineLength = 0;
                }
                default -> throw new AssertionError(state);
            }
        }
    }

    private void afterSize(byte b) throws HttpParseException {
        switch (b) {
            case ';' -> state = EXT;
            case Ascii.SP, Ascii.HTAB -> state = SIZE_WS;
            case Ascii.CR -> state = SIZE_LF;
            default -> throw owner.error(400, "invalid character " + Ascii.describe(b) + " in chunk size");
        }
    }

    private void sizeLineDone() throws HttpParseException {
        lineLength = 0;
        if (size == 0) {
            state = TRAILERS;
            owner.head.reset(false);
            return;
        }
        if (size > maxBody - total) {
            throw owner.error(413, "chunked content is longer than " + maxBody + " bytes");
        }
        total += size;
        state = DATA;
    }
}
