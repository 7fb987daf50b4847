package io.jasyncio.http.codec;

import io.jasyncio.http.Headers;

/**
 * Parses and validates field lines (RFC 9112 §5) collected by a {@link HeadBuffer} into
 * {@link Headers}. Stateless; thread-safe.
 *
 * <p>A field line is {@code field-name ":" OWS field-value OWS CRLF}. Rejected with 400: a line
 * starting with whitespace (obs-fold, or whitespace before the first field), whitespace between
 * the name and the colon, an empty name, a name character that is not a tchar, a line without a
 * colon, and a value byte that is a control character other than HTAB (NUL, bare CR, DEL, ...).
 */
final class FieldParser {
    private FieldParser() {
    }

    /**
     * @param hb the collected section
     * @param firstLine index of the first field line (1 after a start line, 0 for trailers)
     * @param fields where framing-related values are noted, or null (trailers)
     * @return the fields, frozen
     */
    static Headers parse(HeadBuffer hb, int firstLine, MessageFields fields, HttpParser<?> owner)
            throws HttpParseException {
        int count = hb.lineCount - firstLine;
        if (count == 0) {
            return Headers.EMPTY;
        }
        Headers headers = new Headers(count);
        byte[] a = hb.bytes;
        for (int k = firstLine; k < hb.lineCount; k++) {
            int s = hb.lineStart(k);
            int ce = hb.lineEnd(k) - 2;
            byte first = a[s];
            if (first == Ascii.SP || first == Ascii.HTAB) {
                throw owner.error(400, k == firstLine && firstLine == 1
                        ? "whitespace between the start line and the first header field"
                        : "obsolete line folding (a field line starting with whitespace) is not allowed");
            }
            int p = s;
            while (p < ce && Ascii.is(a[p], Ascii.TCHAR)) {
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
            int known = KnownHeaders.find(a, s, nameLen);
            String name = known >= 0 ? KnownHeaders.name(known, a, s, nameLen) : Ascii.latin1(a, s, nameLen);
            p++;
            while (p < ce && (a[p] == Ascii.SP || a[p] == Ascii.HTAB)) {
                p++;
            }
            int vs = p;
            int ve = p;
            for (; p < ce; p++) {
                byte b = a[p];
                if (!Ascii.is(b, Ascii.FIELD)) {
                    throw owner.error(400, (b == Ascii.CR ? "bare CR" : "invalid character " + Ascii.describe(b))
                            + " in the value of header " + name);
                }
                if (b != Ascii.SP && b != Ascii.HTAB) {
                    ve = p + 1;
                }
            }
            headers.add(name, ve == vs ? "" : Ascii.latin1(a, vs, ve - vs));
            if (fields != null && known >= 0) {
                int special = KnownHeaders.special(known);
                if (special != KnownHeaders.NONE) {
                    fields.accept(special, a, vs, ve, owner);
                }
            }
        }
        return headers.freeze();
    }
}
