package io.jasyncio.http.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects the lines of a message head (start line and field lines) or of a trailer section,
 * across any number of {@code fill} calls, up to and including the empty line that ends it.
 *
 * <p>It finds line ends, rejects a bare LF, and enforces the size and count limits while the
 * bytes arrive, so it never stores or scans more than the limits allow. The bytes are then parsed
 * from {@link #bytes} by the parser. Owned by one parser; single-threaded.
 *
 * <p>Invariants once {@link #fill} returned true: {@code bytes[0, length)} is the whole section
 * including the final CRLF; line {@code k} ({@code 0 <= k < lineCount}) is
 * {@code [lineStart(k), lineEnd(k))} and ends with CRLF; the final empty line is not counted.
 */
final class HeadBuffer {
    private final HttpParser<?> owner;
    private final int maxStartLine;
    private final int maxBlock;
    private final int maxCount;

    /** The collected bytes, {@code [0, length)}. */
    byte[] bytes = new byte[512];
    int length;
    /** Offset just past the LF of each complete line. */
    private int[] lineEnds = new int[16];
    int lineCount;
    /** Offset where the current, incomplete line starts. */
    private int lineStart;
    /** Offset where the field lines start: after the start line; -1 while the start line is incomplete. */
    private int blockStart;
    /** Whether line 0 is a start line (a message head) rather than a field (a trailer section). */
    private boolean hasStartLine;

    HeadBuffer(HttpParser<?> owner, HttpParserOptions options) {
        this.owner = owner;
        this.maxStartLine = options.maxStartLineSize();
        this.maxBlock = options.maxHeaderBlockSize();
        this.maxCount = options.maxHeaderCount();
    }

    /**
     * Starts collecting a new section.
     *
     * @param withStartLine true for a message head, false for a trailer section
     */
    void reset(boolean withStartLine) {
        length = 0;
        lineCount = 0;
        lineStart = 0;
        blockStart = withStartLine ? -1 : 0;
        hasStartLine = withStartLine;
    }

    /** @return the number of field lines collected so far */
    int fieldCount() {
        return hasStartLine ? lineCount - 1 : lineCount;
    }

    /** @return the offset where line {@code k} starts */
    int lineStart(int k) {
        return k == 0 ? 0 : lineEnds[k - 1];
    }

    /** @return the offset just past the LF of line {@code k} */
    int lineEnd(int k) {
        return lineEnds[k];
    }

    /**
     * Consumes bytes of {@code in} up to and including the empty line that ends the section, or
     * all of them if it has not arrived yet.
     *
     * @return whether the section is complete
     */
    boolean fill(ByteBuffer in) throws HttpParseException {
        final int pos = in.position();
        final int lim = in.limit();
        int from = pos;
        while (true) {
            // Never look further than the limits allow: [virtual offset] = length + (i - pos).
            int maxEnd = blockStart < 0 ? lineStart + maxStartLine + 2 : blockStart + maxBlock + 2;
            int scanTo = (int) Math.min(lim, (long) pos + maxEnd - length);
            int lf = Ascii.indexOfLf(in, from, scanTo);
            if (lf < 0) {
                if (scanTo < lim) {
                    throw tooLong();
                }
                append(in, pos, lim);
                return false;
            }
            int end = length + (lf + 1 - pos);
            if (end - 2 < lineStart || byteAt(in, pos, end - 2) != Ascii.CR) {
                throw owner.error(400, "line ends with a bare LF (a CRLF is required)");
            }
            if (blockStart < 0) {
                if (end - lineStart - 2 > maxStartLine) {
                    throw tooLong();
                }
                blockStart = end;
                addLine(end);
            } else if (end - lineStart == 2) {
                append(in, pos, lf + 1);
                return true;
            } else {
                if (end - blockStart > maxBlock) {
                    throw tooLong();
                }
                if (fieldCount() >= maxCount) {
                    throw owner.error(431, "more than " + maxCount + (hasStartLine ? " header" : " trailer") + " fields");
                }
                addLine(end);
            }
            lineStart = end;
            from = lf + 1;
        }
    }

    private HttpParseException tooLong() {
        if (blockStart < 0) {
            return owner.error(414, owner.startLineName() + " is longer than " + maxStartLine + " bytes");
        }
        return owner.error(431, (hasStartLine ? "header" : "trailer") + " section is longer than " + maxBlock + " bytes");
    }

    private void addLine(int end) {
        if (lineCount == lineEnds.length) {
            lineEnds = Arrays.copyOf(lineEnds, lineCount * 2);
        }
        lineEnds[lineCount++] = end;
    }

    /** The byte at virtual offset {@code v}: stored, or still in {@code in} (which starts at {@code pos}). */
    private byte byteAt(ByteBuffer in, int pos, int v) {
        return v < length ? bytes[v] : in.get(pos + v - length);
    }

    private void append(ByteBuffer in, int pos, int end) {
        int n = end - pos;
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
        }
        in.get(pos, bytes, length, n);
        length += n;
        in.position(end);
    }
}
