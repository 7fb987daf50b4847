package io.jasyncio.http.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of request paths, in the two forms the server needs.
 *
 * <ul>
 *   <li>{@link #safe(String)}: what routes are matched against (aiohttp's {@code path_safe}):
 *       every escape decoded except {@code %2F} and {@code %25}, which stay encoded (upper-case
 *       hex), so an encoded slash never splits a segment and an encoded percent never forms a new
 *       escape.</li>
 *   <li>{@link #full(String)}: the path a handler sees ({@code request.path()}), and the form
 *       {@link #unsafe(String)} turns a safe value into.</li>
 * </ul>
 * The raw path is the request-target as the parser gives it: ASCII, plus bytes 0x80-0xFF that a
 * client sent unencoded, as ISO-8859-1 characters. Decoded octets are read as UTF-8; malformed
 * sequences become U+FFFD. Never throws for bad input.
 *
 * <p>Stateless and thread-safe.
 */
final class PathDecoding {

    private PathDecoding() {
    }

    /** @return the path with every escape but {@code %2F} and {@code %25} decoded */
    static String safe(String raw) {
        return decode(raw, true);
    }

    /** @return the path with every escape decoded */
    static String full(String raw) {
        return decode(raw, false);
    }

    /** @return a value matched in the safe form, with {@code %2F} and {@code %25} decoded too */
    static String unsafe(String safeValue) {
        if (safeValue.indexOf('%') < 0) {
            return safeValue;
        }
        return safeValue.replace("%2F", "/").replace("%25", "%");
    }

    private static String decode(String raw, boolean keepSlash) {
        if (isPlainAscii(raw)) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < n && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                int b = hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2));
                if (keepSlash && (b == '/' || b == '%')) {
                    out.write('%');
                    out.write('2');
                    out.write(b == '/' ? 'F' : '5');
                } else {
                    out.write(b);
                }
                i += 2;
            } else if (c <= 0xFF) {
                out.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '%' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int hex(char c) {
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
}
