package io.jasyncio.http.cookie;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The request {@code Cookie} header (RFC 6265 §4.2, §5.4): {@code a=1; b=2}.
 *
 * <p>Parsing (for a server) is lenient: pairs are split at {@code ;}, surrounding whitespace is
 * dropped, a piece without {@code =} or with an empty name is skipped, and one pair of
 * double quotes around a value is removed (as Python's {@code SimpleCookie} and Go do). When a
 * name repeats, {@link #parse} keeps the first value, because a user agent lists the cookie with
 * the most specific path first; {@link #parseAll} keeps all of them.
 *
 * <p>Stateless; every method is pure and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=cookieHeader}
 */
public final class CookieHeader {
    private CookieHeader() {}

    /** Names to values in header order; the first value of a repeated name wins. Unmodifiable. */
    public static Map<String, String> parse(String header) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parseAll(header)) {
            cookies.putIfAbsent(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(cookies);
    }

    /** Every pair in header order, repeats included. Unmodifiable. */
    public static List<Map.Entry<String, String>> parseAll(String header) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String piece : header.split(";")) {
            int eq = piece.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = piece.substring(0, eq).strip();
            String value = piece.substring(eq + 1).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            pairs.add(Map.entry(name, value));
        }
        return Collections.unmodifiableList(pairs);
    }

    /** The header value for the cookies in the given order: {@code a=1; b=2}; empty if none. */
    public static String format(Collection<Cookie> cookies) {
        StringJoiner j = new StringJoiner("; ");
        cookies.forEach(c -> j.add(c.toRequestPair()));
        return j.toString();
    }
}
