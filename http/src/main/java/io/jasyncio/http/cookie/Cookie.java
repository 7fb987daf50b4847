package io.jasyncio.http.cookie;

import io.jasyncio.http.mime.HttpDate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One cookie: a name, a value and the attributes of RFC 6265 §4.1 ({@code Domain}, {@code Path},
 * {@code Expires}, {@code Max-Age}, {@code Secure}, {@code HttpOnly}) plus {@code SameSite}.
 *
 * <p>Two ways in, with different strictness:
 * <ul>
 *   <li>{@link #of} and the {@code with...} methods are for cookies this program makes (a server
 *       setting one). They validate strictly so {@link #toSetCookieString()} is always a valid
 *       header: the name must be a token, the value {@code cookie-octet}s (optionally in double
 *       quotes), and domain and path free of {@code ;} and control characters.
 *   <li>{@link #parseSetCookie} is for cookies received (a client reading {@code Set-Cookie}). It
 *       follows the lenient algorithm of RFC 6265 §5.2 and keeps what it reads, so a parsed value
 *       may hold characters {@link #of} would refuse, but never {@code ;} or control characters.
 * </ul>
 *
 * <p>The value is kept exactly as written, including any double quotes (RFC 6265 makes them part
 * of the value). A parsed {@code Domain} has its leading dot removed and is lower-cased. Absent
 * attributes are empty {@code Optional}s. Equality compares every field.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=cookie}
 */
public final class Cookie {
    private final String name;
    private final String value;
    private final String domain;
    private final String path;
    private final Instant expires;
    private final Duration maxAge;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;

    Cookie(String name, String value, String domain, String path, Instant expires, Duration maxAge,
            boolean secure, boolean httpOnly, SameSite sameSite) {
        this.name = name;
        this.value = value;
        this.domain = domain;
        this.path = path;
        this.expires = expires;
        this.maxAge = maxAge;
        this.secure = secure;
        this.httpOnly = httpOnly;
        this.sameSite = sameSite;
    }

    /**
     * A cookie with no attributes.
     *
     * @throws IllegalArgumentException if the name is not a token or the value holds characters
     *     outside {@code cookie-octet} (space, {@code "}, {@code ,}, {@code ;}, {@code \}, controls,
     *     non-ASCII) other than one pair of enclosing double quotes
     */
    public static Cookie of(String name, String value) {
        checkName(name);
        checkValue(value);
        return new Cookie(name, value, null, null, null, null, false, false, null);
    }

    /**
     * Parses a {@code Set-Cookie} header value by RFC 6265 §5.2; empty when the algorithm says to
     * ignore the whole header: no {@code =} in the name-value pair, an empty name, a control
     * character other than tab (RFC 6265bis), or a name and value longer than 4096 characters
     * together. Unrecognised or invalid attributes are skipped.
     */
    public static Optional<Cookie> parseSetCookie(String headerValue) {
        return SetCookieParser.parse(headerValue);
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The value, exactly as written. */
    public String value() {
        return value;
    }

    /** The {@code Domain} attribute, without a leading dot. */
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    /** The {@code Path} attribute. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** The {@code Expires} attribute. */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** The {@code Max-Age} attribute; zero or negative means "expire now". */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /** Whether {@code Secure} is set. */
    public boolean secure() {
        return secure;
    }

    /** Whether {@code HttpOnly} is set. */
    public boolean httpOnly() {
        return httpOnly;
    }

    /** The {@code SameSite} attribute. */
    public Optional<SameSite> sameSite() {
        return Optional.ofNullable(sameSite);
    }

    /** A copy with another value, validated as in {@link #of}. */
    public Cookie withValue(String newValue) {
        checkValue(newValue);
        return new Cookie(name, newValue, domain, path, expires, maxAge, secure, httpOnly, sameSite);
    }

    /** A copy with the {@code Domain} attribute (leading dot dropped, lower-cased); null removes it. */
    public Cookie withDomain(String newDomain) {
        String d = newDomain;
        if (d != null) {
            checkAttribute("Domain", d);
            d = (d.startsWith(".") ? d.substring(1) : d).toLowerCase(java.util.Locale.ROOT);
        }
        return new Cookie(name, value, d, path, expires, maxAge, secure, httpOnly, sameSite);
    }

    /** A copy with the {@code Path} attribute; null removes it. */
    public Cookie withPath(String newPath) {
        if (newPath != null) {
            checkAttribute("Path", newPath);
        }
        return new Cookie(name, value, domain, newPath, expires, maxAge, secure, httpOnly, sameSite);
    }

    /** A copy with the {@code Expires} attribute; null removes it. */
    public Cookie withExpires(Instant newExpires) {
        return new Cookie(name, value, domain, path, newExpires, maxAge, secure, httpOnly, sameSite);
    }

    /** A copy with the {@code Max-Age} attribute (whole seconds are written); null removes it. */
    public Cookie withMaxAge(Duration newMaxAge) {
        return new Cookie(name, value, domain, path, expires, newMaxAge, secure, httpOnly, sameSite);
    }

    /** A copy with {@code Secure} set or cleared. */
    public Cookie withSecure(boolean newSecure) {
        return new Cookie(name, value, domain, path, expires, maxAge, newSecure, httpOnly, sameSite);
    }

    /** A copy with {@code HttpOnly} set or cleared. */
    public Cookie withHttpOnly(boolean newHttpOnly) {
        return new Cookie(name, value, domain, path, expires, maxAge, secure, newHttpOnly, sameSite);
    }

    /** A copy with the {@code SameSite} attribute; null removes it. */
    public Cookie withSameSite(SameSite newSameSite) {
        return new Cookie(name, value, domain, path, expires, maxAge, secure, httpOnly, newSameSite);
    }

    /**
     * The {@code Set-Cookie} header value: {@code name=value} and the attributes present, in the
     * order Domain, Path, Expires (IMF-fixdate), Max-Age (whole seconds, at least 0), Secure,
     * HttpOnly, SameSite.
     */
    public String toSetCookieString() {
        StringBuilder sb = new StringBuilder(name).append('=').append(value);
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        if (path != null) {
            sb.append("; Path=").append(path);
        }
        if (expires != null) {
            sb.append("; Expires=").append(HttpDate.format(expires));
        }
        if (maxAge != null) {
            sb.append("; Max-Age=").append(Math.max(0, maxAge.getSeconds()));
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (sameSite != null) {
            sb.append("; SameSite=").append(sameSite.attributeValue());
        }
        return sb.toString();
    }

    /** {@code name=value}, the form a {@code Cookie} request header lists. */
    public String toRequestPair() {
        return name + "=" + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cookie c && name.equals(c.name) && value.equals(c.value)
                && Objects.equals(domain, c.domain) && Objects.equals(path, c.path)
                && Objects.equals(expires, c.expires) && Objects.equals(maxAge, c.maxAge)
                && secure == c.secure && httpOnly == c.httpOnly && sameSite == c.sameSite;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, domain, path, expires, maxAge, secure, httpOnly, sameSite);
    }

    /** The {@code Set-Cookie} form, for logs. */
    @Override
    public String toString() {
        return toSetCookieString();
    }

    // ---- validation -------------------------------------------------------------------------

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("cookie name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException(
                        "cookie name '" + name + "' is not a token (character U+%04X)".formatted((int) c));
            }
        }
    }

    private static void checkValue(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            // cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
            if (!(c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a)
                    || (c >= 0x3c && c <= 0x5b) || (c >= 0x5d && c <= 0x7e))) {
                throw new IllegalArgumentException(
                        "cookie value has the character U+%04X, which is not a cookie-octet; encode the value first"
                                .formatted((int) c));
            }
        }
    }

    private static void checkAttribute(String attribute, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ';') {
                throw new IllegalArgumentException(
                        "cookie %s has the character U+%04X".formatted(attribute, (int) c));
            }
        }
    }
}
