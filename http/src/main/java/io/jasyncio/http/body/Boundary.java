package io.jasyncio.http.body;

import java.security.SecureRandom;

/**
 * Multipart boundaries: validation and generation. Stateless apart from its random source,
 * which is thread-safe.
 */
final class Boundary {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BCHARS_NO_SPACE =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?";

    private Boundary() {}

    /** 32 random hex digits, as aiohttp's {@code uuid4().hex}. */
    static String random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        StringBuilder sb = new StringBuilder(32);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return sb.toString();
    }

    /** RFC 2046 §5.1.1: 1..70 bchars, not ending in a space. For boundaries we write. */
    static String checkStrict(String boundary) {
        boolean ok = !boundary.isEmpty() && boundary.length() <= 70 && !boundary.endsWith(" ");
        for (int i = 0; ok && i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            ok = c == ' ' || BCHARS_NO_SPACE.indexOf(c) >= 0;
        }
        if (!ok) {
            throw new IllegalArgumentException("invalid multipart boundary '" + boundary
                    + "': RFC 2046 allows 1..70 letters, digits and '()+_,-./:=? (space inside only)");
        }
        return boundary;
    }

    /** Lenient check for boundaries we read: 1..200 printable ASCII characters. */
    static String checkForParsing(String boundary) {
        boolean ok = !boundary.isEmpty() && boundary.length() <= 200;
        for (int i = 0; ok && i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            ok = c >= 0x20 && c < 0x7f;
        }
        if (!ok) {
            throw new IllegalArgumentException("invalid multipart boundary '" + boundary
                    + "': expected 1..200 printable ASCII characters");
        }
        return boundary;
    }
}
