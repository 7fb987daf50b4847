package io.jasyncio.http.ws;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Incremental strict UTF-8 validation (Unicode Table 3-7, "well-formed UTF-8 byte sequences"):
 * rejects overlong forms, surrogates (U+D800..U+DFFF), code points above U+10FFFF and stray
 * continuation bytes, at the first byte that makes the input ill-formed, even when a sequence is
 * split across calls. {@link #isComplete()} tells whether the input so far ends on a character
 * boundary.
 *
 * <p>Thread rules: not thread-safe; one instance per message stream.
 */
final class Utf8Validator {
    private static final VarHandle LONG_VIEW =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Continuation bytes still expected by the current sequence. */
    private int need;
    /** Allowed range of the next continuation byte. */
    private int lo = 0x80;
    private int hi = 0xBF;

    /**
     * Validates {@code len} more bytes.
     *
     * @return the index of the first byte that makes the input ill-formed, or -1 if there is none
     */
    int feed(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        int need = this.need;
        int lo = this.lo;
        int hi = this.hi;
        while (i < end) {
            if (need == 0) {
                // ASCII fast path, eight bytes at a time.
                while (i + 8 <= end && (((long) LONG_VIEW.get(b, i)) & HIGH_BITS) == 0) {
                    i += 8;
                }
                if (i >= end) {
                    break;
                }
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                if (c >= 0xC2 && c <= 0xDF) {
                    need = 1;
                    lo = 0x80;
                    hi = 0xBF;
                } else if (c == 0xE0) {
                    need = 2;
                    lo = 0xA0;
                    hi = 0xBF;
                } else if (c == 0xED) {
                    need = 2;
                    lo = 0x80;
                    hi = 0x9F;
                } else if (c >= 0xE1 && c <= 0xEF) {
                    need = 2;
                    lo = 0x80;
                    hi = 0xBF;
                } else if (c == 0xF0) {
                    need = 3;
                    lo = 0x90;
                    hi = 0xBF;
                } else if (c >= 0xF1 && c <= 0xF3) {
                    need = 3;
                    lo = 0x80;
                    hi = 0xBF;
                } else if (c == 0xF4) {
                    need = 3;
                    lo = 0x80;
                    hi = 0x8F;
                } else {
                    save(need, lo, hi);
                    return i;
                }
            } else {
                int c = b[i] & 0xFF;
                if (c < lo || c > hi) {
                    save(need, lo, hi);
                    return i;
                }
                need--;
                lo = 0x80;
                hi = 0xBF;
            }
            i++;
        }
        save(need, lo, hi);
        return -1;
    }

    private void save(int need, int lo, int hi) {
        this.need = need;
        this.lo = lo;
        this.hi = hi;
    }

    /** Whether the bytes fed so far end on a character boundary. */
    boolean isComplete() {
        return need == 0;
    }

    /** Forgets all input: ready for a new message. */
    void reset() {
        save(0, 0x80, 0xBF);
    }

    /** Whether {@code b[off, off+len)} is well-formed UTF-8 on its own. */
    static boolean isValid(byte[] b, int off, int len) {
        Utf8Validator v = new Utf8Validator();
        return v.feed(b, off, len) < 0 && v.isComplete();
    }

    /** {@code s} cut at a character boundary so that its UTF-8 form has at most {@code maxBytes}. */
    static String truncate(String s, int maxBytes) {
        if (s == null) {
            return "";
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxBytes) {
            return s;
        }
        int end = maxBytes;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // do not cut inside a sequence: back up to its lead byte
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
