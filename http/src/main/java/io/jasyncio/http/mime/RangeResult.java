package io.jasyncio.http.mime;

import java.util.List;

/**
 * What a server should do with a {@code Range} header: the outcome of
 * {@link RangeHeader#evaluate(String, long)}.
 *
 * <ul>
 *   <li>{@link Satisfiable}: send 206 with these ranges (one range: a {@code Content-Range} header;
 *       several: {@code multipart/byteranges}).
 *   <li>{@link Unsatisfiable}: send 416 with {@code Content-Range: bytes *&#47;length}.
 *   <li>{@link Ignored}: send the whole representation with 200, as if there were no
 *       {@code Range} header (it was absent, malformed, in an unknown unit, or not worth serving).
 * </ul>
 *
 * <p>All variants are immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=range}
 */
public sealed interface RangeResult {

    /**
     * At least one range is satisfiable.
     *
     * @param ranges the ranges to send, clamped to the representation, never empty; in the order
     *     requested unless some overlapped or touched, in which case they are merged and sorted
     */
    record Satisfiable(List<ByteRange> ranges) implements RangeResult {
        /** Copies the list. */
        public Satisfiable {
            ranges = List.copyOf(ranges);
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("a satisfiable result needs at least one range");
            }
        }
    }

    /**
     * No range overlaps the representation.
     *
     * @param completeLength the representation's length
     */
    record Unsatisfiable(long completeLength) implements RangeResult {
        /** The {@code Content-Range} value for the 416 response: {@code bytes *&#47;length}. */
        public String contentRange() {
            return "bytes */" + completeLength;
        }
    }

    /**
     * The header must be ignored.
     *
     * @param reason why, for logs
     */
    record Ignored(String reason) implements RangeResult {}
}
