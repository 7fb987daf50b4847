package io.jasyncio.http.mime;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A media type such as {@code text/html; charset=utf-8} (RFC 9110 §8.3.1).
 *
 * <p>Invariants: {@link #type()} and {@link #subtype()} are non-empty tokens in lower case;
 * parameter names are lower case and unique, kept in the order given; parameter values are
 * stored unquoted and exactly as written (their case is kept, since only some parameters, such as
 * {@code charset}, are case-insensitive). Equality compares all three.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=mediaType}
 */
public final class MediaType {
    private final String type;
    private final String subtype;
    private final Map<String, String> parameters;

    private MediaType(String type, String subtype, Map<String, String> parameters) {
        this.type = type;
        this.subtype = subtype;
        this.parameters = parameters;
    }

    /**
     * A media type without parameters.
     *
     * @throws IllegalArgumentException if either part is not an HTTP token
     */
    public static MediaType of(String type, String subtype) {
        if (!Syntax.isToken(type) || !Syntax.isToken(subtype)) {
            throw new IllegalArgumentException(
                    "invalid media type '" + type + "/" + subtype + "': type and subtype must be tokens");
        }
        return new MediaType(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), Map.of());
    }

    /**
     * Parses a {@code Content-Type}-style value.
     *
     * @throws IllegalArgumentException naming the problem, for example a missing subtype, an
     *     unterminated quoted string or a duplicate parameter
     */
    public static MediaType parse(String value) {
        Objects.requireNonNull(value, "value");
        String s = value.strip();
        int slash = s.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("invalid media type '" + value + "': expected type/subtype");
        }
        int end = slash + 1;
        while (end < s.length() && Syntax.isTchar(s.charAt(end))) {
            end++;
        }
        String type = s.substring(0, slash);
        String subtype = s.substring(slash + 1, end);
        if (!Syntax.isToken(type) || subtype.isEmpty()) {
            throw new IllegalArgumentException("invalid media type '" + value + "': expected type/subtype");
        }
        Map<String, String> params;
        try {
            params = Syntax.parameters(s, end, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid media type '" + value + "': " + e.getMessage(), e);
        }
        return new MediaType(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT),
                Collections.unmodifiableMap(params));
    }

    /** The top-level type, such as {@code text}. */
    public String type() {
        return type;
    }

    /** The subtype, such as {@code html}. */
    public String subtype() {
        return subtype;
    }

    /** {@code type/subtype} without parameters. */
    public String essence() {
        return type + "/" + subtype;
    }

    /** Whether the essence equals {@code essence}, ignoring case. */
    public boolean is(String essence) {
        return essence().equalsIgnoreCase(essence);
    }

    /** The parameters in order, with lower-case names; unmodifiable. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The value of a parameter, looked up case-insensitively. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code charset} parameter as a Java charset; empty if absent, unknown or unsupported. */
    public Optional<Charset> charset() {
        String cs = parameters.get("charset");
        if (cs == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(cs));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /**
     * A copy with the parameter set (replacing any value it had).
     *
     * @throws IllegalArgumentException if the name is not a token or the value holds control characters
     */
    public MediaType withParameter(String name, String value) {
        if (!Syntax.isToken(name)) {
            throw new IllegalArgumentException("invalid parameter name '" + name + "'");
        }
        Syntax.checkFieldValue("parameter '" + name + "'", value);
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new MediaType(type, subtype, Collections.unmodifiableMap(copy));
    }

    /** A copy with {@code charset} set to the charset's canonical name. */
    public MediaType withCharset(Charset charset) {
        return withParameter("charset", charset.name().toLowerCase(Locale.ROOT));
    }

    /** The header form: {@code type/subtype; name=value}, quoting values that are not tokens. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type).append('/').append(subtype);
        parameters.forEach((k, v) -> Syntax.appendValue(sb.append("; ").append(k).append('='), v));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaType m && type.equals(m.type) && subtype.equals(m.subtype)
                && parameters.equals(m.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, subtype, parameters);
    }
}
