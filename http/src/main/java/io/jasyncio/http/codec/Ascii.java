package io.jasyncio.http.codec;

import io.jasyncio.http.Tokens;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Byte classification tables and small byte helpers for the parsers and the writer.
 * Stateless and thread-safe.
 */
final class Ascii {
    private Ascii() {
    }

    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte SP = ' ';
    static final byte HTAB = '\t';

    /** Bit in {@link #CLASS}: a {@code tchar} (RFC 9110 §5.6.2). */
    static final int TCHAR = 1;
    /** Bit in {@link #CLASS}: allowed in a field value or reason phrase: HTAB, SP, VCHAR, obs-text. */
    static final int FIELD = 2;
    /**
     * Bit in {@link #CLASS}: allowed in a request-target: visible ASCII and, leniently, obs-text
     * (0x80-0xFF, raw UTF-8 from some clients). Never SP, CTLs or DEL.
     */
    static final int TARGET = 4;

    /** Classes of each byte value, indexed by {@code b & 0xFF}. */
    static final byte[] CLASS = new byte[256];

    /** Value of each hex digit byte, or -1. */
    static final byte[] HEX = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            int k = 0;
            if (c < 128 && Tokens.isTchar(c)) {
                k |= TCHAR;
            }
            if (Tokens.isFieldValueChar(c)) {
                k |= FIELD;
            }
            if (c > 0x20 && c != 0x7F) {
                k |= TARGET;
            }
            CLASS[c] = (byte) k;
            HEX[c] = (byte) (c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1);
        }
    }

    static boolean is(byte b, int cls) {
        return (CLASS[b & 0xFF] & cls) != 0;
    }

    /** @return {@code b} lower-cased if it is an ASCII upper-case letter */
    static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** @return bytes {@code [off, off+len)} decoded as ISO-8859-1 (one char per byte; fast path in the JDK) */
    static String latin1(byte[] a, int off, int len) {
        return new String(a, off, len, StandardCharsets.ISO_8859_1);
    }

    /** @return a printable description of a byte for error messages, e.g. {@code 'x'} or {@code 0x0D} */
    static String describe(int b) {
        b &= 0xFF;
        return b > 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("0x%02X", b);
    }

    /** @return whether {@code a[off, off+len)} equals {@code s} ignoring ASCII case ({@code s} in lower case) */
    static boolean equalsLower(byte[] a, int off, int len, String lowerCase) {
        if (len != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (lower(a[off + i]) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /**
     * Finds the first LF in {@code in} between absolute indices {@code from} and {@code to},
     * eight bytes at a time.
     *
     * @return its absolute index, or -1
     */
    static int indexOfLf(ByteBuffer in, int from, int to) {
        int i = from;
        if (in.hasArray()) {
            byte[] a = in.array();
            int off = in.arrayOffset();
            for (; i + 8 <= to; i += 8) {
                long x = (long) LONGS.get(a, off + i) ^ LFS;
                long zeros = ~(((x & LOW7) + LOW7) | x | LOW7); // 0x80 exactly in each byte that was LF
                if (zeros != 0) {
                    return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
                }
            }
            for (; i < to; i++) {
                if (a[off + i] == LF) {
                    return i;
                }
            }
            return -1;
        }
        boolean little = in.order() == ByteOrder.LITTLE_ENDIAN;
        for (; i + 8 <= to; i += 8) {
            long x = in.getLong(i) ^ LFS;
            long zeros = ~(((x & LOW7) + LOW7) | x | LOW7);
            if (zeros != 0) {
                return i + ((little ? Long.numberOfTrailingZeros(zeros) : Long.numberOfLeadingZeros(zeros)) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (in.get(i) == LF) {
                return i;
            }
        }
        return -1;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long DELS = 0x7F7F7F7F7F7F7F7FL;

    /**
     * Finds the first byte in {@code a[from, to)} that may not appear in a field value (a
     * control character other than HTAB, or DEL), checking eight bytes at a time.
     *
     * @return its index, or -1 if all are allowed
     */
    static int indexOfNonField(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i);
            // Any byte < 0x20 (exact when there is none: no borrows), or any byte == 0x7F.
            long below = (x - SPACES) & ~x & HIGHS;
            long y = x ^ DELS;
            long del = (y - ONES) & ~y & HIGHS;
            if ((below | del) != 0) {
                for (int j = i; j < i + 8; j++) {
                    if (!is(a[j], FIELD)) {
                        return j;
                    }
                }
            }
        }
        for (; i < to; i++) {
            if (!is(a[i], FIELD)) {
                return i;
            }
        }
        return -1;
    }
}
