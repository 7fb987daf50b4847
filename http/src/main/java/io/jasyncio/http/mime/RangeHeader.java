package io.jasyncio.http.mime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates a {@code Range} header against a representation's length (RFC 9110 §14.1, §14.2),
 * for serving static files.
 *
 * <p>Rules: only the {@code bytes} unit (any case) is understood; anything else is
 * {@link RangeResult.Ignored}. A header with any syntactically invalid range-spec (including
 * {@code a-b} with {@code b < a}) is ignored as a whole. {@code a-b} with {@code b} past the end is
 * clamped; {@code a-} runs to the end; {@code -n} is the last {@code n} bytes (all of them if
 * {@code n} exceeds the length). A spec starting at or past the end, or {@code -0}, is
 * unsatisfiable; if every spec is, the result is {@link RangeResult.Unsatisfiable}. An empty
 * representation has no byte to send: int-ranges are unsatisfiable and a suffix range is
 * ignored (the empty 200 response is the whole representation). Numbers too large for a
 * {@code long} are treated as infinitely large. More than {@code maxRanges} specs are ignored, as
 * §14.2 allows, to bound the work a request can cause.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=range}
 */
public final class RangeHeader {
    /** The default bound on the number of range-specs honoured in one header. */
    public static final int DEFAULT_MAX_RANGES = 100;

    private RangeHeader() {}

    /** Evaluates with {@link #DEFAULT_MAX_RANGES}; a null header is ignored. */
    public static RangeResult evaluate(String header, long completeLength) {
        return evaluate(header, completeLength, DEFAULT_MAX_RANGES);
    }

    /** Evaluates the header; see the class comment for the rules. */
    public static RangeResult evaluate(String header, long completeLength, int maxRanges) {
        if (completeLength < 0) {
            throw new IllegalArgumentException("negative length " + completeLength);
        }
        if (header == null) {
            return new RangeResult.Ignored("no Range header");
        }
        String s = header.strip();
        int eq = s.indexOf('=');
        if (eq < 0 || !s.substring(0, eq).strip().equalsIgnoreCase("bytes")) {
            return new RangeResult.Ignored("not a bytes range: '" + header + "'");
        }
        List<ByteRange> ranges = new ArrayList<>();
        int specs = 0;
        boolean sawSuffix = false;
        for (String element : s.substring(eq + 1).split(",", -1)) {
            String spec = element.strip();
            if (spec.isEmpty()) {
                continue;
            }
            if (++specs > maxRanges) {
                return new RangeResult.Ignored("more than " + maxRanges + " ranges");
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return new RangeResult.Ignored("invalid range-spec '" + spec + "'");
            }
            long first = number(spec, 0, dash);
            long last = number(spec, dash + 1, spec.length());
            if (dash == 0) { // suffix-range "-n"
                if (last < 0) {
                    return new RangeResult.Ignored("invalid range-spec '" + spec + "'");
                }
                sawSuffix = true;
                if (last > 0 && completeLength > 0) {
                    ranges.add(new ByteRange(Math.max(0, completeLength - last), completeLength - 1));
                }
                continue;
            }
            boolean open = dash == spec.length() - 1;
            if (first < 0 || (!open && (last < 0 || last < first))) {
                return new RangeResult.Ignored("invalid range-spec '" + spec + "'");
            }
            if (first < completeLength) {
                ranges.add(new ByteRange(first, open ? completeLength - 1 : Math.min(last, completeLength - 1)));
            }
        }
        if (specs == 0) {
            return new RangeResult.Ignored("empty range set");
        }
        if (ranges.isEmpty()) {
            return completeLength == 0 && sawSuffix
                    ? new RangeResult.Ignored("empty representation")
                    : new RangeResult.Unsatisfiable(completeLength);
        }
        return new RangeResult.Satisfiable(coalesceIfOverlapping(ranges));
    }

    /** Merges overlapping or adjacent ranges (sorted) if there are any; else keeps request order. */
    private static List<ByteRange> coalesceIfOverlapping(List<ByteRange> ranges) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::first));
        List<ByteRange> merged = new ArrayList<>();
        for (ByteRange r : sorted) {
            ByteRange prev = merged.isEmpty() ? null : merged.getLast();
            if (prev != null && r.first() <= prev.last() + 1) {
                merged.set(merged.size() - 1, new ByteRange(prev.first(), Math.max(prev.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        return merged.size() == ranges.size() ? ranges : merged;
    }

    /**
     * The decimal number in {@code s[from, to)}: -1 if empty or not all digits, Long.MAX_VALUE on
     * overflow.
     */
    private static long number(String s, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                v = Long.MAX_VALUE;
            } else {
                v = v * 10 + (c - '0');
            }
        }
        return v;
    }
}
