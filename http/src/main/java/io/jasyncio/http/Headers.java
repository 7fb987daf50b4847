package io.jasyncio.http;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An ordered multimap of HTTP header (field) names to values, with ASCII case-insensitive names:
 * the Java counterpart of aiohttp's {@code CIMultiDict}.
 *
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=headers}
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Entries keep insertion order; a name keeps the spelling it was added with (lookups ignore
 *       ASCII case only: {@code "Content-Length"} matches {@code "content-length"}).</li>
 *   <li>Names and values are never {@code null}. This class does not check their characters: the
 *       HTTP parser only adds valid fields, and {@code HttpWriter} rejects CR, LF and other control
 *       characters when it serializes.</li>
 *   <li>Storage is two parallel arrays, so building one while parsing costs no per-entry objects,
 *       and a lookup allocates nothing.</li>
 *   <li>After {@link #freeze()} the instance never changes: every mutator throws
 *       {@link UnsupportedOperationException}. Headers produced by the parser are frozen; use
 *       {@link #copy()} for a mutable copy.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * A mutable instance is not thread-safe: confine it to one thread (normally its event loop). A
 * frozen instance may be read from any thread once it has been safely published.
 */
public final class Headers implements Iterable<Map.Entry<String, String>> {

    /** An empty, frozen instance. */
    public static final Headers EMPTY = new Headers(0).freeze();

    private static final String[] NONE = new String[0];

    /** Names, indices [0, size). */
    private String[] names;
    /** Values, parallel to {@link #names}. */
    private String[] values;
    private int size;
    /** Once true, never false again. */
    private boolean frozen;

    /** Creates an empty, mutable instance. */
    public Headers() {
        this(8);
    }

    /**
     * Creates an empty, mutable instance with room for {@code capacity} entries before it grows.
     *
     * @param capacity initial capacity, {@code >= 0}
     */
    public Headers(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity < 0: " + capacity);
        }
        names = capacity == 0 ? NONE : new String[capacity];
        values = capacity == 0 ? NONE : new String[capacity];
    }

    /**
     * Creates a mutable instance from alternating names and values.
     *
     * @param namesAndValues {@code name1, value1, name2, value2, ...}
     * @return the new headers
     * @throws IllegalArgumentException if the number of arguments is odd
     */
    public static Headers of(String... namesAndValues) {
        if ((namesAndValues.length & 1) != 0) {
            throw new IllegalArgumentException("Headers.of needs name/value pairs, got "
                    + namesAndValues.length + " strings");
        }
        Headers h = new Headers(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            h.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return h;
    }

    /** @return the number of entries (a name added twice counts twice) */
    public int size() {
        return size;
    }

    /** @return whether there are no entries */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * @param index {@code 0 <= index < size()}
     * @return the name of the entry at {@code index}, as it was added
     */
    public String name(int index) {
        Objects.checkIndex(index, size);
        return names[index];
    }

    /**
     * @param index {@code 0 <= index < size()}
     * @return the value of the entry at {@code index}
     */
    public String value(int index) {
        Objects.checkIndex(index, size);
        return values[index];
    }

    /**
     * @param name a header name, any case
     * @return the first value for {@code name}, or {@code null} if there is none
     */
    public String get(String name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : values[i];
    }

    /**
     * @param name a header name, any case
     * @param defaultValue what to return when {@code name} is absent
     * @return the first value for {@code name}, or {@code defaultValue}
     */
    public String getOrDefault(String name, String defaultValue) {
        int i = indexOf(name, 0);
        return i < 0 ? defaultValue : values[i];
    }

    /**
     * @param name a header name, any case
     * @return every value for {@code name} in order; an empty list if there is none
     */
    public List<String> getAll(String name) {
        int i = indexOf(name, 0);
        if (i < 0) {
            return List.of();
        }
        List<String> all = new ArrayList<>(2);
        for (; i >= 0; i = indexOf(name, i + 1)) {
            all.add(values[i]);
        }
        return all;
    }

    /**
     * @param name a header name, any case
     * @return whether at least one entry has this name
     */
    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /**
     * Appends an entry, keeping any existing ones with the same name.
     *
     * @param name header name
     * @param value header value
     * @return this
     * @throws UnsupportedOperationException if frozen
     */
    public Headers add(String name, String value) {
        checkMutable();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (size == names.length) {
            int cap = Math.max(8, size * 2);
            names = Arrays.copyOf(names, cap);
            values = Arrays.copyOf(values, cap);
        }
        names[size] = name;
        values[size] = value;
        size++;
        return this;
    }

    /**
     * Replaces every entry named {@code name} with one entry: the first such entry keeps its
     * position and gets the new name spelling and value, the others are removed. Appends if absent.
     *
     * @param name header name
     * @param value header value
     * @return this
     * @throws UnsupportedOperationException if frozen
     */
    public Headers set(String name, String value) {
        checkMutable();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        int first = indexOf(name, 0);
        if (first < 0) {
            return add(name, value);
        }
        names[first] = name;
        values[first] = value;
        removeFrom(name, first + 1);
        return this;
    }

    /**
     * Removes every entry named {@code name}.
     *
     * @param name a header name, any case
     * @return whether anything was removed
     * @throws UnsupportedOperationException if frozen
     */
    public boolean remove(String name) {
        checkMutable();
        return removeFrom(name, 0);
    }

    /**
     * Makes this instance read-only, permanently.
     *
     * @return this
     */
    public Headers freeze() {
        frozen = true;
        return this;
    }

    /** @return whether {@link #freeze()} was called */
    public boolean isFrozen() {
        return frozen;
    }

    /** @return a mutable copy with the same entries in the same order */
    public Headers copy() {
        Headers h = new Headers(Math.max(size, 4));
        System.arraycopy(names, 0, h.names, 0, size);
        System.arraycopy(values, 0, h.values, 0, size);
        h.size = size;
        return h;
    }

    /**
     * Calls {@code action} with each name and value, in order, without allocating.
     *
     * @param action receives (name, value)
     */
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /** @return an iterator over (name, value) entries in order; it does not support removal */
    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Map.Entry<String, String> next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
            }
        };
    }

    /**
     * Two instances are equal when they hold the same entries in the same order, names compared
     * ignoring ASCII case and values exactly. Frozenness does not matter.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Headers other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!equalsIgnoreAsciiCase(names[i], other.names[i]) || !values[i].equals(other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            String n = names[i];
            for (int j = 0; j < n.length(); j++) {
                h = 31 * h + toLowerAscii(n.charAt(j));
            }
            h = 31 * h + values[i].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Headers[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append(": ").append(values[i]);
        }
        return sb.append(']').toString();
    }

    /**
     * Compares two names ignoring ASCII case only (unlike {@link String#equalsIgnoreCase}, which
     * also folds non-ASCII letters such as the Kelvin sign).
     *
     * @param a a name
     * @param b another name
     * @return whether they are equal ignoring ASCII case
     */
    public static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (a == b) {
            return true;
        }
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && toLowerAscii(x) != toLowerAscii(y)) {
                return false;
            }
        }
        return true;
    }

    private static char toLowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private int indexOf(String name, int from) {
        String[] ns = names;
        for (int i = from; i < size; i++) {
            if (equalsIgnoreAsciiCase(ns[i], name)) {
                return i;
            }
        }
        return -1;
    }

    private boolean removeFrom(String name, int from) {
        int w = from;
        for (int r = from; r < size; r++) {
            if (!equalsIgnoreAsciiCase(names[r], name)) {
                names[w] = names[r];
                values[w] = values[r];
                w++;
            }
        }
        boolean removed = w != size;
        Arrays.fill(names, w, size, null);
        Arrays.fill(values, w, size, null);
        size = w;
        return removed;
    }

    private void checkMutable() {
        if (frozen) {
            throw new UnsupportedOperationException(
                    "these Headers are frozen (read-only); use copy() to get a mutable copy");
        }
    }
}
