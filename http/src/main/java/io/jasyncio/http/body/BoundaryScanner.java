package io.jasyncio.http.body;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds the next delimiter ({@code CRLF "--" boundary}) in a stream fed in chunks, handing every
 * byte before it to a sink without copying (RFC 2046 §5.1.1).
 *
 * <p>How it holds back as little as possible: a partial match at the end of a chunk is not
 * stored, since its bytes are a known prefix of the delimiter; if the match later fails, that
 * prefix is handed out from a constant. The boundary cannot contain CR, so a failed match can
 * only restart at the current byte. After the delimiter, one or two more bytes decide what it is:
 * {@code "--"} closes the body, CRLF starts the next part, a space or tab starts transport
 * padding, and anything else means the delimiter was content after all (RFC 2046 forbids the
 * boundary inside content, but a lenient reader keeps the bytes).
 *
 * <p>Slices given to the sink are read-only views of the input chunk (at most its size) or of the
 * constant (at most the delimiter length + 1). Thread-confined, like its parser.
 */
final class BoundaryScanner {
    /** What {@link #scan} stopped at. */
    enum Result {
        /** The input ran out; call again with more. */
        NEED_MORE,
        /** A delimiter followed by CRLF: a part's headers come next. */
        DELIMITER,
        /** A delimiter followed by a space or tab: transport padding, then CRLF. */
        PADDED_DELIMITER,
        /** The close delimiter ({@code --boundary--}). */
        CLOSE_DELIMITER
    }

    /** Where the bytes before a delimiter go. */
    interface Sink {
        void accept(ByteBuffer slice) throws IOException;
    }

    private final byte[] delimiter;       // CRLF "--" boundary
    private final byte[] delimiterDash;   // delimiter + "-"
    private final byte[] delimiterCr;     // delimiter + CR
    private int matched;                  // bytes of the (extended) delimiter matched so far
    private byte lookahead;               // '-' or '\r' once matched == delimiter.length + 1

    BoundaryScanner(String boundary) {
        byte[] b = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.delimiter = b;
        this.delimiterDash = extend(b, (byte) '-');
        this.delimiterCr = extend(b, (byte) '\r');
    }

    /** The delimiter length: the boundary plus CRLF and two dashes. */
    int delimiterLength() {
        return delimiter.length;
    }

    /**
     * Starts a new search. At the start of the body the leading CRLF is taken as already seen,
     * because the first delimiter may open the body directly.
     */
    void reset(boolean atBodyStart) {
        matched = atBodyStart ? 2 : 0;
    }

    /**
     * Scans from the input's position: data before a delimiter goes to {@code sink}; on a
     * delimiter the input's position is left just after it (and after the CRLF, the first padding
     * byte, or the closing dashes) and the search is reset.
     */
    Result scan(ByteBuffer in, Sink sink) throws IOException {
        final int limit = in.limit();
        int dataStart = in.position();
        int carried = matched;                       // matched bytes from earlier chunks
        int matchStart = matched > 0 ? dataStart : -1;
        for (int i = dataStart; i < limit; i++) {
            byte b = in.get(i);
            if (matched < delimiter.length) {
                if (b == delimiter[matched]) {
                    if (matched++ == 0) {
                        matchStart = i;
                    }
                    continue;
                }
            } else if (matched == delimiter.length) {
                if (b == '-' || b == '\r') {
                    lookahead = b;
                    matched++;
                    continue;
                }
                if (b == ' ' || b == '\t') {
                    return found(in, sink, dataStart, matchStart, i, Result.PADDED_DELIMITER);
                }
            } else if (lookahead == '-' ? b == '-' : b == '\n') {
                return found(in, sink, dataStart, matchStart, i,
                        lookahead == '-' ? Result.CLOSE_DELIMITER : Result.DELIMITER);
            }
            // The match failed at b: what was matched is content.
            if (carried > 0) {
                byte[] source = carried <= delimiter.length ? delimiter : lookahead == '-' ? delimiterDash : delimiterCr;
                sink.accept(ByteBuffer.wrap(source, 0, carried).slice().asReadOnlyBuffer());
                carried = 0;
            }
            matched = 0;
            if (b == delimiter[0]) {
                matched = 1;
                matchStart = i;
            }
        }
        int end = matched > 0 ? matchStart : limit;
        emit(in, sink, dataStart, end);
        in.position(limit);
        return Result.NEED_MORE;
    }

    private Result found(ByteBuffer in, Sink sink, int dataStart, int matchStart, int last, Result result)
            throws IOException {
        emit(in, sink, dataStart, matchStart);
        in.position(last + 1);
        matched = 0;
        return result;
    }

    private static void emit(ByteBuffer in, Sink sink, int from, int to) throws IOException {
        if (to > from) {
            sink.accept(in.slice(from, to - from).asReadOnlyBuffer());
        }
    }

    private static byte[] extend(byte[] b, byte last) {
        byte[] out = java.util.Arrays.copyOf(b, b.length + 1);
        out[b.length] = last;
        return out;
    }
}
