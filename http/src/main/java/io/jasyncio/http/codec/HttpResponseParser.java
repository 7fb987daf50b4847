package io.jasyncio.http.codec;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.HttpStatus;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.ResponseHead;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The client side: parses HTTP/1.0 and HTTP/1.1 responses (RFC 9112) into
 * {@link ResponseHead}s and body events. See {@link HttpParser} for the feeding, pausing and
 * error contract; every {@link HttpParseException} from this parser has status 502.
 *
 * <h2>Matching responses to requests</h2>
 * Whether a response has content depends on the request it answers, so the client tells the
 * parser the method of each request it sends, in order, with {@link #expectResponseTo(String)};
 * a final (non-1xx) response consumes one method. Without it, every response is taken to answer
 * a GET.
 *
 * <h2>Framing (RFC 9112 §6.3), first rule that applies</h2>
 * <ol>
 *   <li>No content: a response to HEAD, any 1xx, 204 and 304.</li>
 *   <li>{@code 101 Switching Protocols}, or a 2xx to CONNECT: no content, and the connection
 *       then belongs to the new protocol or tunnel: {@code feed} returns
 *       {@link FeedResult#UPGRADED} with the input positioned at its first byte.</li>
 *   <li>{@code Transfer-Encoding} with chunked as the final coding: chunked (other codings,
 *       such as gzip before chunked, are left to the caller to decode); any other final coding:
 *       content until the connection closes. Either way {@code Content-Length} is ignored, and
 *       if it was present, or the response is HTTP/1.0, the connection is not reused.</li>
 *   <li>{@code Content-Length}: that many bytes.</li>
 *   <li>Otherwise content until the connection closes: {@link #feedEof()} completes it.</li>
 * </ol>
 * 1xx responses other than 101 are reported as messages of their own (head, then complete);
 * the final response follows.
 *
 * <p>Not thread-safe: one instance per connection, used from that connection's thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=responseParser}
 */
public final class HttpResponseParser extends HttpParser<ResponseHead> {

    /** Methods of the requests sent and not yet answered by a final response, oldest first. */
    private final ArrayDeque<String> pending = new ArrayDeque<>();

    /**
     * Creates a parser with {@link HttpParserOptions#DEFAULTS}.
     *
     * @param listener receives the events; called from inside {@code feed}
     */
    public HttpResponseParser(HttpMessageListener<? super ResponseHead> listener) {
        this(HttpParserOptions.DEFAULTS, listener);
    }

    /**
     * @param options size limits
     * @param listener receives the events; called from inside {@code feed}
     */
    public HttpResponseParser(HttpParserOptions options, HttpMessageListener<? super ResponseHead> listener) {
        super(options, listener);
    }

    /**
     * Records that a request with this method was sent; the next final response not yet
     * matched answers it. Call once per request, in the order they were sent.
     *
     * @param method the request method, e.g. {@code "HEAD"}
     */
    public void expectResponseTo(String method) {
        pending.add(Objects.requireNonNull(method, "method"));
    }

    @Override
    String startLineName() {
        return "status line";
    }

    @Override
    HttpParseException error(int requestStatus, String message) {
        return new HttpParseException(HttpStatus.BAD_GATEWAY, message);
    }

    @Override
    void headComplete() throws HttpParseException {
        byte[] a = head.bytes;
        int e = head.lineEnd(0) - 2;
        // HTTP-version SP 3DIGIT SP reason-phrase; a missing SP before an empty reason is tolerated.
        if (e < 12 || a[8] != Ascii.SP || !isDigit(a[9]) || !isDigit(a[10]) || !isDigit(a[11])
                || e > 12 && a[12] != Ascii.SP) {
            throw error(502, "malformed status line: " + Ascii.latin1(a, 0, Math.min(e, 60)));
        }
        HttpVersion version = version(a);
        int status = (a[9] - '0') * 100 + (a[10] - '0') * 10 + (a[11] - '0');
        if (status < 100) {
            throw error(502, "status code " + Ascii.latin1(a, 9, 3) + " is not in 100-999");
        }
        String reason = reason(a, status, e);
        Headers headers = fieldParser.parse(head, 1, fields);
        frame(version, status, reason, headers);
    }

    private void frame(HttpVersion version, int status, String reason, Headers headers) throws HttpParseException {
        MessageFields f = fields;
        boolean v11 = version == HttpVersion.HTTP_1_1;
        boolean keepAlive = !f.close && (v11 || f.keepAlive);
        String method = status >= 200 || status == HttpStatus.SWITCHING_PROTOCOLS ? pending.poll() : pending.peek();
        int mode;
        long length = 0;
        boolean upgrade = false;
        if (status == HttpStatus.SWITCHING_PROTOCOLS) {
            mode = NO_BODY;
            upgrade = true;
        } else if (HttpStatus.forbidsContent(status) || HttpMethod.HEAD.equals(method)) {
            mode = NO_BODY;
        } else if (HttpMethod.CONNECT.equals(method) && status < 300) {
            mode = NO_BODY;
            upgrade = true;
        } else if (f.transferEncoding) {
            if (f.contentLength >= 0 || !v11) {
                keepAlive = false;
            }
            mode = f.chunkedFinal ? CHUNKED : UNTIL_CLOSE;
            length = -1;
        } else if (f.contentLength >= 0) {
            mode = LENGTH;
            length = f.contentLength;
            if (length > maxBody) {
                throw error(413, "Content-Length " + length + " is over the limit of " + maxBody + " bytes");
            }
        } else {
            mode = UNTIL_CLOSE;
            length = -1;
        }
        if (mode == UNTIL_CLOSE) {
            keepAlive = false;
        }
        ResponseHead parsed = new ResponseHead(version, status, reason, headers, keepAlive, mode == CHUNKED,
                length, upgrade);
        startBody(parsed, mode, length, upgrade);
    }

    private HttpVersion version(byte[] a) throws HttpParseException {
        if (a[0] != 'H' || a[1] != 'T' || a[2] != 'T' || a[3] != 'P' || a[4] != '/'
                || !isDigit(a[5]) || a[6] != '.' || !isDigit(a[7])) {
            throw error(502, "malformed HTTP version in status line: \"" + Ascii.latin1(a, 0, 8) + "\"");
        }
        if (a[5] == '1' && a[7] == '1') {
            return HttpVersion.HTTP_1_1;
        }
        if (a[5] == '1' && a[7] == '0') {
            return HttpVersion.HTTP_1_0;
        }
        throw error(505, "HTTP version " + Ascii.latin1(a, 0, 8) + " is not supported (only HTTP/1.0 and HTTP/1.1)");
    }

    /** The reason phrase {@code a[13, e)}: the shared registered phrase when it matches. */
    private String reason(byte[] a, int status, int e) throws HttpParseException {
        if (e <= 13) {
            return "";
        }
        for (int p = 13; p < e; p++) {
            if (!Ascii.is(a[p], Ascii.FIELD)) {
                throw error(502, "invalid character " + Ascii.describe(a[p]) + " in reason phrase");
            }
        }
        String standard = HttpStatus.reasonPhrase(status);
        if (standard.length() == e - 13) {
            int i = 0;
            while (i < standard.length() && a[13 + i] == standard.charAt(i)) {
                i++;
            }
            if (i == standard.length()) {
                return standard;
            }
        }
        return Ascii.latin1(a, 13, e - 13);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
