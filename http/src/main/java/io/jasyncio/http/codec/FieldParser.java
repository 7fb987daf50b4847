package io.jasyncio.http.codec;

import io.jasyncio.http.Headers;
import java.util.Arrays;

/**
 * Parses and validates field lines (RFC 9112 §5) collected by a {@link HeadBuffer} into
 * {@link Headers}.
 *
 * <p>A field line is {@code field-name ":" OWS field-value OWS CRLF}. Rejected with 400: a line
 * starting with whitespace (obs-fold, or whitespace before the first field), whitespace between
 * the name and the colon, an empty name, a name character that is not a tchar, a line without a
 * colon, and a value byte that is a control character other than HTAB (NUL, bare CR, DEL, ...).
 *
 * <h2>Line cache</h2>
 * A client on a keep-alive connection usually repeats most header lines byte for byte
 * ({@code Host}, {@code User-Agent}, {@code Accept*}, {@code Cookie}, ...). So the parser keeps
 * the raw bytes of each of the first {@value #CACHED_LINES} field lines of the previous head (up to
 * {@value #MAX_CACHED_LINE} bytes each) with the name and value strings made from them; a line
 * equal to the one at the same position last time reuses those strings, skipping validation
 * (that line passed it) and allocation. Framing fields are still interpreted every time.
 *
 * <p>Owned by one parser; single-threaded.
 */
final class FieldParser {
    static final int CACHED_LINES = 32;
    static final int MAX_CACHED_LINE = 512;

    private final HttpParser<?> owner;

    /** Per line position: the cached line content (without CRLF), or null. */
    private final byte[][] lineBytes = new byte[CACHED_LINES][];
    private final String[] names = new String[CACHED_LINES];
    private final String[] values = new String[CACHED_LINES];
    /** {@link KnownHeaders} role of the cached line's name. */
    private final int[] specials = new int[CACHED_LINES];
    /** Value bounds relative to the line start. */
    private final int[] valueStarts = new int[CACHED_LINES];
    private final int[] valueEnds = new int[CACHED_LINES];

    FieldParser(HttpParser<?> owner) {
        this.owner = owner;
    }

    /**
     * @param hb the collected section
     * @param firstLine index of the first field line (1 after a start line, 0 for trailers)
     * @param fields where framing-related values are noted, or null (trailers, not cached)
     * @return the fields, frozen
     */
    Headers parse(HeadBuffer hb, int firstLine, MessageFields fields) throws HttpParseException {
        int count = hb.lineCount - firstLine;
        if (count == 0) {
            return Headers.EMPTY;
        }
        Headers headers = new Headers(count);
        byte[] a = hb.bytes;
        for (int k = firstLine; k < hb.lineCount; k++) {
            int s = hb.lineStart(k);
            int ce = hb.lineEnd(k) - 2;
            int j = k - firstLine;
            boolean cacheable = fields != null && j < CACHED_LINES;
            if (cacheable) {
                byte[] cached = lineBytes[j];
                if (cached != null && cached.length == ce - s && Arrays.equals(a, s, ce, cached, 0, cached.length)) {
                    headers.add(names[j], values[j]);
                    if (specials[j] != KnownHeaders.NONE) {
                        fields.accept(specials[j], a, s + valueStarts[j], s + valueEnds[j], owner);
                    }
                    continue;
                }
            }
            parseLine(a, s, ce, k == firstLine && firstLine == 1, headers, fields, cacheable ? j : -1);
        }
        return headers.freeze();
    }

    private void parseLine(byte[] a, int s, int ce, boolean firstAfterStartLine, Headers headers,
            MessageFields fields, int cacheSlot) throws HttpParseException {
        byte first = a[s];
        if (first == Ascii.SP || first == Ascii.HTAB) {
            throw owner.error(400, firstAfterStartLine
                    ? "whitespace between the start line and the first header field"
                    : "obsolete line folding (a field line starting with whitespace) is not allowed");
        }
        int p = s;
        int hash = 0;
        while (p < ce && Ascii.is(a[p], Ascii.TCHAR)) {
            hash = KnownHeaders.step(hash, a[p]);
            p++;
        }
        if (p == ce) {
            throw owner.error(400, "header line without a colon: " + Ascii.latin1(a, s, Math.min(ce - s, 40)));
        }
        if (a[p] != ':') {
            if (a[p] == Ascii.SP || a[p] == Ascii.HTAB) {
                throw owner.error(400, "whitespace between header name \"" + Ascii.latin1(a, s, p - s)
                        + "\" and the colon");
            }
            throw owner.error(400, "invalid character " + Ascii.describe(a[p]) + " in header name");
        }
        if (p == s) {
            throw owner.error(400, "empty header name");
        }
        int nameLen = p - s;
        int known = KnownHeaders.find(a, s, nameLen, hash);
        String name = known >= 0 ? KnownHeaders.name(known, a, s, nameLen) : Ascii.latin1(a, s, nameLen);
        p++;
        while (p < ce && (a[p] == Ascii.SP || a[p] == Ascii.HTAB)) {
            p++;
        }
        int vs = p;
        int bad = Ascii.indexOfNonField(a, vs, ce);
        if (bad >= 0) {
            byte b = a[bad];
            throw owner.error(400, (b == Ascii.CR ? "bare CR" : "invalid character " + Ascii.describe(b))
                    + " in the value of header " + name);
        }
        int ve = ce;
        while (ve > vs && (a[ve - 1] == Ascii.SP || a[ve - 1] == Ascii.HTAB)) {
            ve--;
        }
        String value = ve == vs ? "" : Ascii.latin1(a, vs, ve - vs);
        headers.add(name, value);
        int special = known >= 0 ? KnownHeaders.special(known) : KnownHeaders.NONE;
        if (fields != null && special != KnownHeaders.NONE) {
            fields.accept(special, a, vs, ve, owner);
        }
        if (cacheSlot >= 0 && ce - s <= MAX_CACHED_LINE) {
            byte[] line = lineBytes[cacheSlot];
            if (line == null || line.length != ce - s) {
                line = new byte[ce - s];
                lineBytes[cacheSlot] = line;
            }
            System.arraycopy(a, s, line, 0, ce - s);
            names[cacheSlot] = name;
            values[cacheSlot] = value;
            specials[cacheSlot] = special;
            valueStarts[cacheSlot] = vs - s;
            valueEnds[cacheSlot] = ve - s;
        }
    }
}
