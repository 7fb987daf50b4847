package io.jasyncio.http.codec;

import static io.jasyncio.http.codec.Recorder.bytes;
import static io.jasyncio.http.codec.Recorder.feedBytewise;
import static io.jasyncio.http.codec.Recorder.feedRandomly;
import static io.jasyncio.http.codec.Recorder.feedWhole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpStatus;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.ResponseHead;
import io.jasyncio.http.codec.Recorder.Body;
import io.jasyncio.http.codec.Recorder.Complete;
import io.jasyncio.http.codec.Recorder.Head;
import io.jasyncio.http.codec.Recorder.Trailers;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Responses: framing by request method and status, keep-alive, splits, upgrade, errors. */
class HttpResponseParserTest {

    static final String HELLO = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!";

    private final Recorder<ResponseHead> rec = new Recorder<>();
    private final HttpResponseParser parser = new HttpResponseParser(rec);

    private ResponseHead head(int i) {
        return rec.<ResponseHead>heads().get(i);
    }

    /** A Content-Length response is parsed with its body; the registered reason is shared. */
    @Test
    void parsesContentLengthResponse() throws Exception {
        feedWhole(parser, HELLO);
        ResponseHead h = head(0);
        assertThat(h.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.reason()).isSameAs(HttpStatus.reasonPhrase(200));
        assertThat(h.headers()).isEqualTo(Headers.of("Content-Type", "text/plain", "Content-Length", "13"));
        assertThat(h.contentLength()).isEqualTo(13);
        assertThat(h.keepAlive()).isTrue();
        assertThat(rec.events()).containsExactly(new Head(h), new Body("Hello, World!"), new Complete());
    }

    /** A custom reason phrase is kept; an empty one, with or without its space, is "". */
    @Test
    void reasonPhraseVariants() throws Exception {
        feedWhole(parser, "HTTP/1.1 200 Fine Thanks\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 299\r\nContent-Length: 0\r\n\r\n");
        assertThat(rec.<ResponseHead>heads()).extracting(ResponseHead::reason).containsExactly("Fine Thanks", "", "");
        assertThat(head(2).status()).isEqualTo(299);
    }

    /** A response to HEAD has no content even with Content-Length; the next response follows directly. */
    @Test
    void responseToHeadHasNoBody() throws Exception {
        parser.expectResponseTo("HEAD");
        parser.expectResponseTo("GET");
        feedWhole(parser, "HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\n" + HELLO);
        assertThat(head(0).contentLength()).isZero();
        assertThat(head(0).hasBody()).isFalse();
        assertThat(head(0).headers().get("Content-Length")).isEqualTo("13");
        assertThat(rec.events()).containsExactly(new Head(head(0)), new Complete(),
                new Head(head(1)), new Body("Hello, World!"), new Complete());
    }

    /** 204 No Content has no content. */
    @Test
    void noContentHasNoBody() throws Exception {
        feedWhole(parser, "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n" + HELLO);
        assertThat(head(0).hasBody()).isFalse();
        assertThat(rec.heads()).hasSize(2);
    }

    /** 304 Not Modified has no content. */
    @Test
    void notModifiedHasNoBody() throws Exception {
        feedWhole(parser, "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n" + HELLO);
        assertThat(head(0).hasBody()).isFalse();
        assertThat(head(0).chunked()).isFalse();
        assertThat(rec.heads()).hasSize(2);
    }

    /** Without Content-Length or chunked, the body runs until the connection closes. */
    @Test
    void bodyWithoutLengthRunsUntilClose() throws Exception {
        feedWhole(parser, "HTTP/1.1 200 OK\r\n\r\nsome ");
        feedWhole(parser, "bytes");
        ResponseHead h = head(0);
        assertThat(h.readsUntilClose()).isTrue();
        assertThat(h.keepAlive()).isFalse();
        assertThat(rec.events()).containsExactly(new Head(h), new Body("some bytes"));
        parser.feedEof();
        assertThat(rec.events()).containsExactly(new Head(h), new Body("some bytes"), new Complete());
    }

    /** A chunked response is de-chunked and its trailers reported. */
    @Test
    void chunkedResponseWithTrailers() throws Exception {
        feedWhole(parser, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\nExpires: never\r\n\r\n");
        ResponseHead h = head(0);
        assertThat(h.chunked()).isTrue();
        assertThat(h.contentLength()).isEqualTo(-1);
        assertThat(h.readsUntilClose()).isFalse();
        assertThat(rec.events()).containsExactly(new Head(h), new Body("Wikipedia"),
                new Trailers(Headers.of("Expires", "never")), new Complete());
    }

    /** A final coding other than chunked makes the body run until close. */
    @Test
    void nonChunkedTransferCodingRunsUntilClose() throws Exception {
        feedWhole(parser, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxyz");
        assertThat(head(0).readsUntilClose()).isTrue();
        assertThat(head(0).keepAlive()).isFalse();
        parser.feedEof();
        assertThat(rec.bodyText()).isEqualTo("xyz");
    }

    /** Transfer-Encoding overrides Content-Length, and such a connection is not reused. */
    @Test
    void transferEncodingOverridesContentLength() throws Exception {
        feedWhole(parser, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n");
        assertThat(head(0).chunked()).isTrue();
        assertThat(head(0).keepAlive()).isFalse();
        assertThat(rec.bodyText()).isEqualTo("ab");
    }

    /** An HTTP/1.0 response closes unless it says keep-alive. */
    @Test
    void http10KeepAliveRules() throws Exception {
        feedWhole(parser, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n");
        assertThat(rec.<ResponseHead>heads()).extracting(ResponseHead::keepAlive).containsExactly(false, true);
    }

    /** An HTTP/1.1 response with Connection: close is not kept alive. */
    @Test
    void http11ConnectionClose() throws Exception {
        feedWhole(parser, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        assertThat(head(0).keepAlive()).isFalse();
    }

    /** 100 Continue is a message of its own and does not consume the pending request's method. */
    @Test
    void interimResponseIsReportedSeparately() throws Exception {
        parser.expectResponseTo("HEAD");
        feedWhole(parser, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
        assertThat(rec.<ResponseHead>heads()).extracting(ResponseHead::status).containsExactly(100, 103, 200);
        assertThat(head(0).isInformational()).isTrue();
        assertThat(head(2).hasBody()).as("still the answer to HEAD").isFalse();
        assertThat(rec.events()).hasSize(6);
    }

    /** 101 Switching Protocols stops parsing at the first byte of the new protocol. */
    @Test
    void switchingProtocolsStopsAtTheNewProtocol() throws Exception {
        String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
        ByteBuffer in = bytes(head + "\u0081\u0002hi");
        assertThat(parser.feed(in)).isEqualTo(FeedResult.UPGRADED);
        assertThat(in.position()).isEqualTo(head.length());
        assertThat(head(0).upgrade()).isTrue();
        assertThat(rec.events()).containsExactly(new Head(head(0)), new Complete());
    }

    /** A 2xx answer to CONNECT makes the connection a tunnel, whatever its headers say. */
    @Test
    void connectSuccessBecomesATunnel() throws Exception {
        parser.expectResponseTo("CONNECT");
        ByteBuffer in = bytes("HTTP/1.1 200 Connection Established\r\nContent-Length: 99\r\n\r\n\u0016\u0003");
        assertThat(parser.feed(in)).isEqualTo(FeedResult.UPGRADED);
        assertThat(head(0).upgrade()).isTrue();
        assertThat(in.remaining()).isEqualTo(2);
    }

    /** A failed CONNECT is an ordinary response. */
    @Test
    void connectFailureIsAnOrdinaryResponse() throws Exception {
        parser.expectResponseTo("CONNECT");
        feedWhole(parser, "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 2\r\n\r\nno");
        assertThat(head(0).upgrade()).isFalse();
        assertThat(rec.bodyText()).isEqualTo("no");
    }

    /** Byte-at-a-time and random splits give the same events as whole feeding. */
    @Test
    void splitsGiveTheSameEvents() throws Exception {
        String all = "HTTP/1.1 100 Continue\r\n\r\n" + HELLO
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\nA: b\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n"
                + "HTTP/1.0 200 OK\r\n\r\nuntil the end";
        Recorder<ResponseHead> whole = new Recorder<>();
        HttpResponseParser w = new HttpResponseParser(whole);
        feedWhole(w, all);
        w.feedEof();
        assertThat(whole.heads()).hasSize(5);
        HttpResponseParser b = new HttpResponseParser(rec);
        feedBytewise(b, all);
        b.feedEof();
        assertThat(rec.events()).isEqualTo(whole.events());
        for (long seed = 0; seed < 100; seed++) {
            Recorder<ResponseHead> r = new Recorder<>();
            HttpResponseParser p = new HttpResponseParser(r);
            feedRandomly(p, all, seed);
            p.feedEof();
            assertThat(r.events()).as("seed %d", seed).isEqualTo(whole.events());
        }
    }

    /** A connection closed before the Content-Length body is complete fails with 502. */
    @Test
    void truncatedBodyFails() throws Exception {
        feedWhole(parser, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        assertThatThrownBy(parser::feedEof).isInstanceOfSatisfying(HttpParseException.class,
                e -> assertThat(e.status()).isEqualTo(502)).hasMessageContaining("7 bytes");
    }

    /** Malformed status lines fail with 502. */
    @Test
    void malformedStatusLinesFail() {
        for (String bad : List.of("HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1  200 OK\r\n\r\n",
                "HTTX/1.1 200 OK\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n", "HTTP/1.1 099 Low\r\n\r\n")) {
            HttpResponseParser p = new HttpResponseParser(new Recorder<>());
            assertThatThrownBy(() -> p.feed(bytes(bad))).as(bad)
                    .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.status()).isEqualTo(502));
        }
    }

    /** Control characters in the reason phrase fail with 502. */
    @Test
    void controlCharacterInReasonFails() {
        assertThatThrownBy(() -> parser.feed(bytes("HTTP/1.1 200 O\0K\r\n\r\n")))
                .isInstanceOf(HttpParseException.class).hasMessageContaining("reason phrase");
    }

    /** An unsupported version fails (502 on the client side). */
    @Test
    void unsupportedVersionFails() {
        assertThatThrownBy(() -> parser.feed(bytes("HTTP/2.0 200 OK\r\n\r\n")))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.status()).isEqualTo(502))
                .hasMessageContaining("HTTP/2.0");
    }

    /** Conflicting Content-Length values in a response fail too. */
    @Test
    void conflictingContentLengthFails() {
        assertThatThrownBy(() -> parser.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")))
                .isInstanceOf(HttpParseException.class).hasMessageContaining("conflicting");
    }

    /** A response body over the limit fails with 502, for Content-Length and until-close bodies. */
    @Test
    void bodyLimitApplies() throws Exception {
        HttpParserOptions small = HttpParserOptions.DEFAULTS.withMaxBodySize(4);
        HttpResponseParser p1 = new HttpResponseParser(small, new Recorder<>());
        assertThatThrownBy(() -> p1.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.status()).isEqualTo(502));
        HttpResponseParser p2 = new HttpResponseParser(small, new Recorder<>());
        feedWhole(p2, "HTTP/1.1 200 OK\r\n\r\nabcd");
        assertThatThrownBy(() -> p2.feed(bytes("e"))).isInstanceOf(HttpParseException.class)
                .hasMessageContaining("longer than 4");
    }

    /** A status line over the limit fails (502) and names the status line. */
    @Test
    void statusLineTooLongFails() {
        HttpResponseParser p = new HttpResponseParser(HttpParserOptions.DEFAULTS.withMaxStartLineSize(20), new Recorder<>());
        assertThatThrownBy(() -> p.feed(bytes("HTTP/1.1 200 " + "x".repeat(20) + "\r\n\r\n")))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.status()).isEqualTo(502))
                .hasMessageContaining("status line is longer than 20");
    }
}
