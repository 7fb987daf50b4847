package io.jasyncio.http.codec;

/**
 * What the framing-related header fields of the current message say: {@code Content-Length},
 * {@code Transfer-Encoding}, {@code Connection}, {@code Upgrade}, {@code Expect} and
 * {@code Host}. Filled by {@link FieldParser} from the raw value bytes (no strings), read by the
 * parsers to decide framing and keep-alive. Reset per message; single-threaded.
 */
final class MessageFields {
    /** Value of Content-Length, or -1 if absent. Every occurrence had this same value. */
    long contentLength;
    /** A Transfer-Encoding field was present (even an empty one). */
    boolean transferEncoding;
    /** The last transfer coding listed so far is chunked. */
    boolean chunkedFinal;
    /** How many times chunked was listed. */
    int chunkedCount;
    /** The first transfer coding other than chunked, or null. */
    String otherCoding;
    /** Connection options. */
    boolean close;
    boolean keepAlive;
    boolean upgradeOption;
    /** A non-empty Upgrade field was present. */
    boolean upgrade;
    /** Expect: 100-continue was present. */
    boolean expectContinue;
    int hostCount;

    void reset() {
        contentLength = -1;
        transferEncoding = false;
        chunkedFinal = false;
        chunkedCount = 0;
        otherCoding = null;
        close = false;
        keepAlive = false;
        upgradeOption = false;
        upgrade = false;
        expectContinue = false;
        hostCount = 0;
    }

    /**
     * Takes note of one framing-related field.
     *
     * @param special a {@link KnownHeaders} role
     * @param a the bytes
     * @param s start of the value (leading whitespace removed)
     * @param e end of the value (trailing whitespace removed)
     */
    void accept(int special, byte[] a, int s, int e, HttpParser<?> owner) throws HttpParseException {
        switch (special) {
            case KnownHeaders.CONTENT_LENGTH -> contentLength(a, s, e, owner);
            case KnownHeaders.TRANSFER_ENCODING -> transferEncoding(a, s, e);
            case KnownHeaders.CONNECTION -> connection(a, s, e);
            case KnownHeaders.UPGRADE -> upgrade |= e > s;
            case KnownHeaders.EXPECT -> expectContinue |= Ascii.equalsLower(a, s, e - s, "100-continue");
            case KnownHeaders.HOST -> hostCount++;
            default -> {
            }
        }
    }

    /** Content-Length = 1*DIGIT, also accepted as a list of identical values ("5, 5"); RFC 9112 §6.3. */
    private void contentLength(byte[] a, int s, int e, HttpParser<?> owner) throws HttpParseException {
        int p = s;
        while (true) {
            int digits = p;
            long v = 0;
            while (p < e && a[p] >= '0' && a[p] <= '9') {
                int d = a[p] - '0';
                if (v > (Long.MAX_VALUE - d) / 10) {
                    throw owner.error(400, "Content-Length value is too large: " + quote(a, s, e));
                }
                v = v * 10 + d;
                p++;
            }
            if (p == digits) {
                throw owner.error(400, "invalid Content-Length value " + quote(a, s, e)
                        + " (must be a non-negative decimal integer)");
            }
            if (contentLength >= 0 && contentLength != v) {
                throw owner.error(400, "conflicting Content-Length values " + contentLength + " and " + v);
            }
            contentLength = v;
            p = skipOws(a, p, e);
            if (p == e) {
                return;
            }
            if (a[p] != ',') {
                throw owner.error(400, "invalid Content-Length value " + quote(a, s, e)
                        + " (must be a non-negative decimal integer)");
            }
            p = skipOws(a, p + 1, e);
        }
    }

    /** Transfer-Encoding = #transfer-coding; parameters are skipped. */
    private void transferEncoding(byte[] a, int s, int e) {
        transferEncoding = true;
        for (int p = s; p < e; ) {
            p = skipOws(a, p, e);
            int ts = p;
            while (p < e && a[p] != ',' && a[p] != ';' && a[p] != Ascii.SP && a[p] != Ascii.HTAB) {
                p++;
            }
            if (p > ts) {
                if (Ascii.equalsLower(a, ts, p - ts, "chunked")) {
                    chunkedCount++;
                    chunkedFinal = true;
                } else {
                    chunkedFinal = false;
                    if (otherCoding == null) {
                        otherCoding = Ascii.latin1(a, ts, p - ts);
                    }
                }
            }
            while (p < e && a[p] != ',') {
                p++;
            }
            p++;
        }
    }

    /** Connection = #connection-option; only close, keep-alive and upgrade matter here. */
    private void connection(byte[] a, int s, int e) {
        for (int p = s; p < e; ) {
            p = skipOws(a, p, e);
            int ts = p;
            while (p < e && a[p] != ',' && a[p] != Ascii.SP && a[p] != Ascii.HTAB) {
                p++;
            }
            int n = p - ts;
            if (Ascii.equalsLower(a, ts, n, "close")) {
                close = true;
            } else if (Ascii.equalsLower(a, ts, n, "keep-alive")) {
                keepAlive = true;
            } else if (Ascii.equalsLower(a, ts, n, "upgrade")) {
                upgradeOption = true;
            }
            while (p < e && a[p] != ',') {
                p++;
            }
            p++;
        }
    }

    private static int skipOws(byte[] a, int p, int e) {
        while (p < e && (a[p] == Ascii.SP || a[p] == Ascii.HTAB)) {
            p++;
        }
        return p;
    }

    private static String quote(byte[] a, int s, int e) {
        return "\"" + Ascii.latin1(a, s, Math.min(e - s, 40)) + (e - s > 40 ? "...\"" : "\"");
    }
}
