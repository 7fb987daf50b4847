package io.jasyncio.http.url;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Percent-encoding (RFC 3986 §2.1) and the {@code application/x-www-form-urlencoded} variant in
 * which a space is {@code +}.
 *
 * <p>Encoders write UTF-8 octets as upper-case {@code %XX} and leave only the characters each
 * method names. Decoders are lenient, as browsers are: a {@code %} not followed by two hex digits
 * is kept literally, and octets that are not valid in the charset become U+FFFD. Decoding never
 * throws for bad input.
 *
 * <p>Stateless; every method is pure and safe to call from any thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=percentCodec}
 */
public final class PercentCodec {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~". */
    static final boolean[] UNRESERVED = table("-._~");
    /** sub-delims. */
    static final String SUB_DELIMS = "!$&'()*+,;=";
    /** pchar without pct-encoded, plus "/": what a path may hold literally. */
    static final boolean[] PATH = table("-._~" + SUB_DELIMS + ":@/");
    /** What a query or fragment may hold literally. */
    static final boolean[] QUERY = table("-._~" + SUB_DELIMS + ":@/?");
    /** What user information may hold literally. */
    static final boolean[] USERINFO = table("-._~" + SUB_DELIMS + ":");

    private PercentCodec() {}

    /** Encodes everything but unreserved characters: for one path segment, name or value. */
    public static String encode(String s) {
        return encode(s, UNRESERVED, false, StandardCharsets.UTF_8);
    }

    /** Encodes for a form or query component: as {@link #encode(String)}, but space becomes {@code +}. */
    public static String encodeForm(String s) {
        return encodeForm(s, StandardCharsets.UTF_8);
    }

    /** As {@link #encodeForm(String)}, with the octets of {@code charset}. */
    public static String encodeForm(String s, Charset charset) {
        return encode(s, UNRESERVED, true, charset);
    }

    /**
     * Encodes a decoded path: keeps {@code /} and the characters a path may hold literally
     * ({@code :@!$&'()*+,;=}), encodes {@code %}, {@code ?}, {@code #}, space and everything else.
     */
    public static String encodePath(String s) {
        return encode(s, PATH, false, StandardCharsets.UTF_8);
    }

    /** Decodes {@code %XX} sequences as UTF-8; {@code +} stays a plus sign. */
    public static String decode(String s) {
        return decode(s, false, StandardCharsets.UTF_8);
    }

    /** Decodes {@code %XX} sequences in {@code charset}; {@code +} stays a plus sign. */
    public static String decode(String s, Charset charset) {
        return decode(s, false, charset);
    }

    /** Decodes a form or query component: {@code +} is a space, {@code %XX} are UTF-8 octets. */
    public static String decodeForm(String s) {
        return decode(s, true, StandardCharsets.UTF_8);
    }

    /** As {@link #decodeForm(String)}, with the octets read in {@code charset}. */
    public static String decodeForm(String s, Charset charset) {
        return decode(s, true, charset);
    }

    private static String encode(String s, boolean[] keep, boolean plusForSpace, Charset charset) {
        Objects.requireNonNull(s, "s");
        int i = 0;
        while (i < s.length() && isKept(s.charAt(i), keep)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isKept(c, keep)) {
                sb.append(c);
                i++;
            } else if (c == ' ' && plusForSpace) {
                sb.append('+');
                i++;
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < s.length()
                        && Character.isLowSurrogate(s.charAt(end))) {
                    end++;
                }
                for (byte b : s.substring(i, end).getBytes(charset)) {
                    appendEscape(sb, b);
                }
                i = end;
            }
        }
        return sb.toString();
    }

    private static String decode(String s, boolean plusAsSpace, Charset charset) {
        Objects.requireNonNull(s, "s");
        if (s.indexOf('%') < 0 && (!plusAsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                octets.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 3;
                continue;
            }
            if (octets.size() > 0) {
                sb.append(octets.toString(charset));
                octets.reset();
            }
            sb.append(plusAsSpace && c == '+' ? ' ' : c);
            i++;
        }
        if (octets.size() > 0) {
            sb.append(octets.toString(charset));
        }
        return sb.toString();
    }

    /**
     * Brings a raw component into canonical form: characters outside {@code keep} are encoded as
     * UTF-8, an existing {@code %XX} gets upper-case digits (or is decoded if it stands for an
     * unreserved character), and a {@code %} that starts no escape is encoded as {@code %25}.
     */
    static String normalize(String raw, boolean[] keep) {
        StringBuilder sb = null;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                int v = hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2));
                String canonical = v < 128 && UNRESERVED[v]
                        ? String.valueOf((char) v)
                        : "%" + HEX[v >> 4] + HEX[v & 15];
                if (sb == null && !raw.regionMatches(i, canonical, 0, canonical.length())) {
                    sb = new StringBuilder(raw.length() + 16).append(raw, 0, i);
                }
                if (sb != null) {
                    sb.append(canonical);
                }
                i += 3;
            } else if (c != '%' && isKept(c, keep)) {
                if (sb != null) {
                    sb.append(c);
                }
                i++;
            } else {
                if (sb == null) {
                    sb = new StringBuilder(raw.length() + 16).append(raw, 0, i);
                }
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < raw.length()
                        && Character.isLowSurrogate(raw.charAt(end))) {
                    end++;
                }
                for (byte b : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(sb, b);
                }
                i = end;
            }
        }
        return sb == null ? raw : sb.toString();
    }

    private static boolean isKept(char c, boolean[] keep) {
        return c < 128 && keep[c];
    }

    private static void appendEscape(StringBuilder sb, byte b) {
        sb.append('%').append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean[] table(String extra) {
        boolean[] t = new boolean[128];
        for (char c = '0'; c <= '9'; c++) {
            t[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            t[c] = true;
            t[c - 32] = true;
        }
        for (char c : extra.toCharArray()) {
            t[c] = true;
        }
        return t;
    }
}
