package io.jasyncio.http.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading header values for the handshake helpers, which take headers as a plain
 * {@code Map<String, List<String>>} (names looked up ignoring case) or as a lookup function.
 *
 * <p>Thread rules: pure functions.
 */
final class HeaderValues {
    private HeaderValues() {
    }

    /** A lookup over {@code headers} that ignores the case of names; absent names give an empty list. */
    static Function<String, List<String>> lookup(Map<String, ? extends List<String>> headers) {
        return name -> {
            List<String> all = new ArrayList<>();
            for (Map.Entry<String, ? extends List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
                    all.addAll(e.getValue());
                }
            }
            return all;
        };
    }

    /** All values of {@code name}, never null. */
    static List<String> all(Function<String, List<String>> headers, String name) {
        List<String> v = headers.apply(name);
        return v == null ? List.of() : v;
    }

    /** The comma-separated elements of all values, trimmed, without empty ones. */
    static List<String> elements(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                String t = part.strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Whether one of the comma-separated elements of the values equals {@code token}, ignoring case. */
    static boolean containsToken(List<String> values, String token) {
        for (String e : elements(values)) {
            if (e.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** The values for an error message: "[a, b]" or "none". */
    static String describe(List<String> values) {
        return values.isEmpty() ? "none" : values.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
