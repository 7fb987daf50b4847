package io.jasyncio.http.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An entity tag (RFC 9110 §8.8.3) and the {@code If-Match} / {@code If-None-Match} evaluations
 * that use it (§13.1.1, §13.1.2).
 *
 * <p>{@link #tag()} is the opaque tag without its quotes; it holds only {@code etagc} characters
 * ({@code !}, {@code #}..{@code ~} and U+0080..U+00FF), which the constructor checks.
 * {@link #toString()} gives the header form ({@code "abc"} or {@code W/"abc"}).
 *
 * <p>Comparison: {@link #strongMatches} is true when both tags are strong and their opaque tags
 * are equal; {@link #weakMatches} ignores the weak flags. Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=etag}
 *
 * @param tag the opaque tag, without quotes
 * @param weak whether the tag is weak ({@code W/} prefix)
 */
public record ETag(String tag, boolean weak) {

    /** Checks the tag's characters. */
    public ETag {
        Objects.requireNonNull(tag, "tag");
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!(c == 0x21 || (c >= 0x23 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) {
                throw new IllegalArgumentException(
                        "invalid character U+%04X in entity tag".formatted((int) c));
            }
        }
    }

    /** A strong tag. */
    public static ETag strong(String tag) {
        return new ETag(tag, false);
    }

    /** A weak tag. */
    public static ETag weak(String tag) {
        return new ETag(tag, true);
    }

    /**
     * Parses one entity tag such as {@code "xyz"} or {@code W/"xyz"}.
     *
     * @throws IllegalArgumentException if the value is not exactly one entity tag
     */
    public static ETag parse(String value) {
        List<ETag> tags = parseList(value);
        if (tags.size() != 1) {
            throw new IllegalArgumentException("expected one entity tag, got '" + value + "'");
        }
        return tags.getFirst();
    }

    /**
     * Parses a comma-separated list of entity tags, as in {@code If-None-Match}. Commas inside a
     * quoted tag belong to the tag. Empty list elements are skipped.
     *
     * @throws IllegalArgumentException naming the first malformed element; {@code *} is not a tag
     *     and is rejected here (see {@link #ifMatch} and {@link #ifNoneMatch})
     */
    public static List<ETag> parseList(String value) {
        List<ETag> tags = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (true) {
            while (i < n && (Syntax.isOws(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                return tags;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= n || value.charAt(open) != '"') {
                throw new IllegalArgumentException("malformed entity tag at index " + i + " of '" + value + "'");
            }
            int close = value.indexOf('"', open + 1);
            if (close < 0) {
                throw new IllegalArgumentException("unterminated entity tag in '" + value + "'");
            }
            tags.add(new ETag(value.substring(open + 1, close), weak));
            i = Syntax.skipOws(value, close + 1);
            if (i < n && value.charAt(i) != ',') {
                throw new IllegalArgumentException("expected ',' at index " + i + " of '" + value + "'");
            }
        }
    }

    /** Strong comparison: both strong and the same opaque tag. */
    public boolean strongMatches(ETag other) {
        return !weak && !other.weak && tag.equals(other.tag);
    }

    /** Weak comparison: the same opaque tag, whatever the weak flags. */
    public boolean weakMatches(ETag other) {
        return tag.equals(other.tag);
    }

    /**
     * Evaluates an {@code If-Match} field value (several field lines joined with commas) against
     * the current representation's tag, or {@code null} if there is no current representation.
     * True means the condition holds and the request may proceed; false means 412.
     * {@code *} holds if there is a current representation; otherwise a tag must match strongly.
     * A malformed value never holds.
     */
    public static boolean ifMatch(String fieldValue, ETag current) {
        if (fieldValue.strip().equals("*")) {
            return current != null;
        }
        if (current == null) {
            return false;
        }
        try {
            return parseList(fieldValue).stream().anyMatch(t -> t.strongMatches(current));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Evaluates an {@code If-None-Match} field value against the current representation's tag, or
     * {@code null} if there is none. True means the condition holds and the request may proceed;
     * false means 304 (GET/HEAD) or 412 (other methods). {@code *} fails if there is a current
     * representation; otherwise the condition fails when any tag matches weakly. A malformed value
     * is ignored (the condition holds), so a broken client still gets the full response.
     */
    public static boolean ifNoneMatch(String fieldValue, ETag current) {
        if (fieldValue.strip().equals("*")) {
            return current == null;
        }
        if (current == null) {
            return true;
        }
        try {
            return parseList(fieldValue).stream().noneMatch(t -> t.weakMatches(current));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The header form: {@code "tag"} or {@code W/"tag"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + tag + '"';
    }
}
