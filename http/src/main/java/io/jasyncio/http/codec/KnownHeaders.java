package io.jasyncio.http.codec;

import io.jasyncio.http.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The table of common header names: lets the parser return a shared {@code String} instead of
 * allocating one per received name, flags the names whose values drive message framing, and
 * gives the writer pre-encoded {@code "Name: "} bytes. Immutable after class initialization;
 * thread-safe.
 */
final class KnownHeaders {
    private KnownHeaders() {
    }

    /** {@link #special} of an ordinary name. */
    static final int NONE = 0;
    static final int CONTENT_LENGTH = 1;
    static final int TRANSFER_ENCODING = 2;
    static final int CONNECTION = 3;
    static final int UPGRADE = 4;
    static final int EXPECT = 5;
    static final int HOST = 6;

    private static final String[] NAMES = {
        HeaderNames.HOST, HeaderNames.CONTENT_LENGTH, HeaderNames.TRANSFER_ENCODING, HeaderNames.CONNECTION,
        HeaderNames.UPGRADE, HeaderNames.EXPECT, HeaderNames.ACCEPT, HeaderNames.ACCEPT_CHARSET,
        HeaderNames.ACCEPT_ENCODING, HeaderNames.ACCEPT_LANGUAGE, HeaderNames.ACCEPT_RANGES,
        HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, HeaderNames.AGE, HeaderNames.ALLOW, HeaderNames.AUTHORIZATION,
        HeaderNames.CACHE_CONTROL, HeaderNames.CONTENT_DISPOSITION, HeaderNames.CONTENT_ENCODING,
        HeaderNames.CONTENT_LANGUAGE, HeaderNames.CONTENT_LOCATION, HeaderNames.CONTENT_RANGE,
        HeaderNames.CONTENT_TYPE, HeaderNames.COOKIE, HeaderNames.DATE, HeaderNames.DNT, HeaderNames.ETAG,
        HeaderNames.EXPIRES, HeaderNames.FORWARDED, HeaderNames.IF_MATCH, HeaderNames.IF_MODIFIED_SINCE,
        HeaderNames.IF_NONE_MATCH, HeaderNames.IF_RANGE, HeaderNames.IF_UNMODIFIED_SINCE, HeaderNames.KEEP_ALIVE,
        HeaderNames.LAST_MODIFIED, HeaderNames.LOCATION, HeaderNames.ORIGIN, HeaderNames.PRAGMA,
        HeaderNames.PRIORITY, HeaderNames.PROXY_AUTHORIZATION, HeaderNames.RANGE, HeaderNames.REFERER,
        HeaderNames.RETRY_AFTER, HeaderNames.SEC_CH_UA, HeaderNames.SEC_CH_UA_MOBILE,
        HeaderNames.SEC_CH_UA_PLATFORM, HeaderNames.SEC_FETCH_DEST, HeaderNames.SEC_FETCH_MODE,
        HeaderNames.SEC_FETCH_SITE, HeaderNames.SEC_FETCH_USER, HeaderNames.SEC_WEBSOCKET_ACCEPT,
        HeaderNames.SEC_WEBSOCKET_EXTENSIONS, HeaderNames.SEC_WEBSOCKET_KEY, HeaderNames.SEC_WEBSOCKET_PROTOCOL,
        HeaderNames.SEC_WEBSOCKET_VERSION, HeaderNames.SERVER, HeaderNames.SET_COOKIE,
        HeaderNames.STRICT_TRANSPORT_SECURITY, HeaderNames.TE, HeaderNames.TRAILER,
        HeaderNames.UPGRADE_INSECURE_REQUESTS, HeaderNames.USER_AGENT, HeaderNames.VARY, HeaderNames.VIA,
        HeaderNames.WWW_AUTHENTICATE, HeaderNames.X_FORWARDED_FOR, HeaderNames.X_FORWARDED_HOST,
        HeaderNames.X_FORWARDED_PROTO, HeaderNames.X_REQUESTED_WITH,
    };

    /** Canonical spelling bytes, per known index. */
    private static final byte[][] CANON_BYTES = new byte[NAMES.length][];
    /** All-lower-case spellings (the HTTP/2 style some clients use on HTTP/1.1 too), per index. */
    private static final String[] LOWER = new String[NAMES.length];
    private static final byte[][] LOWER_BYTES = new byte[NAMES.length][];
    private static final int[] SPECIAL = new int[NAMES.length];
    /** Open-addressing table of known index + 1 (0: empty), keyed by {@link #hash}. */
    private static final int[] TABLE = new int[256];
    /** {@code "Name: "} bytes keyed by canonical spelling, for the writer. */
    private static final Map<String, byte[]> ENCODED = new HashMap<>();

    static {
        for (int i = 0; i < NAMES.length; i++) {
            String n = NAMES[i];
            CANON_BYTES[i] = n.getBytes(StandardCharsets.ISO_8859_1);
            LOWER[i] = n.toLowerCase(Locale.ROOT);
            LOWER_BYTES[i] = LOWER[i].getBytes(StandardCharsets.ISO_8859_1);
            ENCODED.put(n, (n + ": ").getBytes(StandardCharsets.ISO_8859_1));
            int h = 0;
            for (byte b : LOWER_BYTES[i]) {
                h = step(h, b);
            }
            int slot = slot(h);
            while (TABLE[slot] != 0) {
                slot = (slot + 1) & (TABLE.length - 1);
            }
            TABLE[slot] = i + 1;
        }
        SPECIAL[0] = HOST;
        SPECIAL[1] = CONTENT_LENGTH;
        SPECIAL[2] = TRANSFER_ENCODING;
        SPECIAL[3] = CONNECTION;
        SPECIAL[4] = UPGRADE;
        SPECIAL[5] = EXPECT;
    }

    /**
     * One step of the case-insensitive name hash: feed each byte of a name in order, from 0.
     * {@code | 0x20} lower-cases letters and leaves digits and '-' alone, which is all that known
     * names contain; other tchars may collide, and {@link #find} compares bytes anyway.
     */
    static int step(int h, byte b) {
        return 31 * h + (b | 0x20);
    }

    private static int slot(int h) {
        return (h ^ h >>> 8 ^ h >>> 16) & (TABLE.length - 1);
    }

    /**
     * Looks up a name that has already been checked to consist of tchars.
     *
     * @param hash the name's {@link #step} hash
     * @return the known index, or -1
     */
    static int find(byte[] a, int off, int len, int hash) {
        for (int slot = slot(hash); TABLE[slot] != 0; slot = (slot + 1) & (TABLE.length - 1)) {
            int k = TABLE[slot] - 1;
            byte[] lower = LOWER_BYTES[k];
            if (lower.length == len) {
                int i = 0;
                // tchars other than letters are unchanged by | 0x20 or map to non-tchars, so this
                // compares letters ignoring case and everything else exactly.
                while (i < len && (a[off + i] | 0x20) == lower[i]) {
                    i++;
                }
                if (i == len) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** @return the shared string for known index {@code k} if the bytes match its canonical or lower-case spelling, else a new string */
    static String name(int k, byte[] a, int off, int len) {
        if (regionEquals(a, off, CANON_BYTES[k])) {
            return NAMES[k];
        }
        if (regionEquals(a, off, LOWER_BYTES[k])) {
            return LOWER[k];
        }
        return Ascii.latin1(a, off, len);
    }

    /** @return the framing role of known index {@code k}, or {@link #NONE} */
    static int special(int k) {
        return SPECIAL[k];
    }

    /** @return the bytes of {@code "Name: "} if {@code name} is a known name in canonical spelling, else null */
    static byte[] encoded(String name) {
        return ENCODED.get(name);
    }

    private static boolean regionEquals(byte[] a, int off, byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (a[off + i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
