package io.jasyncio.http.mime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Header grammar shared by the types of this package: tokens, quoted strings and the
 * {@code *( OWS ";" OWS name "=" value )} parameter lists of RFC 9110 §5.6.6.
 *
 * <p>Stateless and package-private; every method is pure.
 */
final class Syntax {
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private Syntax() {}

    static boolean isTchar(char c) {
        return c < 128 && TCHAR[c];
    }

    static boolean isToken(String s) {
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

    static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    static int skipOws(String s, int i) {
        while (i < s.length() && isOws(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Appends {@code value} as a token when it is one, otherwise as an escaped quoted-string. */
    static StringBuilder appendValue(StringBuilder sb, String value) {
        if (isToken(value)) {
            return sb.append(value);
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"');
    }

    /** Rejects characters that cannot appear in a header field value. */
    static void checkFieldValue(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException(
                        what + " contains the control character U+%04X".formatted((int) c));
            }
        }
    }

    /**
     * Parses the parameter list that starts at {@code from} (just after the main value).
     * Names are lower-cased; a quoted value is unescaped. With {@code strictEscapes} a backslash
     * escapes any character (RFC 9110); without it a backslash only escapes {@code "} and
     * {@code \} and is otherwise literal, which keeps Windows paths that browsers send intact.
     * Unquoted values may hold any visible character but {@code ;} and {@code "}, because real
     * senders put {@code =} and {@code /} in unquoted boundaries.
     *
     * @throws IllegalArgumentException naming the problem and its position
     */
    static Map<String, String> parameters(String s, int from, boolean strictEscapes) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = from;
        while (true) {
            i = skipOws(s, i);
            if (i >= s.length()) {
                return params;
            }
            if (s.charAt(i) != ';') {
                throw new IllegalArgumentException(
                        "expected ';' at index " + i + " of '" + s + "'");
            }
            i = skipOws(s, i + 1);
            if (i >= s.length() || s.charAt(i) == ';') {
                continue; // empty list element
            }
            int nameStart = i;
            while (i < s.length() && isTchar(s.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw new IllegalArgumentException(
                        "invalid parameter name at index " + i + " of '" + s + "'");
            }
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipOws(s, i);
            if (i >= s.length() || s.charAt(i) != '=') {
                throw new IllegalArgumentException("parameter '" + name + "' has no value");
            }
            i = skipOws(s, i + 1);
            String value;
            if (i < s.length() && s.charAt(i) == '"') {
                StringBuilder v = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException(
                                "unterminated quoted string in parameter '" + name + "'");
                    }
                    char c = s.charAt(i);
                    if (c == '"') {
                        i++;
                        break;
                    }
                    if (c == '\\' && i + 1 < s.length()
                            && (strictEscapes || s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                        c = s.charAt(++i);
                    }
                    v.append(c);
                    i++;
                }
                value = v.toString();
            } else {
                int valueStart = i;
                while (i < s.length() && s.charAt(i) != ';' && s.charAt(i) != '"'
                        && !isOws(s.charAt(i))) {
                    i++;
                }
                value = s.substring(valueStart, i);
            }
            if (params.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("duplicate parameter '" + name + "'");
            }
        }
    }
}
