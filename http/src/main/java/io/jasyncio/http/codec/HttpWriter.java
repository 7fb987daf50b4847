package io.jasyncio.http.codec;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpStatus;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import io.jasyncio.http.ResponseHead;
import io.jasyncio.http.Tokens;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializes HTTP/1.x message heads and the chunked transfer coding into bytes.
 *
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=writer}
 *
 * <h2>What it writes</h2>
 * Exactly the given start line and fields, in order, then the empty line; the only field it adds
 * is {@code Date} (RFC 9110 §6.6.1), to final responses (status 200 and up) whose headers lack
 * one, from a value cached per second of the writer's {@link Clock}. Framing fields
 * ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}) are the caller's job.
 * Common status lines and header names are pre-encoded.
 *
 * <h2>Validation (response splitting)</h2>
 * Every name must be a token; every value, the reason phrase and the request-target must consist
 * of characters allowed there: no CR, LF, NUL or other control character (HTAB is allowed in
 * values), and nothing above U+00FF (header text is ISO-8859-1; encode other text first, e.g.
 * per RFC 8187). A violation throws {@link IllegalArgumentException} naming the field and the
 * character, and nothing is written to the output.
 *
 * <h2>Threads</h2>
 * Not thread-safe (it reuses an internal buffer and date cache): one instance per connection or
 * per event loop thread. The static chunk methods are thread-safe.
 */
public final class HttpWriter {
    private static final byte[] CRLF_BYTES = {'\r', '\n'};
    private static final ByteBuffer CRLF = ByteBuffer.wrap(CRLF_BYTES).asReadOnlyBuffer();
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    /** {@code "HTTP/1.1 <code> <reason>\r\n"} for registered codes, else null. */
    private static final byte[][] STATUS_LINES_11 = new byte[600][];

    static {
        for (int code = 100; code < 600; code++) {
            String reason = HttpStatus.reasonPhrase(code);
            if (!reason.isEmpty()) {
                STATUS_LINES_11[code] = ("HTTP/1.1 " + code + " " + reason + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private final DateCache date;
    /** Scratch output; {@code [0, len)} is the message being encoded. */
    private byte[] buf = new byte[512];
    private int len;

    /** Creates a writer that takes {@code Date} values from the system clock (UTC). */
    public HttpWriter() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock the source of {@code Date} values (read once per encoded final response; the
     *        formatted value is recomputed when the clock's second changes)
     */
    public HttpWriter(Clock clock) {
        this.date = new DateCache(Objects.requireNonNull(clock, "clock"));
    }

    /** @return the current time as an HTTP date ({@code Sun, 06 Nov 1994 08:49:37 GMT}) */
    public String date() {
        return date.value();
    }

    // ---- responses ----

    /**
     * Encodes an HTTP/1.1 response head with the registered reason phrase.
     *
     * @param status the status code, 100-999
     * @param headers the fields, in order
     * @return a new buffer holding the head, ready to read
     * @throws IllegalArgumentException if a name, value or the status is invalid
     */
    public ByteBuffer encodeResponseHead(int status, Headers headers) {
        return encodeResponseHead(HttpVersion.HTTP_1_1, status, null, headers);
    }

    /**
     * Encodes a response head.
     *
     * @param version the protocol version
     * @param status the status code, 100-999
     * @param reason the reason phrase, or {@code null} for the registered one
     * @param headers the fields, in order
     * @return a new buffer holding the head, ready to read
     * @throws IllegalArgumentException if a name, value, the reason or the status is invalid
     */
    public ByteBuffer encodeResponseHead(HttpVersion version, int status, String reason, Headers headers) {
        responseHead(version, status, reason, headers);
        return ByteBuffer.wrap(Arrays.copyOf(buf, len));
    }

    /**
     * Encodes a response head into {@code out}, at its position.
     *
     * @param version the protocol version
     * @param status the status code, 100-999
     * @param reason the reason phrase, or {@code null} for the registered one
     * @param headers the fields, in order
     * @param out where to put the bytes; its position advances past them
     * @return the number of bytes written
     * @throws IllegalArgumentException if a name, value, the reason or the status is invalid
     * @throws BufferOverflowException if {@code out} has too little room (nothing is written)
     */
    public int encodeResponseHead(HttpVersion version, int status, String reason, Headers headers, ByteBuffer out) {
        responseHead(version, status, reason, headers);
        out.put(buf, 0, len);
        return len;
    }

    /**
     * Encodes the version, status, reason and headers of {@code head} (its derived fields are
     * not used: write the framing headers into {@code head.headers()}).
     *
     * @param head the head to write
     * @return a new buffer holding the head, ready to read
     * @throws IllegalArgumentException if a name, value, the reason or the status is invalid
     */
    public ByteBuffer encode(ResponseHead head) {
        return encodeResponseHead(head.version(), head.status(), head.reason(), head.headers());
    }

    // ---- requests ----

    /**
     * Encodes a request head.
     *
     * @param method the method (a token)
     * @param target the request-target, e.g. {@code /path?q=1}
     * @param version the protocol version
     * @param headers the fields, in order (include {@code Host})
     * @return a new buffer holding the head, ready to read
     * @throws IllegalArgumentException if the method, target, a name or a value is invalid
     */
    public ByteBuffer encodeRequestHead(String method, String target, HttpVersion version, Headers headers) {
        requestHead(method, target, version, headers);
        return ByteBuffer.wrap(Arrays.copyOf(buf, len));
    }

    /**
     * Encodes a request head into {@code out}, at its position.
     *
     * @param method the method (a token)
     * @param target the request-target, e.g. {@code /path?q=1}
     * @param version the protocol version
     * @param headers the fields, in order (include {@code Host})
     * @param out where to put the bytes; its position advances past them
     * @return the number of bytes written
     * @throws IllegalArgumentException if the method, target, a name or a value is invalid
     * @throws BufferOverflowException if {@code out} has too little room (nothing is written)
     */
    public int encodeRequestHead(String method, String target, HttpVersion version, Headers headers, ByteBuffer out) {
        requestHead(method, target, version, headers);
        out.put(buf, 0, len);
        return len;
    }

    /**
     * Encodes the method, target, version and headers of {@code head} (its derived fields are
     * not used).
     *
     * @param head the head to write
     * @return a new buffer holding the head, ready to read
     * @throws IllegalArgumentException if the method, target, a name or a value is invalid
     */
    public ByteBuffer encode(RequestHead head) {
        return encodeRequestHead(head.method(), head.target(), head.version(), head.headers());
    }

    // ---- chunked transfer coding (RFC 9112 §7.1) ----

    /**
     * @param size the size of the chunk data that follows, {@code > 0}
     * @return a new buffer holding {@code <size in hex>\r\n}
     */
    public static ByteBuffer chunkHeader(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be positive (a 0 size is the last chunk): " + size);
        }
        byte[] b = new byte[18];
        int i = 16;
        b[16] = '\r';
        b[17] = '\n';
        for (long v = size; v != 0; v >>>= 4) {
            b[--i] = HEX_DIGITS[(int) (v & 15)];
        }
        return ByteBuffer.wrap(b, i, 18 - i).slice();
    }

    /** @return a read-only buffer holding the CRLF that ends a chunk's data */
    public static ByteBuffer chunkEnd() {
        return CRLF.duplicate();
    }

    /**
     * Frames {@code data} as one chunk without copying it, for a gathering write.
     *
     * @param data the chunk data, position to limit; not consumed (its position is unchanged)
     * @return header, data (a slice sharing {@code data}'s bytes) and CRLF; an empty array if
     *         {@code data} is empty (an empty chunk would end the body)
     */
    public static ByteBuffer[] chunkParts(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return new ByteBuffer[0];
        }
        return new ByteBuffer[] {chunkHeader(n), data.slice(), chunkEnd()};
    }

    /**
     * Frames {@code data} as one chunk in a single new buffer (a copy: simplest for small data).
     *
     * @param data the chunk data, position to limit; not consumed (its position is unchanged)
     * @return a buffer holding size line, data and CRLF, ready to read; empty if {@code data} is
     *         empty (an empty chunk would end the body)
     */
    public static ByteBuffer chunk(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer header = chunkHeader(n);
        ByteBuffer out = ByteBuffer.allocate(header.remaining() + n + 2);
        out.put(header).put(data.duplicate()).put(CRLF_BYTES).flip();
        return out;
    }

    /**
     * Encodes the end of a chunked body: the last chunk, the trailer fields (validated like
     * header fields) and the final CRLF.
     *
     * @param trailers trailer fields, or {@code null} / empty for none
     * @return a new buffer, ready to read
     * @throws IllegalArgumentException if a trailer name or value is invalid
     */
    public ByteBuffer lastChunk(Headers trailers) {
        if (trailers == null || trailers.isEmpty()) {
            return ByteBuffer.wrap(LAST_CHUNK.clone());
        }
        len = 0;
        put(LAST_CHUNK, 3);
        fields(trailers);
        put(CRLF_BYTES, 2);
        return ByteBuffer.wrap(Arrays.copyOf(buf, len));
    }

    // ---- encoding into buf ----

    private void responseHead(HttpVersion version, int status, String reason, Headers headers) {
        Objects.requireNonNull(version, "version");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit code (100-999): " + status);
        }
        len = 0;
        byte[] line = version == HttpVersion.HTTP_1_1 && reason == null && status < 600 ? STATUS_LINES_11[status] : null;
        if (line != null) {
            put(line, line.length);
        } else {
            ascii(version.text());
            putByte(' ');
            ascii(Integer.toString(status));
            putByte(' ');
            text(reason == null ? HttpStatus.reasonPhrase(status) : reason, null);
            put(CRLF_BYTES, 2);
        }
        if (status >= 200 && !headers.contains("Date")) {
            byte[] d = date.line();
            put(d, d.length);
        }
        fields(headers);
        put(CRLF_BYTES, 2);
    }

    private void requestHead(String method, String target, HttpVersion version, Headers headers) {
        Objects.requireNonNull(version, "version");
        len = 0;
        if (!Tokens.isToken(method)) {
            throw new IllegalArgumentException("invalid method \"" + printable(method) + "\": must be a token");
        }
        ascii(method);
        putByte(' ');
        if (target.isEmpty()) {
            throw new IllegalArgumentException("empty request target");
        }
        ensure(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c > 0xFF || !Ascii.is((byte) c, Ascii.TARGET)) {
                throw invalidChar("the request target", target, i);
            }
            buf[len++] = (byte) c;
        }
        putByte(' ');
        ascii(version.text());
        put(CRLF_BYTES, 2);
        fields(headers);
        put(CRLF_BYTES, 2);
    }

    private void fields(Headers headers) {
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.name(i);
            byte[] known = KnownHeaders.encoded(name);
            if (known != null) {
                put(known, known.length);
            } else {
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty header name");
                }
                ensure(name.length() + 2);
                for (int j = 0; j < name.length(); j++) {
                    char c = name.charAt(j);
                    if (c > 0x7F || !Ascii.is((byte) c, Ascii.TCHAR)) {
                        throw invalidChar("header name \"" + printable(name) + "\"", name, j);
                    }
                    buf[len++] = (byte) c;
                }
                buf[len++] = ':';
                buf[len++] = ' ';
            }
            text(headers.value(i), name);
            put(CRLF_BYTES, 2);
        }
    }

    /**
     * Writes field-value text: HTAB, SP, VCHAR, obs-text; nothing else.
     *
     * @param header the field name, for the error message; null for the reason phrase
     */
    private void text(String s, String header) {
        int n = s.length();
        ensure(n);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !Ascii.is((byte) c, Ascii.FIELD)) {
                throw invalidChar(header == null ? "the reason phrase" : "the value of header " + header, s, i);
            }
            b[p++] = (byte) c;
        }
        len = p;
    }

    /** Writes trusted ASCII. */
    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void putByte(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    private void put(byte[] b, int n) {
        ensure(n);
        System.arraycopy(b, 0, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
        }
    }

    private static IllegalArgumentException invalidChar(String what, String s, int i) {
        char c = s.charAt(i);
        String name = switch (c) {
            case '\r' -> "CR";
            case '\n' -> "LF";
            case 0 -> "NUL";
            default -> c < 0x20 || c == 0x7F ? "a control character" : c > 0xFF ? "a non-ISO-8859-1 character" : "a character";
        };
        String hint = c == '\r' || c == '\n' ? " (this would allow header injection / response splitting)" : "";
        return new IllegalArgumentException(String.format(
                "refusing to write %s: %s (U+%04X) at index %d is not allowed there%s", what, name, (int) c, i, hint));
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 60; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
