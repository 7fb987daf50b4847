package io.jasyncio.internal.net;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The byte queue behind a {@code StreamReader}: the arrays that arrived, in order, without joining
 * them until a search needs contiguous bytes. Taking exactly the first whole array (the common case
 * of {@code read(n)} right after one arrival) hands that array out without a copy.
 *
 * <p>Invariants: {@code size} is the number of readable bytes; {@code first} is {@code null} iff
 * {@code size == 0}; {@code firstOffset < first.length}; every array in {@code more} is non-empty
 * and owned by this queue. Not thread-safe (loop context only).
 */
public final class ByteChunks {

    private static final byte[] EMPTY = new byte[0];

    private byte[] first;
    private int firstOffset;
    /** Arrays after {@code first}; allocated on the first second array. */
    private ArrayDeque<byte[]> more;
    private int size;

    /** @return the number of readable bytes */
    public int size() {
        return size;
    }

    /** @param data a non-empty array this queue now owns */
    public void add(byte[] data) {
        if (data.length == 0) {
            return;
        }
        if (first == null) {
            first = data;
            firstOffset = 0;
        } else {
            if (more == null) {
                more = new ArrayDeque<>(4);
            }
            more.addLast(data);
        }
        size += data.length;
    }

    /**
     * Removes and returns the first {@code n} bytes.
     *
     * @param n at most {@link #size()}
     * @return a new array of {@code n} bytes (or the first arrived array itself when it is exactly that)
     */
    public byte[] take(int n) {
        if (n == 0) {
            return EMPTY;
        }
        int inFirst = first.length - firstOffset;
        if (n == inFirst && firstOffset == 0) {
            byte[] out = first;
            popFirst();
            return out;
        }
        byte[] out = new byte[n];
        int copied = 0;
        while (copied < n) {
            int avail = first.length - firstOffset;
            int k = Math.min(avail, n - copied);
            System.arraycopy(first, firstOffset, out, copied, k);
            copied += k;
            if (k == avail) {
                popFirst();
            } else {
                firstOffset += k;
                size -= k;
            }
        }
        return out;
    }

    /** @return every readable byte, removed from the queue */
    public byte[] takeAll() {
        return take(size);
    }

    /** @param n how many bytes to drop from the front, at most {@link #size()} */
    public void skip(int n) {
        while (n > 0) {
            int avail = first.length - firstOffset;
            if (n >= avail) {
                n -= avail;
                popFirst();
            } else {
                firstOffset += n;
                size -= n;
                n = 0;
            }
        }
    }

    public void clear() {
        first = null;
        firstOffset = 0;
        more = null;
        size = 0;
    }

    private void popFirst() {
        size -= first.length - firstOffset;
        first = more == null ? null : more.pollFirst();
        firstOffset = 0;
        if (more != null && more.isEmpty()) {
            more = null;
        }
    }

    /**
     * Finds a separator at or after {@code from}. Joins the arrays first when there are several,
     * so that the search runs over contiguous bytes.
     *
     * @param separator the bytes to find (non-empty)
     * @param from where to start, relative to the first readable byte
     * @return the separator's index relative to the first readable byte, or {@code -1}
     */
    public int indexOf(byte[] separator, int from) {
        if (size - from < separator.length) {
            return -1;
        }
        compact();
        int end = firstOffset + size - separator.length;
        byte s0 = separator[0];
        outer:
        for (int i = firstOffset + from; i <= end; i++) {
            if (first[i] != s0) {
                continue;
            }
            for (int j = 1; j < separator.length; j++) {
                if (first[i + j] != separator[j]) {
                    continue outer;
                }
            }
            return i - firstOffset;
        }
        return -1;
    }

    /**
     * @param separator some bytes
     * @param at an index relative to the first readable byte
     * @return whether the readable bytes at {@code at} start with {@code separator}
     */
    public boolean startsWith(byte[] separator, int at) {
        if (size - at < separator.length) {
            return false;
        }
        compact();
        return Arrays.equals(first, firstOffset + at, firstOffset + at + separator.length, separator, 0,
                separator.length);
    }

    /** Joins everything into one array, so that {@code first} holds all readable bytes. */
    private void compact() {
        if (more == null) {
            return;
        }
        byte[] all = new byte[size];
        int pos = first.length - firstOffset;
        System.arraycopy(first, firstOffset, all, 0, pos);
        for (byte[] b : more) {
            System.arraycopy(b, 0, all, pos, b.length);
            pos += b.length;
        }
        first = all;
        firstOffset = 0;
        more = null;
    }
}
