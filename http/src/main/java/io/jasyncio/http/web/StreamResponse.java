package io.jasyncio.http.web;

import io.jasyncio.http.HeaderNames;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.HttpStatus;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.cookie.Cookie;
import io.jasyncio.http.encoding.AcceptEncoding;
import io.jasyncio.http.encoding.ContentEncoder;
import io.jasyncio.http.mime.ETag;
import io.jasyncio.http.mime.HttpDate;
import io.jasyncio.http.mime.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A response whose body is written piece by piece: aiohttp's {@code web.StreamResponse}. Set the
 * status and headers, {@link #prepare(Request)} (which sends the head), {@link #write} as often
 * as needed (each write may suspend while the client is slow: the transport's buffer above its
 * high-water mark), then {@link #writeEof()}; return it from the handler.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=streamResponse}
 *
 * <h2>Framing</h2>
 * Chosen at {@code prepare}: with a {@linkplain #setContentLength(long) content length}, exactly
 * that many bytes (more throws; fewer closes the connection after the response); else chunked for
 * HTTP/1.1 clients, or the body until the connection closes for HTTP/1.0 clients. HEAD requests
 * and the statuses 1xx, 204 and 304 get no body at all: writes are dropped.
 *
 * <h2>Connection</h2>
 * The response keeps the connection open for the next request when the request asked for it and
 * nothing prevents it (the server shutting down, a request body left unread that is too large to
 * skip, {@link #forceClose()}); it then says so with {@code Connection: keep-alive} to HTTP/1.0
 * clients, and otherwise {@code Connection: close} to HTTP/1.1 clients.
 *
 * <h2>Compression</h2>
 * {@link #enableCompression()} compresses the body with {@code gzip} or {@code deflate} when the
 * request's {@code Accept-Encoding} allows it (adding {@code Content-Encoding} and
 * {@code Vary: Accept-Encoding}); a streamed compressed body is chunked.
 *
 * <h2>Threads</h2>
 * Confined to the request's task: build, prepare and write it there. A response is sent once:
 * preparing it for a second request throws.
 */
public class StreamResponse {

    private static final List<String> CODINGS = List.of("gzip", "deflate");

    private int status;
    private String reason;
    private final Headers headers = new Headers(6);
    private List<Cookie> cookies;
    private long contentLength = -1;
    private boolean chunked;
    /** null: off; "": negotiate; else the coding to force. */
    private String compression;
    private boolean forceClose;

    private Request request;
    private PayloadWriter payload;
    private boolean keepAlive;
    private boolean eofSent;
    private long fixedBodySent;

    /** A 200 response. */
    public StreamResponse() {
        this(HttpStatus.OK);
    }

    /**
     * @param status the status code, 100-999
     */
    public StreamResponse(int status) {
        setStatus(status, null);
    }

    // ---------------------------------------------------------------- status and headers

    /** @return the status code */
    public int status() {
        return status;
    }

    /** @return the reason phrase: the one set, else the registered one for the status */
    public String reason() {
        return reason != null ? reason : HttpStatus.reasonPhrase(status);
    }

    /**
     * @param status the status code, 100-999
     * @return this response
     * @throws IllegalStateException once prepared
     */
    public StreamResponse setStatus(int status) {
        return setStatus(status, null);
    }

    /**
     * @param status the status code, 100-999
     * @param reason the reason phrase, or {@code null} for the registered one
     * @return this response
     * @throws IllegalStateException once prepared
     * @throws IllegalArgumentException for a status outside 100-999 or a reason with CR, LF or
     *     other control characters
     */
    public StreamResponse setStatus(int status, String reason) {
        checkNotPrepared();
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit code (100-999): " + status);
        }
        if (reason != null) {
            for (int i = 0; i < reason.length(); i++) {
                char c = reason.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7F || c > 0xFF) {
                    throw new IllegalArgumentException(String.format(
                            "the reason phrase holds U+%04X at index %d, which a status line cannot", (int) c, i));
                }
            }
        }
        this.status = status;
        this.reason = reason;
        return this;
    }

    /** @return the headers to send (mutable until prepared; the framing ones are set at prepare) */
    public Headers headers() {
        return headers;
    }

    /**
     * Sets a header, replacing any with that name: aiohttp's {@code resp.headers[name] = value}.
     *
     * @param name the field name
     * @param value the field value (checked when the head is written: no CR, LF or controls)
     * @return this response
     */
    public StreamResponse setHeader(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /** @return the media type of {@code Content-Type} without parameters, {@code application/octet-stream} if unset */
    public String contentType() {
        String ct = headers.get(HeaderNames.CONTENT_TYPE);
        if (ct == null) {
            return "application/octet-stream";
        }
        try {
            return MediaType.parse(ct).essence();
        } catch (IllegalArgumentException e) {
            return ct;
        }
    }

    /** @return the {@code charset} parameter of {@code Content-Type}, or {@code null} */
    public String charset() {
        String ct = headers.get(HeaderNames.CONTENT_TYPE);
        if (ct == null) {
            return null;
        }
        try {
            return MediaType.parse(ct).parameter("charset").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Sets the media type, keeping the charset already set: aiohttp's {@code content_type}.
     *
     * @param mediaType such as {@code text/html} (parameters allowed)
     * @return this response
     */
    public StreamResponse setContentType(String mediaType) {
        String cs = charset();
        headers.set(HeaderNames.CONTENT_TYPE, cs == null || mediaType.contains(";") ? mediaType
                : mediaType + "; charset=" + cs);
        return this;
    }

    /**
     * Sets the {@code charset} parameter of the content type: aiohttp's {@code charset}.
     *
     * @param charset such as {@code utf-8}, or {@code null} to remove it
     * @return this response
     */
    public StreamResponse setCharset(String charset) {
        String type = contentType();
        headers.set(HeaderNames.CONTENT_TYPE, charset == null ? type
                : type + "; charset=" + charset.toLowerCase(Locale.ROOT));
        return this;
    }

    /** @return the content length set, or {@code -1} */
    public long contentLength() {
        return contentLength;
    }

    /**
     * Announces the body's length: the response is then framed by {@code Content-Length}.
     *
     * @param length the number of body bytes, or {@code -1} for unknown (chunked)
     * @return this response
     */
    public StreamResponse setContentLength(long length) {
        checkNotPrepared();
        if (length < -1) {
            throw new IllegalArgumentException("content length must be -1 or more: " + length);
        }
        contentLength = length;
        return this;
    }

    /**
     * Sends the body chunked even if a length is known: aiohttp's {@code enable_chunked_encoding()}.
     *
     * @return this response
     */
    public StreamResponse enableChunkedEncoding() {
        checkNotPrepared();
        chunked = true;
        return this;
    }

    /**
     * Compresses the body if the client accepts {@code gzip} or {@code deflate}: aiohttp's
     * {@code enable_compression()}.
     *
     * @return this response
     */
    public StreamResponse enableCompression() {
        checkNotPrepared();
        compression = "";
        return this;
    }

    /**
     * Compresses the body with this coding whatever the client says: aiohttp's
     * {@code enable_compression(force=...)}.
     *
     * @param coding {@code gzip} or {@code deflate}
     * @return this response
     */
    public StreamResponse enableCompression(String coding) {
        checkNotPrepared();
        String c = coding.toLowerCase(Locale.ROOT);
        if (!CODINGS.contains(c)) {
            throw new IllegalArgumentException("unsupported content coding \"" + coding + "\" (gzip or deflate)");
        }
        compression = c;
        return this;
    }

    /**
     * Adds a {@code Set-Cookie}: aiohttp's {@code set_cookie}.
     *
     * @param cookie the cookie, with its attributes
     * @return this response
     */
    public StreamResponse setCookie(Cookie cookie) {
        checkNotPrepared();
        Objects.requireNonNull(cookie, "cookie");
        if (cookies == null) {
            cookies = new ArrayList<>(2);
        }
        cookies.removeIf(c -> c.name().equals(cookie.name()) && c.path().equals(cookie.path())
                && c.domain().equals(cookie.domain()));
        cookies.add(cookie);
        return this;
    }

    /**
     * @param name the cookie name (a token)
     * @param value the value (cookie-octets)
     * @return this response
     */
    public StreamResponse setCookie(String name, String value) {
        return setCookie(Cookie.of(name, value).withPath("/"));
    }

    /**
     * Tells the client to drop a cookie (empty value, {@code Max-Age=0}, an expiry in 1970):
     * aiohttp's {@code del_cookie}.
     *
     * @param name the cookie name
     * @return this response
     */
    public StreamResponse delCookie(String name) {
        return delCookie(name, "/", null);
    }

    /**
     * @param name the cookie name
     * @param path the path it was set with, or {@code null}
     * @param domain the domain it was set with, or {@code null}
     * @return this response
     */
    public StreamResponse delCookie(String name, String path, String domain) {
        Cookie c = Cookie.of(name, "").withMaxAge(Duration.ZERO).withExpires(Instant.EPOCH);
        if (path != null) {
            c = c.withPath(path);
        }
        if (domain != null) {
            c = c.withDomain(domain);
        }
        return setCookie(c);
    }

    /** @return the cookies to set, in order (read-only) */
    public List<Cookie> cookies() {
        return cookies == null ? List.of() : Collections.unmodifiableList(cookies);
    }

    /**
     * @param time the {@code Last-Modified} value (second precision)
     * @return this response
     */
    public StreamResponse setLastModified(Instant time) {
        headers.set(HeaderNames.LAST_MODIFIED, HttpDate.format(time));
        return this;
    }

    /** @return the {@code Last-Modified} value, if set and valid */
    public Optional<Instant> lastModified() {
        String v = headers.get(HeaderNames.LAST_MODIFIED);
        return v == null ? Optional.empty() : HttpDate.parse(v);
    }

    /**
     * @param etag the {@code ETag} value
     * @return this response
     */
    public StreamResponse setEtag(ETag etag) {
        headers.set(HeaderNames.ETAG, etag.toString());
        return this;
    }

    /** @return the {@code ETag} value, if set and valid */
    public Optional<ETag> etag() {
        String v = headers.get(HeaderNames.ETAG);
        try {
            return v == null ? Optional.empty() : Optional.of(ETag.parse(v));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Closes the connection after this response: aiohttp's {@code force_close()}.
     *
     * @return this response
     */
    public StreamResponse forceClose() {
        forceClose = true;
        return this;
    }

    /** @return after prepare: whether the connection stays open after this response */
    public boolean keepAlive() {
        return keepAlive;
    }

    // ---------------------------------------------------------------- sending

    /** @return whether the head was sent: aiohttp's {@code prepared} */
    public boolean isPrepared() {
        return request != null;
    }

    /** @return whether the body is complete */
    public boolean isEofSent() {
        return eofSent;
    }

    /** @return body bytes sent so far (after compression): aiohttp's {@code body_length} */
    public long bodyLength() {
        return payload != null ? payload.sent() : fixedBodySent;
    }

    /** @return the request this response was prepared for, or {@code null} */
    Request request() {
        return request;
    }

    /**
     * Sends the status line and headers: aiohttp's {@code await resp.prepare(request)}. Does
     * nothing if already prepared for this request.
     *
     * @param request the request being answered
     * @throws IOException if the client has gone away
     * @throws IllegalStateException if prepared for another request, or if another response was
     *     already started for this request
     * @throws IllegalArgumentException if a header holds characters a header cannot (nothing is sent)
     */
    public void prepare(Request request) throws IOException {
        start(request, null);
    }

    /**
     * Prepares the response with a complete body ({@link Response}) or none ({@code fixedBody}
     * null), choosing framing, compression and persistence, then writes the head (and the body).
     */
    final void start(Request req, byte[] fixedBody) throws IOException {
        Objects.requireNonNull(req, "request");
        if (request != null) {
            if (request == req) {
                return;
            }
            throw new IllegalStateException("this response was already sent for another request: make one per request");
        }
        Exchange ex = req.exchange();
        ex.claim(this);
        ex.connection().checkAlive();
        boolean head = req.method().equals(HttpMethod.HEAD);
        boolean emptyStatus = status < 200 || status == HttpStatus.NO_CONTENT || status == HttpStatus.NOT_MODIFIED;
        Headers h = headers;
        if (cookies != null) {
            for (Cookie c : cookies) {
                h.add(HeaderNames.SET_COOKIE, c.toSetCookieString());
            }
        }
        ContentEncoder encoder = null;
        if (compression != null && !emptyStatus && !h.contains(HeaderNames.CONTENT_ENCODING)) {
            String coding = compression.isEmpty() ? negotiate(req) : compression;
            if (coding != null) {
                h.set(HeaderNames.CONTENT_ENCODING, coding);
                addVary(h);
                encoder = ContentEncoder.create(coding);
            }
        }
        byte[] body = fixedBody;
        if (body != null && encoder != null) {
            body = compressAll(encoder, body);
            encoder = null;
        }
        boolean keep = ex.keepAliveAllowed() && !forceClose && !asksToClose(h);
        HttpVersion v = req.version();
        int mode;
        long length = -1;
        if (emptyStatus) {
            h.remove(HeaderNames.CONTENT_LENGTH);
            h.remove(HeaderNames.TRANSFER_ENCODING);
            mode = PayloadWriter.NONE;
            body = null;
        } else {
            if (!h.contains(HeaderNames.CONTENT_TYPE)) {
                h.set(HeaderNames.CONTENT_TYPE, "application/octet-stream");
            }
            length = body != null ? body.length : encoder == null && !chunked ? contentLength : -1;
            if (length >= 0) {
                h.set(HeaderNames.CONTENT_LENGTH, Long.toString(length));
                h.remove(HeaderNames.TRANSFER_ENCODING);
                mode = PayloadWriter.LENGTH;
            } else if (v == HttpVersion.HTTP_1_1) {
                h.remove(HeaderNames.CONTENT_LENGTH);
                if (head) {
                    h.remove(HeaderNames.TRANSFER_ENCODING);
                } else {
                    h.set(HeaderNames.TRANSFER_ENCODING, "chunked");
                }
                mode = PayloadWriter.CHUNKED;
            } else {
                h.remove(HeaderNames.CONTENT_LENGTH);
                h.remove(HeaderNames.TRANSFER_ENCODING);
                mode = PayloadWriter.UNTIL_CLOSE;
                keep = head && keep;
            }
            if (head) {
                mode = PayloadWriter.NONE;
                body = null;
            }
        }
        if (!keep) {
            if (v == HttpVersion.HTTP_1_1) {
                h.set(HeaderNames.CONNECTION, "close");
            } else {
                h.remove(HeaderNames.CONNECTION);
            }
        } else if (v == HttpVersion.HTTP_1_0) {
            h.set(HeaderNames.CONNECTION, "keep-alive");
        }
        keepAlive = keep;
        request = req;
        try {
            ex.sendHead(status, reason, h, body, keep);
        } catch (RuntimeException e) {
            request = null;
            ex.unclaim(this);
            if (encoder != null) {
                encoder.close();
            }
            throw e;
        }
        if (fixedBody != null) {
            fixedBodySent = body != null ? body.length : 0;
            eofSent = true;
            ex.responseComplete(true);
        } else {
            payload = new PayloadWriter(ex.connection(), mode, length, encoder);
        }
    }

    private static boolean asksToClose(Headers h) {
        String c = h.get(HeaderNames.CONNECTION);
        return c != null && c.toLowerCase(Locale.ROOT).contains("close");
    }

    private static String negotiate(Request req) {
        String ae = req.headers().get(HeaderNames.ACCEPT_ENCODING);
        if (ae == null) {
            return null;
        }
        String c = AcceptEncoding.parse(ae).negotiate(CODINGS).orElse("identity");
        return c.equals("identity") ? null : c;
    }

    private static void addVary(Headers h) {
        String vary = h.get(HeaderNames.VARY);
        if (vary == null) {
            h.set(HeaderNames.VARY, "Accept-Encoding");
        } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding") && !vary.strip().equals("*")) {
            h.set(HeaderNames.VARY, vary + ", Accept-Encoding");
        }
    }

    private static byte[] compressAll(ContentEncoder encoder, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 3));
        try (encoder) {
            java.util.function.Consumer<ByteBuffer> sink = b -> out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            encoder.encode(ByteBuffer.wrap(body), sink);
            encoder.finish(sink);
        }
        return out.toByteArray();
    }

    /**
     * Sends body bytes: aiohttp's {@code await resp.write(data)}. Suspends while the client is
     * slow (the transport's buffer above its high-water mark).
     *
     * @param data the bytes
     * @throws IOException if the client has gone away
     * @throws IllegalStateException if not prepared, after {@link #writeEof()}, or past the
     *     announced content length
     */
    public void write(byte[] data) throws IOException {
        write(ByteBuffer.wrap(data));
    }

    /**
     * @param data an array holding the bytes
     * @param offset where they start
     * @param length how many
     * @throws IOException if the client has gone away
     */
    public void write(byte[] data, int offset, int length) throws IOException {
        write(ByteBuffer.wrap(data, offset, length));
    }

    /**
     * @param data the bytes between position and limit (consumed)
     * @throws IOException if the client has gone away
     */
    public void write(ByteBuffer data) throws IOException {
        PayloadWriter p = requirePayload();
        p.write(data);
        request.exchange().connection().drainIfPaused();
    }

    /**
     * Suspends until the transport's buffer is below its low-water mark, pushing out what a
     * content coding holds back first: aiohttp's {@code await resp.drain()}.
     *
     * @throws IOException if the client has gone away
     */
    public void drain() throws IOException {
        PayloadWriter p = requirePayload();
        p.flush();
        request.exchange().connection().drain();
    }

    /**
     * Ends the body: aiohttp's {@code await resp.write_eof()}. Idempotent.
     *
     * @throws IOException if the client has gone away
     */
    public void writeEof() throws IOException {
        if (eofSent) {
            return;
        }
        PayloadWriter p = requirePayload();
        boolean complete = p.finish();
        eofSent = true;
        request.exchange().responseComplete(complete);
    }

    /**
     * Writes the last bytes and ends the body: aiohttp's {@code await resp.write_eof(data)}.
     *
     * @param data the last bytes
     * @throws IOException if the client has gone away
     */
    public void writeEof(byte[] data) throws IOException {
        if (eofSent) {
            throw new IllegalStateException("the response's body is complete: writeEof(data) after writeEof");
        }
        if (data.length > 0) {
            requirePayload().write(ByteBuffer.wrap(data));
        }
        writeEof();
    }

    PayloadWriter payload() {
        return payload;
    }

    /** Drops the encoder of a body that will never be finished. */
    void release() {
        if (payload != null) {
            payload.release();
        }
    }

    private PayloadWriter requirePayload() {
        if (request == null) {
            throw new IllegalStateException("prepare(request) the response before writing its body");
        }
        if (payload == null) {
            throw new IllegalStateException("this response's body was sent whole at prepare: it cannot be written to");
        }
        return payload;
    }

    private void checkNotPrepared() {
        if (request != null) {
            throw new IllegalStateException("the response is prepared (its head is sent): it can no longer change");
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + status + " " + reason()
                + (request != null ? " " + request.method() + " " + request.rawPath() : " not prepared") + ">";
    }
}
