package io.jasyncio.http.cookie;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Set-Cookie} parsing algorithm of RFC 6265 §5.2, with the size and control-character
 * limits of RFC 6265bis. Stateless and package-private; {@link Cookie#parseSetCookie} is the entry.
 */
final class SetCookieParser {
    /** RFC 6265bis §5.6: name and value together may not exceed this. */
    static final int MAX_NAME_VALUE = 4096;
    /** RFC 6265bis §5.6: a longer attribute value is ignored. */
    static final int MAX_ATTRIBUTE_VALUE = 1024;

    private SetCookieParser() {}

    static Optional<Cookie> parse(String header) {
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return Optional.empty();
            }
        }
        int semi = header.indexOf(';');
        String pair = semi < 0 ? header : header.substring(0, semi);
        int eq = pair.indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        String name = trim(pair.substring(0, eq));
        String value = trim(pair.substring(eq + 1));
        if (name.isEmpty() || name.length() + value.length() > MAX_NAME_VALUE) {
            return Optional.empty();
        }
        String domain = null;
        String path = null;
        Instant expires = null;
        Duration maxAge = null;
        boolean secure = false;
        boolean httpOnly = false;
        SameSite sameSite = null;
        int pos = semi;
        while (pos >= 0 && pos < header.length()) {
            int next = header.indexOf(';', pos + 1);
            String av = header.substring(pos + 1, next < 0 ? header.length() : next);
            pos = next;
            int avEq = av.indexOf('=');
            String attrName = trim(avEq < 0 ? av : av.substring(0, avEq)).toLowerCase(Locale.ROOT);
            String attrValue = avEq < 0 ? "" : trim(av.substring(avEq + 1));
            if (attrValue.length() > MAX_ATTRIBUTE_VALUE) {
                continue;
            }
            switch (attrName) {
                case "expires" -> {
                    Optional<Instant> t = CookieDate.parse(attrValue);
                    if (t.isPresent()) {
                        expires = t.get();
                    }
                }
                case "max-age" -> {
                    Duration d = maxAge(attrValue);
                    if (d != null) {
                        maxAge = d;
                    }
                }
                case "domain" -> {
                    if (!attrValue.isEmpty()) {
                        String d = attrValue.startsWith(".") ? attrValue.substring(1) : attrValue;
                        domain = d.toLowerCase(Locale.ROOT);
                    }
                }
                case "path" -> path = attrValue.startsWith("/") ? attrValue : null;
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                case "samesite" -> {
                    SameSite s = SameSite.fromAttribute(attrValue);
                    if (s != null) {
                        sameSite = s;
                    }
                }
                default -> { } // unknown attributes are ignored (§5.2 step 6)
            }
        }
        return Optional.of(new Cookie(name, value, domain, path, expires, maxAge, secure, httpOnly, sameSite));
    }

    /** §5.2.2: optional '-', then digits only; values beyond a long saturate. Null if invalid. */
    private static Duration maxAge(String v) {
        int start = v.startsWith("-") ? 1 : 0;
        if (v.length() == start) {
            return null;
        }
        final long cap = Long.MAX_VALUE / 1000; // far beyond any date, yet safe to add to a clock reading
        long seconds = 0;
        for (int i = start; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            seconds = seconds >= cap ? cap : Math.min(cap, seconds * 10 + (c - '0'));
        }
        return Duration.ofSeconds(start == 1 ? -seconds : seconds);
    }

    /** Removes leading and trailing WSP (space and horizontal tab). */
    private static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) {
            b--;
        }
        return s.substring(a, b);
    }
}
