package io.jasyncio.http.web;

import io.jasyncio.http.url.PercentCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A route path such as {@code /users/{id:\d+}/posts/{slug}}, compiled: aiohttp's resource path
 * syntax.
 *
 * <p>Syntax: the path starts with {@code /}; {@code {name}} matches one or more characters other
 * than {@code /}, {@code {name:regex}} matches the regular expression (which may contain braces
 * nested one level, such as {@code \d{4}}, and may match {@code /}, as {@code {tail:.*}} does).
 * Names are identifiers ({@code [_a-zA-Z][_a-zA-Z0-9]*}) and unique in a path. Any other
 * {@code {} or {@code }} is an error.
 *
 * <p>Matching is against the path in its "safe" decoded form (see {@link PathDecoding}): literal
 * parts compare with decoded text, and a value matched by a parameter has {@code %2F} and
 * {@code %25} decoded last, so {@code /files/a%2Fb} gives {@code {name}} the value {@code a/b}.
 *
 * <p>Immutable and thread-safe.
 */
final class RoutePattern {

    private static final Pattern NAME = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
    static final String DEFAULT_REGEX = "[^{}/]+";

    /** A literal piece (decoded text) or a parameter. */
    private record Part(String literal, String name, Pattern regex) {
    }

    private final String canonical;
    private final List<Part> parts;
    /** The whole path as a safe-form literal when there is no parameter; else null. */
    private final String plain;
    private final Pattern regex;
    private final List<String> names;

    private RoutePattern(String canonical, List<Part> parts) {
        this.canonical = canonical;
        this.parts = List.copyOf(parts);
        List<String> ns = new ArrayList<>();
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        boolean onlyLiterals = true;
        for (Part p : parts) {
            if (p.literal != null) {
                String safe = safeLiteral(p.literal);
                lit.append(safe);
                re.append(Pattern.quote(safe));
            } else {
                onlyLiterals = false;
                re.append("(?<g").append(ns.size()).append('>').append(p.regex.pattern()).append(')');
                ns.add(p.name);
            }
        }
        this.names = List.copyOf(ns);
        this.plain = onlyLiterals ? lit.toString() : null;
        this.regex = onlyLiterals ? null : Pattern.compile(re.toString());
    }

    /** A literal in the safe form: a literal percent sign is what {@code %25} stays as. */
    private static String safeLiteral(String literal) {
        return literal.indexOf('%') < 0 ? literal : literal.replace("%", "%25");
    }

    /**
     * @param path a route path
     * @return it compiled
     * @throws IllegalArgumentException if it is malformed
     */
    static RoutePattern parse(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            throw new IllegalArgumentException("a route path must start with '/': \"" + path + "\"");
        }
        List<Part> parts = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("unbalanced '}' at index " + i + " of route path \"" + path + "\"");
            }
            if (c != '{') {
                lit.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = -1;
            for (int j = i; j < n; j++) {
                char d = path.charAt(j);
                if (d == '{') {
                    depth++;
                    if (depth > 2) {
                        throw new IllegalArgumentException("braces nested too deep at index " + j + " of route path \""
                                + path + "\"");
                    }
                } else if (d == '}') {
                    depth--;
                    if (depth == 0) {
                        end = j;
                        break;
                    }
                }
            }
            if (end < 0) {
                throw new IllegalArgumentException("unbalanced '{' at index " + i + " of route path \"" + path + "\"");
            }
            String body = path.substring(i + 1, end);
            int colon = body.indexOf(':');
            String name = colon < 0 ? body : body.substring(0, colon);
            String regex = colon < 0 ? DEFAULT_REGEX : body.substring(colon + 1);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid parameter name \"" + name + "\" in route path \"" + path
                        + "\": use letters, digits and '_', not starting with a digit");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("parameter \"" + name + "\" appears twice in route path \"" + path + "\"");
            }
            if (regex.isEmpty()) {
                throw new IllegalArgumentException("empty regular expression for \"" + name + "\" in route path \"" + path + "\"");
            }
            Pattern compiled;
            try {
                compiled = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regular expression for \"" + name + "\" in route path \"" + path
                        + "\": " + e.getDescription(), e);
            }
            if (!lit.isEmpty()) {
                parts.add(new Part(lit.toString(), null, null));
                lit.setLength(0);
            }
            parts.add(new Part(null, name, compiled));
            i = end + 1;
        }
        if (!lit.isEmpty()) {
            parts.add(new Part(lit.toString(), null, null));
        }
        return new RoutePattern(path, parts);
    }

    /** @return the path as written */
    String canonical() {
        return canonical;
    }

    /** @return whether the path has no parameter */
    boolean isPlain() {
        return plain != null;
    }

    /** @return for a plain path, the safe-form text a request path must equal; else null */
    String plainPath() {
        return plain;
    }

    /** @return the parameter names, in order */
    List<String> names() {
        return names;
    }

    /**
     * @param safePath a request path in the safe form
     * @return the parameters (empty for a plain path), or {@code null} if it does not match
     */
    Map<String, String> match(String safePath) {
        if (plain != null) {
            return plain.equals(safePath) ? Map.of() : null;
        }
        Matcher m = regex.matcher(safePath);
        if (!m.matches()) {
            return null;
        }
        if (names.size() == 1) {
            return Map.of(names.get(0), PathDecoding.unsafe(m.group("g0")));
        }
        Map<String, String> out = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), PathDecoding.unsafe(m.group("g" + i)));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Builds a path from parameter values: aiohttp's {@code url_for(**parts)}.
     *
     * @param values a value for every parameter, and nothing else
     * @return the path, percent-encoded
     * @throws IllegalArgumentException if a value is missing, unknown or does not match its regex
     */
    String format(Map<String, String> values) {
        for (String k : values.keySet()) {
            if (!names.contains(k)) {
                throw new IllegalArgumentException("route \"" + canonical + "\" has no parameter \"" + k + "\"");
            }
        }
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p.literal != null) {
                out.append(PercentCodec.encodePath(p.literal));
                continue;
            }
            String v = values.get(p.name);
            if (v == null) {
                throw new IllegalArgumentException("route \"" + canonical + "\" needs a value for \"" + p.name + "\"");
            }
            String safe = v.replace("%", "%25").replace("/", "%2F");
            if (!p.regex.matcher(safe).matches() && !p.regex.matcher(v).matches()) {
                throw new IllegalArgumentException("value \"" + v + "\" does not match {" + p.name + ":"
                        + p.regex.pattern() + "} in route \"" + canonical + "\"");
            }
            out.append(PercentCodec.encode(v));
        }
        return out.toString();
    }

    /** @return this pattern behind a prefix such as {@code /admin} (a sub-application's) */
    RoutePattern withPrefix(String prefix) {
        List<Part> ps = new ArrayList<>(parts.size() + 1);
        ps.add(new Part(prefix, null, null));
        ps.addAll(parts);
        // Merge adjacent literals so a plain path stays plain.
        List<Part> merged = new ArrayList<>();
        for (Part p : ps) {
            if (p.literal != null && !merged.isEmpty() && merged.getLast().literal != null) {
                merged.set(merged.size() - 1, new Part(merged.getLast().literal + p.literal, null, null));
            } else {
                merged.add(p);
            }
        }
        return new RoutePattern(prefix + canonical, merged);
    }

    /** @return the named values as a map, for {@code urlFor(String...)} */
    static Map<String, String> pairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    @Override
    public String toString() {
        return canonical;
    }
}
