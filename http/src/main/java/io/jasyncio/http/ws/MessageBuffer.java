package io.jasyncio.http.ws;

import java.util.Arrays;

/**
 * The growing payload of the message being received, bounded by the parser's message size limit.
 *
 * <p>Invariants: {@code 0 <= size <= buf.length <= hardCap}, where {@code hardCap} is one more
 * than the limit (so that going over the limit can be noticed after inflating) or the largest
 * array size when there is no limit. {@link #take()} hands the bytes over and leaves the buffer
 * empty, so a message's array is never written again.
 *
 * <p>Thread rules: not thread-safe; owned by one {@link WsFrameParser}.
 */
final class MessageBuffer {
    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Largest allocation made on the word of a frame header alone, before its bytes arrive. */
    private static final int MAX_PREALLOC = 4 * 1024 * 1024;

    private final long limit;
    private final int hardCap;
    byte[] buf = EMPTY;
    int size;

    /** @param limit the largest message in bytes, or 0 for no limit (the largest Java array) */
    MessageBuffer(int limit) {
        this.limit = limit == 0 ? MAX_ARRAY : limit;
        this.hardCap = (int) Math.min(this.limit + 1, MAX_ARRAY);
    }

    long limit() {
        return limit;
    }

    /**
     * Makes room for an uncompressed frame of {@code frameLength} bytes.
     *
     * @throws WsProtocolException 1009 if the message would exceed the limit
     */
    void reserveFrame(long frameLength) throws WsProtocolException {
        if (frameLength > limit - size) {
            throw new WsProtocolException(WsCloseCode.MESSAGE_TOO_BIG, "message exceeds the limit of " + limit
                    + " bytes: a frame of " + frameLength + " bytes after " + size + " bytes");
        }
        int want = size + (int) Math.min(frameLength, MAX_PREALLOC);
        if (want > buf.length) {
            // A frame that starts a message gets an array of its exact size: a one-frame message
            // then needs no copy. Later fragments grow it geometrically.
            buf = Arrays.copyOf(buf, size == 0 ? want : (int) Math.max(want, Math.min(2L * buf.length, hardCap)));
        }
    }

    /** Ensures {@code n} more bytes fit (the caller has checked the limit). */
    void ensureRoom(int n) {
        int need = size + n;
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.max(need, Math.min(2L * buf.length, hardCap)));
        }
    }

    /**
     * Room for inflating into: grows the array if it is full, never past one byte over the limit.
     * Only called while {@code size <= limit}, so the result is at least 1.
     */
    int roomForInflate() {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(Math.max(256, 2L * buf.length), hardCap));
        }
        return buf.length - size;
    }

    /** @throws WsProtocolException 1009 if the bytes held exceed the limit */
    void checkLimit() throws WsProtocolException {
        if (size > limit) {
            throw new WsProtocolException(WsCloseCode.MESSAGE_TOO_BIG,
                    "decompressed message exceeds the limit of " + limit + " bytes");
        }
    }

    /** The bytes held, in an array of their exact length; the buffer is then empty. */
    byte[] take() {
        byte[] out = buf.length == size ? buf : Arrays.copyOf(buf, size);
        buf = EMPTY;
        size = 0;
        return out;
    }
}
