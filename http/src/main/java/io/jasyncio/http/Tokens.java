package io.jasyncio.http;

/**
 * Character classes of RFC 9110 §5.6.2 (token) and §5.5 (field values), for checking strings.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=methodStatus}
 */
public final class Tokens {
    private Tokens() {
    }

    /**
     * @param c a character
     * @return whether {@code c} is a {@code tchar}: a letter, digit or one of {@code !#$%&'*+-.^_`|~}
     */
    public static boolean isTchar(int c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }

    /**
     * @param s any string
     * @return whether {@code s} is a non-empty token (a valid header name or method)
     */
    public static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param c a character
     * @return whether {@code c} may appear in a field value: HTAB, SP, visible ASCII or obs-text
     *         (0x80-0xFF); never CR, LF, NUL, DEL or another control character
     */
    public static boolean isFieldValueChar(int c) {
        return c >= 0x20 && c != 0x7F && c <= 0xFF || c == '\t';
    }
}
