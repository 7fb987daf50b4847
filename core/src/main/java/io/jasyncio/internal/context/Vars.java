package io.jasyncio.internal.context;

import java.util.Arrays;

/**
 * An immutable map from context variables to values: the content of one {@link Context}, as
 * CPython's HAMT is. {@link #with} and {@link #without} return new maps and never change this one,
 * so a snapshot can be shared between threads and tasks without copying.
 *
 * <p>Keys are compared by identity. The map is a pair of small arrays: a program has few context
 * variables, and lookups are a short linear scan.
 */
public final class Vars {

    /** The map with no variables: the context of a thread that never set one. */
    public static final Vars EMPTY = new Vars(new Object[0], new Object[0]);

    /** Returned by {@link #get} for a variable with no value. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<MISSING>";
        }
    };

    private final Object[] keys;
    private final Object[] values;

    private Vars(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * @param key a context variable
     * @return its value (which may be {@code null}), or {@link #MISSING}
     */
    public Object get(Object key) {
        Object[] k = keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == key) {
                return values[i];
            }
        }
        return MISSING;
    }

    /**
     * @param key a context variable
     * @param value its new value
     * @return a map equal to this one except that {@code key} maps to {@code value}
     */
    public Vars with(Object key, Object value) {
        Object[] k = keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == key) {
                if (values[i] == value) {
                    return this;
                }
                Object[] v = values.clone();
                v[i] = value;
                return new Vars(k, v);
            }
        }
        Object[] nk = Arrays.copyOf(k, k.length + 1);
        Object[] nv = Arrays.copyOf(values, k.length + 1);
        nk[k.length] = key;
        nv[k.length] = value;
        return new Vars(nk, nv);
    }

    /**
     * @param key a context variable
     * @return a map equal to this one without {@code key}
     */
    public Vars without(Object key) {
        Object[] k = keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == key) {
                if (k.length == 1) {
                    return EMPTY;
                }
                Object[] nk = new Object[k.length - 1];
                Object[] nv = new Object[k.length - 1];
                System.arraycopy(k, 0, nk, 0, i);
                System.arraycopy(values, 0, nv, 0, i);
                System.arraycopy(k, i + 1, nk, i, k.length - i - 1);
                System.arraycopy(values, i + 1, nv, i, k.length - i - 1);
                return new Vars(nk, nv);
            }
        }
        return this;
    }

    /** @return how many variables have a value */
    public int size() {
        return keys.length;
    }
}
