package io.jasyncio.http.ws;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The masking of RFC 6455 §5.3: byte {@code i} of a payload is XORed with byte {@code i % 4} of
 * the 32-bit masking key (the key's most significant byte is its first on the wire). Masking and
 * unmasking are the same operation. Works eight bytes at a time.
 *
 * <p>Thread rules: pure functions on the caller's arrays.
 */
final class WsMasking {
    private static final VarHandle LONG_VIEW =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private WsMasking() {
    }

    /**
     * XORs {@code b[off, off+len)} in place with the mask, where {@code b[off]} is byte number
     * {@code position} of the frame's payload (only {@code position % 4} matters).
     */
    static void mask(byte[] b, int off, int len, int maskKey, long position) {
        if (len <= 0 || maskKey == 0) {
            return;
        }
        int key = Integer.rotateLeft(maskKey, 8 * (int) (position & 3));
        int i = off;
        int end = off + len;
        if (len >= 8) {
            // Little-endian view (native on x86 and ARM): the key's first byte is the lowest.
            int reversed = Integer.reverseBytes(key);
            long wide = ((long) reversed << 32) | (reversed & 0xFFFFFFFFL);
            for (int stop = end - 7; i < stop; i += 8) {
                LONG_VIEW.set(b, i, (long) LONG_VIEW.get(b, i) ^ wide);
            }
        }
        for (int k = 0; i < end; i++, k++) {
            b[i] ^= (byte) (key >>> (24 - 8 * (k & 3)));
        }
    }
}
