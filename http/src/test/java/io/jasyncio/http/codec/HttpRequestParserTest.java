package io.jasyncio.http.codec;

import static io.jasyncio.http.codec.Recorder.bytes;
import static io.jasyncio.http.codec.Recorder.feedBytewise;
import static io.jasyncio.http.codec.Recorder.feedRandomly;
import static io.jasyncio.http.codec.Recorder.feedWhole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.HeaderNames;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import io.jasyncio.http.codec.Recorder.Body;
import io.jasyncio.http.codec.Recorder.Complete;
import io.jasyncio.http.codec.Recorder.Head;
import io.jasyncio.http.codec.Recorder.Trailers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests that parse: heads, keep-alive, bodies, pipelining, splits, upgrade, pause, EOF. */
class HttpRequestParserTest {

    static final String WRK = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";

    /** A mix of everything the parser frames, pipelined: used by the split tests. */
    static final String PIPELINE = ""
            + "GET /a?x=1 HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n"
            + "POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world"
            + "PUT /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=val\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Checksum: abc\r\nX-More: 1\r\n\r\n"
            + "\r\n"
            + "DELETE /z HTTP/1.0\r\n\r\n";

    private final Recorder<RequestHead> rec = new Recorder<>();
    private final HttpRequestParser parser = new HttpRequestParser(rec);

    private RequestHead parseOne(String raw) throws HttpParseException {
        feedWhole(parser, raw);
        List<RequestHead> heads = rec.heads();
        assertThat(heads).hasSize(1);
        return heads.get(0);
    }

    /** The request wrk sends parses into a GET of "/" with one header, keep-alive, no body. */
    @Test
    void parsesWrkGet() throws Exception {
        RequestHead h = parseOne(WRK);
        assertThat(h.method()).isSameAs(HttpMethod.GET);
        assertThat(h.target()).isEqualTo("/");
        assertThat(h.path()).isEqualTo("/");
        assertThat(h.queryString()).isEmpty();
        assertThat(h.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(h.headers()).isEqualTo(Headers.of("Host", "127.0.0.1:8080"));
        assertThat(h.headers().isFrozen()).isTrue();
        assertThat(h.keepAlive()).isTrue();
        assertThat(h.contentLength()).isZero();
        assertThat(h.chunked()).isFalse();
        assertThat(h.hasBody()).isFalse();
        assertThat(h.upgrade()).isFalse();
        assertThat(h.expect100Continue()).isFalse();
        assertThat(rec.events()).containsExactly(new Head(h), new Complete());
        assertThat(parser.isIdle()).isTrue();
    }

    /** Received names keep their spelling; known ones are the shared HeaderNames constants. */
    @Test
    void headerNamesKeepSpellingAndKnownOnesAreShared() throws Exception {
        RequestHead h = parseOne("GET / HTTP/1.1\r\nHost: x\r\nuser-agent: curl\r\nX-CUSTOM: 1\r\n\r\n");
        assertThat(h.headers().name(0)).isSameAs(HeaderNames.HOST);
        assertThat(h.headers().name(1)).isEqualTo("user-agent");
        assertThat(h.headers().name(2)).isEqualTo("X-CUSTOM");
        assertThat(h.headers().get("USER-AGENT")).isEqualTo("curl");
    }

    /** Whitespace around a field value is dropped; inner whitespace and empty values are kept. */
    @Test
    void fieldValuesAreTrimmedOfOptionalWhitespace() throws Exception {
        RequestHead h = parseOne("GET / HTTP/1.1\r\nHost:x\r\nA: \t a  b \t\r\nEmpty:\r\nSpaces:   \r\n\r\n");
        assertThat(h.headers()).isEqualTo(Headers.of("Host", "x", "A", "a  b", "Empty", "", "Spaces", ""));
    }

    /** Bytes 0x80-0xFF in values are kept, one char per byte (ISO-8859-1). */
    @Test
    void obsTextInValuesIsDecodedAsLatin1() throws Exception {
        RequestHead h = parseOne("GET / HTTP/1.1\r\nHost: x\r\nX-Name: caf\u00e9\r\n\r\n");
        assertThat(h.headers().get("X-Name")).isEqualTo("caf\u00e9");
    }

    /** The target splits into path and query at the first '?', and a fragment is dropped. */
    @Test
    void targetSplitsIntoPathAndQuery() throws Exception {
        RequestHead h = parseOne("GET /a/b%20c?x=1&y=?2#frag HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(h.target()).isEqualTo("/a/b%20c?x=1&y=?2#frag");
        assertThat(h.path()).isEqualTo("/a/b%20c");
        assertThat(h.queryString()).isEqualTo("x=1&y=?2");
    }

    /** An absolute-form target (sent to proxies) yields the URL's path and query. */
    @Test
    void absoluteFormTargetYieldsPathAndQuery() throws Exception {
        RequestHead h = parseOne("GET http://example.com:8080/p/q?k=v HTTP/1.1\r\nHost: example.com\r\n\r\n");
        assertThat(h.path()).isEqualTo("/p/q");
        assertThat(h.queryString()).isEqualTo("k=v");
        RequestHead bare = new HttpRequestParserTest().parseOne("GET http://example.com HTTP/1.1\r\nHost: e\r\n\r\n");
        assertThat(bare.path()).isEqualTo("/");
    }

    /** OPTIONS * has path "*". */
    @Test
    void asteriskFormTarget() throws Exception {
        RequestHead h = parseOne("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(h.method()).isSameAs(HttpMethod.OPTIONS);
        assertThat(h.path()).isEqualTo("*");
    }

    /** Any token is a method; the standard ones are shared constants. */
    @Test
    void extensionMethodsAreAccepted() throws Exception {
        RequestHead h = parseOne("PURGE /cache HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(h.method()).isEqualTo("PURGE");
        for (String m : List.of("GET", "PUT", "POST", "HEAD", "PATCH", "TRACE", "DELETE", "OPTIONS")) {
            Recorder<RequestHead> r = new Recorder<>();
            feedWhole(new HttpRequestParser(r), m + " / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(r.<RequestHead>heads().get(0).method()).isSameAs(m.intern());
        }
    }

    /** An HTTP/1.1 request keeps the connection alive by default. */
    @Test
    void http11DefaultsToKeepAlive() throws Exception {
        assertThat(parseOne(WRK).keepAlive()).isTrue();
    }

    /** Connection: close ends an HTTP/1.1 connection after the request. */
    @Test
    void http11ConnectionCloseDisablesKeepAlive() throws Exception {
        assertThat(parseOne("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").keepAlive()).isFalse();
    }

    /** An HTTP/1.0 request closes the connection by default. */
    @Test
    void http10DefaultsToClose() throws Exception {
        RequestHead h = parseOne("GET / HTTP/1.0\r\n\r\n");
        assertThat(h.version()).isEqualTo(HttpVersion.HTTP_1_0);
        assertThat(h.keepAlive()).isFalse();
    }

    /** Connection: keep-alive keeps an HTTP/1.0 connection open. */
    @Test
    void http10KeepAliveOptionEnablesKeepAlive() throws Exception {
        assertThat(parseOne("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keepAlive()).isTrue();
    }

    /** Connection options are a case-insensitive list, possibly over several fields; close wins. */
    @Test
    void connectionOptionsAreACaseInsensitiveList() throws Exception {
        RequestHead h = parseOne("GET / HTTP/1.0\r\nConnection: foo, keep-alive\r\nConnection: CLOSE\r\n\r\n");
        assertThat(h.keepAlive()).isFalse();
    }

    /** A Content-Length body is delivered and the message completes after it. */
    @Test
    void contentLengthBodyIsDelivered() throws Exception {
        RequestHead h = parseOne("POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(h.contentLength()).isEqualTo(5);
        assertThat(h.hasBody()).isTrue();
        assertThat(rec.events()).containsExactly(new Head(h), new Body("hello"), new Complete());
    }

    /** Repeated or listed Content-Length values that agree are accepted. */
    @Test
    void identicalDuplicateContentLengthsAreAccepted() throws Exception {
        RequestHead h = parseOne("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3, 3\r\n\r\nabc");
        assertThat(h.contentLength()).isEqualTo(3);
        assertThat(rec.bodyText()).isEqualTo("abc");
    }

    /** Body slices are views of the input buffer, not copies. */
    @Test
    void bodySlicesShareTheInputBuffer() throws Exception {
        List<ByteBuffer> slices = new ArrayList<>();
        HttpRequestParser p = new HttpRequestParser(new HttpMessageListener<>() {
            @Override
            public void onHead(RequestHead head) {
            }

            @Override
            public void onBody(ByteBuffer content) {
                slices.add(content);
            }

            @Override
            public void onMessageComplete() {
            }
        });
        ByteBuffer in = bytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        p.feed(in);
        assertThat(slices).hasSize(1);
        assertThat(slices.get(0).array()).isSameAs(in.array());
        assertThat(slices.get(0).remaining()).isEqualTo(5);
    }

    /** A chunked body is de-chunked; chunk extensions are ignored. */
    @Test
    void chunkedBodyIsDecodedIgnoringExtensions() throws Exception {
        RequestHead h = parseOne("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;a=b;c=\"d e\"\r\nhello\r\n6 ; ext\r\n world\r\n0;last\r\n\r\n");
        assertThat(h.chunked()).isTrue();
        assertThat(h.contentLength()).isEqualTo(-1);
        assertThat(rec.events()).containsExactly(new Head(h), new Body("hello world"), new Complete());
    }

    /** Chunk sizes may use upper-case hex and leading zeros. */
    @Test
    void chunkSizesAcceptUpperCaseHexAndLeadingZeros() throws Exception {
        parseOne("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: CHUNKED\r\n\r\n"
                + "000A\r\n0123456789\r\n00\r\n\r\n");
        assertThat(rec.bodyText()).isEqualTo("0123456789");
    }

    /** Trailer fields after the last chunk are reported before the message completes. */
    @Test
    void trailersAreReported() throws Exception {
        RequestHead h = parseOne("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\nX-Checksum: 900150983cd24fb0\r\nX-Other: y\r\n\r\n");
        assertThat(rec.events()).containsExactly(new Head(h), new Body("abc"),
                new Trailers(Headers.of("X-Checksum", "900150983cd24fb0", "X-Other", "y")), new Complete());
    }

    /** Three pipelined requests in one buffer are all reported, in order, in one feed. */
    @Test
    void pipelinedRequestsAreReportedInOrder() throws Exception {
        feedWhole(parser, "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
                + "GET /3 HTTP/1.1\r\nHost: x\r\n\r\n");
        List<RequestHead> heads = rec.heads();
        assertThat(heads).extracting(RequestHead::path).containsExactly("/1", "/2", "/3");
        assertThat(rec.events()).containsExactly(new Head(heads.get(0)), new Complete(),
                new Head(heads.get(1)), new Body("hi"), new Complete(), new Head(heads.get(2)), new Complete());
    }

    /** Empty lines before a request are skipped (RFC 9112 §2.2). */
    @Test
    void emptyLinesBeforeARequestAreIgnored() throws Exception {
        assertThat(parseOne("\r\n\r\n" + WRK).path()).isEqualTo("/");
    }

    /** Feeding one byte at a time gives the same events as feeding everything at once. */
    @Test
    void byteAtATimeGivesTheSameEvents() throws Exception {
        Recorder<RequestHead> whole = new Recorder<>();
        feedWhole(new HttpRequestParser(whole), PIPELINE);
        feedBytewise(parser, PIPELINE);
        assertThat(whole.heads()).hasSize(4);
        assertThat(rec.events()).isEqualTo(whole.events());
    }

    /** Feeding random pieces (heap, direct, offset buffers) gives the same events, for many splits. */
    @Test
    void randomSplitsGiveTheSameEvents() throws Exception {
        Recorder<RequestHead> whole = new Recorder<>();
        feedWhole(new HttpRequestParser(whole), PIPELINE);
        for (long seed = 0; seed < 200; seed++) {
            Recorder<RequestHead> r = new Recorder<>();
            feedRandomly(new HttpRequestParser(r), PIPELINE, seed);
            assertThat(r.events()).as("seed %d", seed).isEqualTo(whole.events());
        }
    }

    /** Heap, offset heap, and big- and little-endian direct buffers all give the same events. */
    @Test
    void everyBufferKindGivesTheSameEvents() throws Exception {
        feedWhole(parser, PIPELINE);
        byte[] raw = PIPELINE.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        List<ByteBuffer> kinds = List.of(
                ByteBuffer.allocate(raw.length + 5).slice(5, raw.length),
                ByteBuffer.allocateDirect(raw.length),
                ByteBuffer.allocateDirect(raw.length).order(java.nio.ByteOrder.LITTLE_ENDIAN));
        for (ByteBuffer in : kinds) {
            in.put(raw).flip();
            Recorder<RequestHead> r = new Recorder<>();
            assertThat(new HttpRequestParser(r).feed(in)).isEqualTo(FeedResult.NEED_MORE);
            assertThat(r.events()).as(in.toString()).isEqualTo(rec.events());
        }
    }

    /** A keep-alive client repeating a request gets equal heads; a changed line is parsed afresh. */
    @Test
    void repeatedAndChangedHeaderLinesParseCorrectly() throws Exception {
        String a = "GET /p?q=1 HTTP/1.1\r\nHost: x\r\nCookie: s=1\r\nContent-Length: 1\r\n\r\nA";
        String b = "GET /p?q=2 HTTP/1.1\r\nHost: x\r\nCookie: s=22\r\nContent-Length: 2\r\n\r\nBB";
        feedWhole(parser, a + a + b + a);
        List<RequestHead> heads = rec.heads();
        assertThat(heads.get(1)).isEqualTo(heads.get(0));
        assertThat(heads.get(2).headers()).isEqualTo(Headers.of("Host", "x", "Cookie", "s=22", "Content-Length", "2"));
        assertThat(heads.get(2).queryString()).isEqualTo("q=2");
        assertThat(heads.get(2).contentLength()).isEqualTo(2);
        assertThat(heads.get(3)).isEqualTo(heads.get(0));
        assertThat(rec.bodyText()).isEqualTo("AABBA");
    }

    /** A repeated line still gets its framing meaning: a cached Content-Length conflicts with a new one. */
    @Test
    void repeatedFramingLinesAreStillInterpreted() throws Exception {
        feedWhole(parser, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nA");
        assertThatThrownBy(() -> parser.feed(bytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")))
                .isInstanceOf(HttpParseException.class).hasMessageContaining("conflicting");
    }

    /** Expect: 100-continue is flagged on HTTP/1.1 requests. */
    @Test
    void expect100ContinueIsDetected() throws Exception {
        RequestHead h = parseOne("PUT / HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n");
        assertThat(h.expect100Continue()).isTrue();
        assertThat(rec.events()).containsExactly(new Head(h));
    }

    /** Expect: 100-continue is ignored in HTTP/1.0 (RFC 9110 §10.1.1). */
    @Test
    void expect100ContinueIsIgnoredInHttp10() throws Exception {
        assertThat(parseOne("PUT / HTTP/1.0\r\nExpect: 100-continue\r\n\r\n").expect100Continue()).isFalse();
    }

    /** A WebSocket upgrade request completes, then feed stops at the first byte of the new protocol. */
    @Test
    void upgradeRequestStopsAtTheNewProtocolsFirstByte() throws Exception {
        String req = "GET /ws HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        ByteBuffer in = bytes(req + "\u0081\u0085frame");
        assertThat(parser.feed(in)).isEqualTo(FeedResult.UPGRADED);
        assertThat(in.position()).isEqualTo(req.length());
        assertThat(rec.<RequestHead>heads().get(0).upgrade()).isTrue();
        assertThat(rec.events()).last().isEqualTo(new Complete());
        assertThat(parser.isUpgraded()).isTrue();
        assertThat(parser.feed(in)).isEqualTo(FeedResult.UPGRADED);
        assertThat(in.position()).isEqualTo(req.length());
    }

    /** After a declined upgrade the next bytes are parsed as the next request. */
    @Test
    void declinedUpgradeResumesHttpParsing() throws Exception {
        ByteBuffer in = bytes("GET / HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\nUpgrade: h2c\r\n\r\n" + WRK);
        assertThat(parser.feed(in)).isEqualTo(FeedResult.UPGRADED);
        parser.declineUpgrade();
        assertThat(parser.feed(in)).isEqualTo(FeedResult.NEED_MORE);
        assertThat(rec.heads()).hasSize(2);
    }

    /** declineUpgrade without a pending upgrade is a programming error. */
    @Test
    void declineUpgradeWithoutUpgradeThrows() {
        assertThatThrownBy(parser::declineUpgrade).isInstanceOf(IllegalStateException.class);
    }

    /** An Upgrade field without the upgrade connection option, or in HTTP/1.0, is not an upgrade. */
    @Test
    void upgradeNeedsConnectionOptionAndHttp11() throws Exception {
        assertThat(parseOne("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n").upgrade()).isFalse();
        Recorder<RequestHead> r = new Recorder<>();
        feedWhole(new HttpRequestParser(r), "GET / HTTP/1.0\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n");
        assertThat(r.<RequestHead>heads().get(0).upgrade()).isFalse();
    }

    /** CONNECT has no content and turns the connection into a tunnel after its head. */
    @Test
    void connectBecomesATunnel() throws Exception {
        ByteBuffer in = bytes("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n\u0016\u0003\u0001");
        assertThat(parser.feed(in)).isEqualTo(FeedResult.UPGRADED);
        RequestHead h = rec.<RequestHead>heads().get(0);
        assertThat(h.method()).isSameAs(HttpMethod.CONNECT);
        assertThat(h.target()).isEqualTo("example.com:443");
        assertThat(h.path()).isEmpty();
        assertThat(h.upgrade()).isTrue();
        assertThat(in.remaining()).isEqualTo(3);
    }

    /** Pausing in onMessageComplete stops before the next pipelined request; resume continues it. */
    @Test
    void pauseAfterMessageStopsBeforeTheNextPipelinedRequest() throws Exception {
        rec.after = e -> {
            if (e instanceof Complete) {
                parser.pause();
            }
        };
        String first = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n";
        ByteBuffer in = bytes(first + "GET /2 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(parser.feed(in)).isEqualTo(FeedResult.PAUSED);
        assertThat(in.position()).isEqualTo(first.length());
        assertThat(rec.heads()).hasSize(1);
        assertThat(parser.feed(in)).isEqualTo(FeedResult.PAUSED);
        assertThat(in.position()).isEqualTo(first.length());
        parser.resume();
        assertThat(parser.feed(in)).isEqualTo(FeedResult.PAUSED);
        assertThat(rec.<RequestHead>heads()).extracting(RequestHead::path).containsExactly("/1", "/2");
        assertThat(in.hasRemaining()).isFalse();
    }

    /** Pausing in onBody stops right after that slice. */
    @Test
    void pauseInOnBodyStopsAfterTheSlice() throws Exception {
        HttpRequestParser[] p = new HttpRequestParser[1];
        List<String> seen = new ArrayList<>();
        p[0] = new HttpRequestParser(new HttpMessageListener<>() {
            @Override
            public void onHead(RequestHead head) {
                seen.add("head");
            }

            @Override
            public void onBody(ByteBuffer content) {
                seen.add("body" + content.remaining());
                p[0].pause();
            }

            @Override
            public void onMessageComplete() {
                seen.add("complete");
            }
        });
        ByteBuffer in = bytes("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n1\r\nc\r\n0\r\n\r\n");
        assertThat(p[0].feed(in)).isEqualTo(FeedResult.PAUSED);
        assertThat(seen).containsExactly("head", "body2");
        p[0].resume();
        assertThat(p[0].feed(in)).isEqualTo(FeedResult.PAUSED);
        assertThat(seen).containsExactly("head", "body2", "body1");
        p[0].resume();
        assertThat(p[0].feed(in)).isEqualTo(FeedResult.NEED_MORE);
        assertThat(seen).containsExactly("head", "body2", "body1", "complete");
    }

    /** End of input between messages is clean, and the parser then refuses input. */
    @Test
    void eofBetweenMessagesIsClean() throws Exception {
        feedWhole(parser, WRK);
        parser.feedEof();
        assertThatThrownBy(() -> parser.feed(bytes(WRK))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("feedEof");
    }

    /** End of input inside a head fails with 400. */
    @Test
    void eofInsideHeadFails() throws Exception {
        feedWhole(parser, "GET / HTTP/1.1\r\nHo");
        assertThatThrownBy(parser::feedEof).isInstanceOfSatisfying(HttpParseException.class,
                e -> assertThat(e.status()).isEqualTo(400));
        assertThat(parser.isFailed()).isTrue();
    }

    /** End of input inside a Content-Length body fails with 400 and says how much was missing. */
    @Test
    void eofInsideBodyFails() throws Exception {
        feedWhole(parser, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
        assertThatThrownBy(parser::feedEof).isInstanceOf(HttpParseException.class).hasMessageContaining("7 bytes");
    }

    /** End of input inside chunked content fails with 400. */
    @Test
    void eofInsideChunkedBodyFails() throws Exception {
        feedWhole(parser, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");
        assertThatThrownBy(parser::feedEof).isInstanceOf(HttpParseException.class).hasMessageContaining("chunked");
    }

    /** feedEof while paused is refused: the leftover bytes must be fed first. */
    @Test
    void eofWhilePausedIsRefused() {
        parser.pause();
        assertThatThrownBy(parser::feedEof).isInstanceOf(IllegalStateException.class).hasMessageContaining("paused");
    }

    /** A listener that throws leaves the parser failed, and the exception reaches the caller. */
    @Test
    void listenerExceptionFailsTheParser() {
        HttpRequestParser p = new HttpRequestParser(new HttpMessageListener<>() {
            @Override
            public void onHead(RequestHead head) {
                throw new IllegalArgumentException("boom");
            }

            @Override
            public void onMessageComplete() {
            }
        });
        assertThatThrownBy(() -> p.feed(bytes(WRK))).hasMessage("boom");
        assertThatThrownBy(() -> p.feed(bytes(WRK))).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("boom");
    }

    /** A request with no body is not idle until its head is complete. */
    @Test
    void partialHeadIsNotIdle() throws Exception {
        feedWhole(parser, "GET / HT");
        assertThat(parser.isIdle()).isFalse();
        feedWhole(parser, "TP/1.1\r\nHost: x\r\n\r\n");
        assertThat(parser.isIdle()).isTrue();
    }

    /** Content is delivered as it arrives, not buffered until the message is complete. */
    @Test
    void bodyIsStreamedAsItArrives() throws Exception {
        feedWhole(parser, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nab");
        assertThat(rec.events()).hasSize(2).last().isEqualTo(new Body("ab"));
        feedWhole(parser, "cdef");
        assertThat(rec.events()).hasSize(4).endsWith(new Body("cdef"), new Complete());
    }
}
