package io.jasyncio.http.codec;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import java.util.Arrays;

/**
 * The server side: parses HTTP/1.0 and HTTP/1.1 requests (RFC 9112) into {@link RequestHead}s
 * and body events. See {@link HttpParser} for the feeding, pausing and error contract.
 *
 * <h2>Framing (RFC 9112 §6)</h2>
 * <ul>
 *   <li>{@code Transfer-Encoding} present: its final coding must be {@code chunked} (else 400),
 *       chunked may appear once, no other coding is supported (501), {@code Content-Length} must
 *       be absent (400), and the request must be HTTP/1.1 (400).</li>
 *   <li>Else {@code Content-Length}: a decimal length; repeated or listed values must all be
 *       equal (400 otherwise); over {@link HttpParserOptions#maxBodySize()}, 413.</li>
 *   <li>Else no content.</li>
 * </ul>
 * An HTTP/1.1 request must carry exactly one {@code Host} field, an HTTP/1.0 one at most one
 * (400 otherwise; RFC 9112 §3.2).
 *
 * <h2>Upgrade and CONNECT</h2>
 * A request whose {@link RequestHead#upgrade()} is true ({@code Connection: upgrade} with an
 * {@code Upgrade} field in HTTP/1.1, or the CONNECT method, which may not have content) is
 * reported as usual; once it is complete, {@code feed} returns {@link FeedResult#UPGRADED} with
 * the input positioned after it. If the server switches protocols (101, or a 2xx to CONNECT),
 * the remaining bytes belong to the new protocol (e.g. the WebSocket codec) and this parser is
 * done. If it refuses (answers with any other status), it calls {@link #declineUpgrade()} and
 * keeps feeding: the next bytes are parsed as the next HTTP request.
 *
 * <h2>Accepted request-targets</h2>
 * origin-form ({@code /path?query}), absolute-form ({@code http://host/path}), authority-form
 * (CONNECT only) and {@code *}. Bytes 0x80-0xFF are accepted in the target (some clients send
 * raw UTF-8) and decoded as ISO-8859-1, like header values; controls and spaces are rejected.
 *
 * <p>Not thread-safe: one instance per connection, used from that connection's thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=parser}
 */
public final class HttpRequestParser extends HttpParser<RequestHead> {
    private static final int MAX_CACHED_TARGET = 512;

    /*
     * The last origin-form target and the strings made from it: keep-alive clients often repeat
     * the same target, and then it costs a comparison instead of three strings.
     */
    private byte[] lastTargetBytes;
    private String lastTarget;
    private String lastPath;
    private String lastQuery;

    /**
     * Creates a parser with {@link HttpParserOptions#DEFAULTS}.
     *
     * @param listener receives the events; called from inside {@code feed}
     */
    public HttpRequestParser(HttpMessageListener<? super RequestHead> listener) {
        this(HttpParserOptions.DEFAULTS, listener);
    }

    /**
     * @param options size limits
     * @param listener receives the events; called from inside {@code feed}
     */
    public HttpRequestParser(HttpParserOptions options, HttpMessageListener<? super RequestHead> listener) {
        super(options, listener);
    }

    /**
     * After {@link FeedResult#UPGRADED}: the server did not switch protocols, so go on parsing
     * HTTP requests from the next byte.
     *
     * @throws IllegalStateException if the parser is not at a protocol switch
     */
    public void declineUpgrade() {
        leaveUpgrade();
    }

    @Override
    String startLineName() {
        return "request line";
    }

    @Override
    HttpParseException error(int requestStatus, String message) {
        return new HttpParseException(requestStatus, message);
    }

    @Override
    void headComplete() throws HttpParseException {
        byte[] a = head.bytes;
        int e = head.lineEnd(0) - 2;

        // method SP
        int p = 0;
        while (p < e && Ascii.is(a[p], Ascii.TCHAR)) {
            p++;
        }
        if (p == e || a[p] != Ascii.SP || p == 0) {
            throw error(400, p < e && a[p] != Ascii.SP
                    ? "invalid character " + Ascii.describe(a[p]) + " in method"
                    : "malformed request line: " + Ascii.latin1(a, 0, Math.min(e, 60)));
        }
        String method = method(a, p);

        // request-target SP
        int ts = ++p;
        int q = -1;
        int h = -1;
        for (; p < e; p++) {
            byte b = a[p];
            if (b == Ascii.SP) {
                break;
            }
            if (!Ascii.is(b, Ascii.TARGET)) {
                throw error(400, "invalid character " + Ascii.describe(b) + " in request target");
            }
            if (b == '?' && q < 0 && h < 0) {
                q = p;
            } else if (b == '#' && h < 0) {
                h = p;
            }
        }
        int te = p;
        if (te == ts || te == e) {
            throw error(400, "malformed request line: " + Ascii.latin1(a, 0, Math.min(e, 60)));
        }

        // HTTP-version CRLF
        HttpVersion version = version(a, te + 1, e);

        String target;
        String path;
        String query;
        int n = te - ts;
        if (a[ts] == '/' && lastTarget != null && lastTargetBytes.length == n
                && Arrays.equals(a, ts, te, lastTargetBytes, 0, n)) {
            target = lastTarget;
            path = lastPath;
            query = lastQuery;
        } else {
            target = n == 1 && a[ts] == '/' ? "/" : Ascii.latin1(a, ts, n);
            query = q >= 0 ? target.substring(q + 1 - ts, (h >= 0 ? h : te) - ts) : "";
            int pathEnd = q >= 0 ? q : h >= 0 ? h : te;
            path = pathFor(a[ts], method, target, pathEnd - ts);
            if (a[ts] == '/' && n <= MAX_CACHED_TARGET) {
                lastTargetBytes = Arrays.copyOfRange(a, ts, te);
                lastTarget = target;
                lastPath = path;
                lastQuery = query;
            }
        }

        Headers headers = fieldParser.parse(head, 1, fields);
        frame(method, target, path, query, version, headers);
    }

    /** The path for a target starting with {@code first}, whose path part ends at {@code pathEnd}. */
    private String pathFor(byte first, String method, String target, int pathEnd) throws HttpParseException {
        String path;
        if (first == '/') {
            path = pathEnd == target.length() ? target : target.substring(0, pathEnd);
        } else if (method.equals(HttpMethod.CONNECT)) {
            path = "";
        } else if (target.equals("*")) {
            path = "*";
        } else {
            path = absolutePath(target, pathEnd);
        }
        return path;
    }

    private void frame(String method, String target, String path, String query, HttpVersion version,
            Headers headers) throws HttpParseException {
        MessageFields f = fields;
        boolean v11 = version == HttpVersion.HTTP_1_1;
        if (f.hostCount > 1) {
            throw error(400, "more than one Host header field");
        }
        if (v11 && f.hostCount == 0) {
            throw error(400, "HTTP/1.1 request without a Host header field");
        }
        int mode;
        long length;
        if (f.transferEncoding) {
            if (!v11) {
                throw error(400, "Transfer-Encoding in an HTTP/1.0 request");
            }
            if (f.contentLength >= 0) {
                throw error(400, "request has both Content-Length and Transfer-Encoding");
            }
            if (!f.chunkedFinal) {
                throw error(400, "the final transfer coding must be chunked, got Transfer-Encoding " + te(headers));
            }
            if (f.chunkedCount > 1) {
                throw error(400, "chunked is applied more than once in Transfer-Encoding " + te(headers));
            }
            if (f.otherCoding != null) {
                throw error(501, "transfer coding \"" + f.otherCoding + "\" is not supported (only chunked is)");
            }
            mode = CHUNKED;
            length = -1;
        } else if (f.contentLength >= 0) {
            length = f.contentLength;
            if (length > maxBody) {
                throw error(413, "Content-Length " + length + " is over the limit of " + maxBody + " bytes");
            }
            mode = LENGTH;
        } else {
            mode = NO_BODY;
            length = 0;
        }
        boolean connect = method.equals(HttpMethod.CONNECT);
        if (connect && length != 0) {
            throw error(400, "a CONNECT request must not have content");
        }
        boolean upgrade = connect || v11 && f.upgradeOption && f.upgrade;
        boolean keepAlive = !f.close && (v11 || f.keepAlive);
        RequestHead parsed = new RequestHead(method, target, path, query, version, headers, keepAlive,
                v11 && f.expectContinue, mode == CHUNKED, length, upgrade);
        startBody(parsed, mode, length, upgrade);
    }

    private static String te(Headers headers) {
        return String.join(", ", headers.getAll("Transfer-Encoding"));
    }

    /** {@code HTTP/1.1} or {@code HTTP/1.0} exactly filling {@code [p, e)}; other well-formed versions get 505. */
    private HttpVersion version(byte[] a, int p, int e) throws HttpParseException {
        if (e - p != 8 || a[p] != 'H' || a[p + 1] != 'T' || a[p + 2] != 'T' || a[p + 3] != 'P' || a[p + 4] != '/'
                || !isDigit(a[p + 5]) || a[p + 6] != '.' || !isDigit(a[p + 7])) {
            throw error(400, "malformed HTTP version in request line: \""
                    + Ascii.latin1(a, p, Math.min(e - p, 20)) + "\"");
        }
        if (a[p + 5] == '1' && a[p + 7] == '1') {
            return HttpVersion.HTTP_1_1;
        }
        if (a[p + 5] == '1' && a[p + 7] == '0') {
            return HttpVersion.HTTP_1_0;
        }
        throw error(505, "HTTP version " + Ascii.latin1(a, p, 8) + " is not supported (only HTTP/1.0 and HTTP/1.1)");
    }

    /** The path of an absolute-form target {@code scheme://authority[/path][?query]}; "/" if empty. */
    private String absolutePath(String target, int pathEnd) throws HttpParseException {
        int scheme = target.indexOf("://");
        if (scheme <= 0 || scheme + 3 > pathEnd) {
            throw error(400, "malformed request target \"" + (target.length() > 60 ? target.substring(0, 60) : target)
                    + "\": expected /path, an absolute URL, an authority (CONNECT) or *");
        }
        int slash = target.indexOf('/', scheme + 3);
        return slash < 0 || slash >= pathEnd ? "/" : target.substring(slash, pathEnd);
    }

    /** The method token {@code a[0, len)}: a shared constant for the standard methods. */
    private static String method(byte[] a, int len) {
        switch (len) {
            case 3 -> {
                if (is(a, "GET")) {
                    return HttpMethod.GET;
                }
                if (is(a, "PUT")) {
                    return HttpMethod.PUT;
                }
            }
            case 4 -> {
                if (is(a, "POST")) {
                    return HttpMethod.POST;
                }
                if (is(a, "HEAD")) {
                    return HttpMethod.HEAD;
                }
            }
            case 5 -> {
                if (is(a, "PATCH")) {
                    return HttpMethod.PATCH;
                }
                if (is(a, "TRACE")) {
                    return HttpMethod.TRACE;
                }
            }
            case 6 -> {
                if (is(a, "DELETE")) {
                    return HttpMethod.DELETE;
                }
            }
            case 7 -> {
                if (is(a, "OPTIONS")) {
                    return HttpMethod.OPTIONS;
                }
                if (is(a, "CONNECT")) {
                    return HttpMethod.CONNECT;
                }
            }
            default -> {
            }
        }
        return Ascii.latin1(a, 0, len);
    }

    private static boolean is(byte[] a, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (a[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
