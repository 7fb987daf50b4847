package io.jasyncio.http.mime;

/**
 * A satisfiable byte range of a representation: the inclusive offsets {@code first..last}.
 *
 * <p>Invariant: {@code 0 <= first <= last}. Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=range}
 *
 * @param first offset of the first byte
 * @param last offset of the last byte, inclusive
 */
public record ByteRange(long first, long last) {

    /** Checks the invariant. */
    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
        }
    }

    /** The number of bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for a 206 response: {@code bytes first-last/completeLength}. */
    public String contentRange(long completeLength) {
        return "bytes " + first + "-" + last + "/" + completeLength;
    }
}
