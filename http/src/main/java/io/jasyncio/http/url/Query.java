package io.jasyncio.http.url;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered multimap of decoded names to values: a URL query string or an
 * {@code application/x-www-form-urlencoded} form, like aiohttp's {@code MultiDictProxy}.
 *
 * <p>Invariants: entries keep their order, the same name may appear any number of times, names
 * and values are decoded Java strings and never null, and names are case-sensitive.
 *
 * <p>Decoding ({@link #parse}) splits on {@code &}, splits each piece at its first {@code =}
 * (a piece without one has the empty value, like Python's {@code keep_blank_values=True}), skips
 * empty pieces, and reads {@code +} as a space. Encoding ({@link #encode}) writes
 * {@code name=value} pairs joined by {@code &}, with space as {@code +} and everything but
 * unreserved characters percent-encoded, so {@code parse(q.encode())} equals {@code q}.
 *
 * <p>Immutable and thread-safe; the "with" methods return new instances. Build larger ones with
 * {@link #builder()}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=query}
 */
public final class Query implements Iterable<Map.Entry<String, String>> {
    private static final Query EMPTY = new Query(List.of());

    private final List<Map.Entry<String, String>> entries;

    private Query(List<Map.Entry<String, String>> entries) {
        this.entries = entries;
    }

    /** The query with no entries. */
    public static Query empty() {
        return EMPTY;
    }

    /**
     * A query from alternating names and values: {@code of("a", "1", "b", "2")}.
     *
     * @throws IllegalArgumentException if given an odd number of strings
     */
    public static Query of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Query.of needs name, value pairs; got an odd count");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /**
     * A query from a map: an {@link Iterable} value adds one entry per element, any other value
     * adds one entry with its {@code toString()} (as aiohttp's {@code params=} accepts).
     */
    public static Query of(Map<String, ?> map) {
        Builder b = builder();
        map.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> b.add(name, String.valueOf(v)));
            } else {
                b.add(name, String.valueOf(value));
            }
        });
        return b.build();
    }

    /** Decodes a raw query or form body read as UTF-8; see the class comment. */
    public static Query parse(String raw) {
        return parse(raw, StandardCharsets.UTF_8);
    }

    /** Decodes a raw query or form body whose escapes are octets of {@code charset}. */
    public static Query parse(String raw, Charset charset) {
        if (raw.isEmpty()) {
            return EMPTY;
        }
        Builder b = builder();
        int start = 0;
        while (start <= raw.length()) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? raw.length() : amp;
            if (end > start) {
                int eq = raw.indexOf('=', start);
                if (eq < 0 || eq > end) {
                    b.add(PercentCodec.decodeForm(raw.substring(start, end), charset), "");
                } else {
                    b.add(PercentCodec.decodeForm(raw.substring(start, eq), charset),
                            PercentCodec.decodeForm(raw.substring(eq + 1, end), charset));
                }
            }
            start = end + 1;
        }
        return b.build();
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The first value for {@code name}, if any. */
    public Optional<String> get(String name) {
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equals(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** All values for {@code name} in order; empty if none. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equals(name)) {
                values.add(e.getValue());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** Whether any entry has this name. */
    public boolean contains(String name) {
        return get(name).isPresent();
    }

    /** The distinct names in order of first appearance. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(e -> names.add(e.getKey()));
        return Collections.unmodifiableSet(names);
    }

    /** All entries in order; unmodifiable. */
    public List<Map.Entry<String, String>> entries() {
        return entries;
    }

    /** The number of entries (not of distinct names). */
    public int size() {
        return entries.size();
    }

    /** Whether there are no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A copy with one more entry at the end. */
    public Query plus(String name, String value) {
        return toBuilder().add(name, value).build();
    }

    /** A copy with all of {@code other}'s entries appended. */
    public Query plus(Query other) {
        return toBuilder().addAll(other).build();
    }

    /** A copy in which {@code name} has exactly the one value, at its first position (or the end). */
    public Query with(String name, String value) {
        return toBuilder().set(name, value).build();
    }

    /** A copy without any entry named {@code name}. */
    public Query without(String name) {
        return toBuilder().remove(name).build();
    }

    /** A builder holding this query's entries. */
    public Builder toBuilder() {
        return builder().addAll(this);
    }

    /** Names mapped to their values, in order of first appearance; unmodifiable. */
    public Map<String, List<String>> toMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        entries.forEach(e -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        map.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(map);
    }

    /** The encoded form ({@code a=1&b=x+y}); empty for an empty query. */
    public String encode() {
        return encode(StandardCharsets.UTF_8);
    }

    /** The encoded form with escapes as octets of {@code charset}. */
    public String encode(Charset charset) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : entries) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(PercentCodec.encodeForm(e.getKey(), charset)).append('=')
                    .append(PercentCodec.encodeForm(e.getValue(), charset));
        }
        return sb.toString();
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return entries.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Query q && entries.equals(q.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** The encoded form, as {@link #encode()}. */
    @Override
    public String toString() {
        return encode();
    }

    /**
     * Collects entries for a {@link Query}. Not thread-safe: use it from one thread, then call
     * {@link #build()}, which copies, so the builder may be reused afterwards.
     */
    public static final class Builder {
        private final List<Map.Entry<String, String>> entries = new ArrayList<>();

        private Builder() {}

        /** Appends an entry. */
        public Builder add(String name, String value) {
            entries.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Appends all entries of {@code query}. */
        public Builder addAll(Query query) {
            entries.addAll(query.entries);
            return this;
        }

        /** Makes {@code value} the only value of {@code name}, at its first position or at the end. */
        public Builder set(String name, String value) {
            int first = -1;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).getKey().equals(name)) {
                    first = i;
                    break;
                }
            }
            if (first < 0) {
                return add(name, value);
            }
            entries.set(first, Map.entry(name, Objects.requireNonNull(value, "value")));
            for (int i = entries.size() - 1; i > first; i--) {
                if (entries.get(i).getKey().equals(name)) {
                    entries.remove(i);
                }
            }
            return this;
        }

        /** Removes every entry named {@code name}. */
        public Builder remove(String name) {
            entries.removeIf(e -> e.getKey().equals(name));
            return this;
        }

        /** An immutable query with the entries added so far. */
        public Query build() {
            return entries.isEmpty() ? EMPTY : new Query(List.copyOf(entries));
        }
    }
}
