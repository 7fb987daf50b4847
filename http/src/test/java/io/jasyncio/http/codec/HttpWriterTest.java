package io.jasyncio.http.codec;

import static io.jasyncio.http.codec.Recorder.feedWhole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import io.jasyncio.http.ResponseHead;
import io.jasyncio.http.codec.Recorder.Body;
import io.jasyncio.http.codec.Recorder.Complete;
import io.jasyncio.http.codec.Recorder.Head;
import io.jasyncio.http.codec.Recorder.Trailers;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HttpWriterTest {

    /** RFC 9110's example date. */
    private static final Instant EXAMPLE = Instant.ofEpochSecond(784111777);

    private final HttpWriter writer = new HttpWriter(Clock.fixed(EXAMPLE, ZoneOffset.UTC));

    private static String text(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] a = new byte[d.remaining()];
        d.get(a);
        return new String(a, StandardCharsets.ISO_8859_1);
    }

    /** A clock whose time the test sets. */
    private static final class ManualClock extends Clock {
        Instant now = EXAMPLE;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A response head is the status line, a Date, the fields in order, and an empty line. */
    @Test
    void encodesResponseHeadWithDate() {
        ByteBuffer b = writer.encodeResponseHead(200, Headers.of("Content-Type", "text/plain", "Content-Length", "13"));
        assertThat(text(b)).isEqualTo("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 13\r\n\r\n");
    }

    /** A Date already in the headers is not duplicated, whatever its case. */
    @Test
    void keepsCallersDate() {
        ByteBuffer b = writer.encodeResponseHead(404, Headers.of("date", "x"));
        assertThat(text(b)).isEqualTo("HTTP/1.1 404 Not Found\r\ndate: x\r\n\r\n");
    }

    /** Interim (1xx) responses get no Date. */
    @Test
    void noDateOnInterimResponses() {
        assertThat(text(writer.encodeResponseHead(100, Headers.EMPTY))).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    }

    /** A custom reason, HTTP/1.0 and an unregistered code are written as given. */
    @Test
    void customReasonVersionAndCode() {
        assertThat(text(writer.encodeResponseHead(HttpVersion.HTTP_1_0, 200, "Fine", Headers.of("Date", "d"))))
                .isEqualTo("HTTP/1.0 200 Fine\r\nDate: d\r\n\r\n");
        assertThat(text(writer.encodeResponseHead(HttpVersion.HTTP_1_1, 299, null, Headers.of("Date", "d"))))
                .isEqualTo("HTTP/1.1 299 \r\nDate: d\r\n\r\n");
    }

    /** The Date value is cached within a second and follows the clock to the next one. */
    @Test
    void dateIsCachedPerSecond() {
        ManualClock clock = new ManualClock();
        HttpWriter w = new HttpWriter(clock);
        assertThat(w.date()).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        clock.now = EXAMPLE.plusMillis(999);
        assertThat(w.date()).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        clock.now = EXAMPLE.plusSeconds(86400 * 30 + 3);
        assertThat(w.date()).isEqualTo("Tue, 06 Dec 1994 08:49:40 GMT");
        assertThat(text(w.encodeResponseHead(200, Headers.EMPTY))).contains("Date: Tue, 06 Dec 1994 08:49:40 GMT\r\n");
    }

    /** Single-digit days are zero-padded (IMF-fixdate), unlike RFC_1123_DATE_TIME. */
    @Test
    void dateDaysAreZeroPadded() {
        HttpWriter w = new HttpWriter(Clock.fixed(Instant.parse("2026-03-01T00:00:05Z"), ZoneOffset.UTC));
        assertThat(w.date()).isEqualTo("Sun, 01 Mar 2026 00:00:05 GMT");
    }

    /** A written response head parses back to the same status, reason and fields. */
    @Test
    void responseHeadRoundTrips() throws Exception {
        Headers h = Headers.of("Content-Type", "text/html; charset=utf-8", "Set-Cookie", "a=1", "Set-Cookie", "b=2",
                "X-Latin", "caf\u00e9", "Content-Length", "2");
        ByteBuffer head = writer.encodeResponseHead(HttpVersion.HTTP_1_1, 201, "Made It", h);
        Recorder<ResponseHead> rec = new Recorder<>();
        feedWhole(new HttpResponseParser(rec), text(head) + "ok");
        ResponseHead parsed = rec.<ResponseHead>heads().get(0);
        assertThat(parsed.status()).isEqualTo(201);
        assertThat(parsed.reason()).isEqualTo("Made It");
        Headers expected = Headers.of("Date", "Sun, 06 Nov 1994 08:49:37 GMT");
        for (int i = 0; i < h.size(); i++) {
            expected.add(h.name(i), h.value(i));
        }
        assertThat(parsed.headers()).isEqualTo(expected);
        assertThat(rec.bodyText()).isEqualTo("ok");
        assertThat(writer.encode(parsed)).isEqualTo(head);
    }

    /** A written request head parses back to the same request. */
    @Test
    void requestHeadRoundTrips() throws Exception {
        Headers h = Headers.of("Host", "example.com", "Accept", "*/*", "Content-Length", "3");
        ByteBuffer head = writer.encodeRequestHead("POST", "/submit?x=1", HttpVersion.HTTP_1_1, h);
        assertThat(text(head)).isEqualTo("POST /submit?x=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n"
                + "Content-Length: 3\r\n\r\n");
        Recorder<RequestHead> rec = new Recorder<>();
        feedWhole(new HttpRequestParser(rec), text(head) + "abc");
        RequestHead parsed = rec.<RequestHead>heads().get(0);
        assertThat(parsed.method()).isEqualTo("POST");
        assertThat(parsed.path()).isEqualTo("/submit");
        assertThat(parsed.queryString()).isEqualTo("x=1");
        assertThat(parsed.headers()).isEqualTo(h);
        assertThat(writer.encode(parsed)).isEqualTo(head);
    }

    /** Writing into a buffer appends at its position and returns the length. */
    @Test
    void encodesIntoAGivenBuffer() {
        ByteBuffer out = ByteBuffer.allocate(256);
        out.put((byte) '!');
        int n = writer.encodeResponseHead(HttpVersion.HTTP_1_1, 204, null, Headers.of("Date", "d"), out);
        assertThat(n).isEqualTo("HTTP/1.1 204 No Content\r\nDate: d\r\n\r\n".length());
        assertThat(out.position()).isEqualTo(1 + n);
        assertThat(text(out.flip())).isEqualTo("!HTTP/1.1 204 No Content\r\nDate: d\r\n\r\n");
    }

    /** A buffer that is too small is left untouched. */
    @Test
    void tooSmallBufferIsLeftUntouched() {
        ByteBuffer out = ByteBuffer.allocate(10);
        assertThatThrownBy(() -> writer.encodeResponseHead(HttpVersion.HTTP_1_1, 200, null, Headers.EMPTY, out))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(out.position()).isZero();
    }

    /** CR/LF in a header value is refused (response splitting), and nothing is written. */
    @Test
    void crLfInValueIsRefused() {
        ByteBuffer out = ByteBuffer.allocate(256);
        Headers evil = Headers.of("Location", "/x\r\nSet-Cookie: admin=1");
        assertThatThrownBy(() -> writer.encodeResponseHead(HttpVersion.HTTP_1_1, 302, null, evil, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the value of header Location")
                .hasMessageContaining("CR")
                .hasMessageContaining("response splitting");
        assertThat(out.position()).isZero();
    }

    /** A lone LF in a value is refused too. */
    @Test
    void lfInValueIsRefused() {
        assertThatThrownBy(() -> writer.encodeResponseHead(200, Headers.of("X", "a\nb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LF (U+000A) at index 1");
    }

    /** NUL in a value is refused. */
    @Test
    void nulInValueIsRefused() {
        assertThatThrownBy(() -> writer.encodeResponseHead(200, Headers.of("X", "a\0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    /** CR/LF or spaces in a header name are refused. */
    @Test
    void invalidHeaderNamesAreRefused() {
        assertThatThrownBy(() -> writer.encodeResponseHead(200, Headers.of("X\r\nEvil", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name");
        assertThatThrownBy(() -> writer.encodeResponseHead(200, Headers.of("Bad Name", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name \"Bad Name\"");
        assertThatThrownBy(() -> writer.encodeResponseHead(200, Headers.of("", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty header name");
    }

    /** Characters above U+00FF cannot be written as header text. */
    @Test
    void nonLatin1ValueIsRefused() {
        assertThatThrownBy(() -> writer.encodeResponseHead(200, Headers.of("X", "\u20ac")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-ISO-8859-1");
    }

    /** CR/LF in the reason phrase is refused. */
    @Test
    void crLfInReasonIsRefused() {
        assertThatThrownBy(() -> writer.encodeResponseHead(HttpVersion.HTTP_1_1, 200, "OK\r\nX: y", Headers.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason phrase");
    }

    /** Spaces or CR/LF in a request target, and non-token methods, are refused. */
    @Test
    void invalidRequestLinePartsAreRefused() {
        assertThatThrownBy(() -> writer.encodeRequestHead("GET", "/a b", HttpVersion.HTTP_1_1, Headers.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request target");
        assertThatThrownBy(() -> writer.encodeRequestHead("GET", "/a\r\nX: y", HttpVersion.HTTP_1_1, Headers.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR");
        assertThatThrownBy(() -> writer.encodeRequestHead("GE T", "/", HttpVersion.HTTP_1_1, Headers.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid method");
    }

    /** A status outside 100-999 is refused. */
    @Test
    void invalidStatusIsRefused() {
        assertThatThrownBy(() -> writer.encodeResponseHead(99, Headers.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.encodeResponseHead(1000, Headers.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Chunk headers are the size in lower-case hex and CRLF. */
    @Test
    void chunkHeaderIsHexSize() {
        assertThat(text(HttpWriter.chunkHeader(1))).isEqualTo("1\r\n");
        assertThat(text(HttpWriter.chunkHeader(26))).isEqualTo("1a\r\n");
        assertThat(text(HttpWriter.chunkHeader(Long.MAX_VALUE))).isEqualTo("7fffffffffffffff\r\n");
        assertThatThrownBy(() -> HttpWriter.chunkHeader(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** chunk() frames data with size line and CRLF, without consuming the input. */
    @Test
    void chunkFramesData() {
        ByteBuffer data = ByteBuffer.wrap("hello world".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(text(HttpWriter.chunk(data))).isEqualTo("b\r\nhello world\r\n");
        assertThat(data.position()).isZero();
        assertThat(HttpWriter.chunk(ByteBuffer.allocate(0)).hasRemaining()).isFalse();
    }

    /** chunkParts() shares the data instead of copying it. */
    @Test
    void chunkPartsShareTheData() {
        byte[] bytes = "abc".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer[] parts = HttpWriter.chunkParts(ByteBuffer.wrap(bytes));
        assertThat(parts).hasSize(3);
        assertThat(text(parts[0])).isEqualTo("3\r\n");
        assertThat(parts[1].array()).isSameAs(bytes);
        assertThat(text(parts[2])).isEqualTo("\r\n");
        assertThat(parts[2].isReadOnly()).isTrue();
        assertThat(HttpWriter.chunkParts(ByteBuffer.allocate(0))).isEmpty();
    }

    /** The last chunk carries optional, validated trailers. */
    @Test
    void lastChunkWithAndWithoutTrailers() {
        assertThat(text(writer.lastChunk(null))).isEqualTo("0\r\n\r\n");
        assertThat(text(writer.lastChunk(Headers.of("X-Sum", "1")))).isEqualTo("0\r\nX-Sum: 1\r\n\r\n");
        assertThatThrownBy(() -> writer.lastChunk(Headers.of("X", "\r"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A chunked message built by the writer parses back to the same body and trailers. */
    @Test
    void chunkedBodyRoundTrips() throws Exception {
        StringBuilder wire = new StringBuilder(text(writer.encodeResponseHead(200, Headers.of("Transfer-Encoding", "chunked"))));
        for (String piece : new String[] {"Hello", ", ", "x".repeat(300)}) {
            wire.append(text(HttpWriter.chunk(ByteBuffer.wrap(piece.getBytes(StandardCharsets.ISO_8859_1)))));
        }
        wire.append(text(writer.lastChunk(Headers.of("X-Done", "yes"))));
        Recorder<ResponseHead> rec = new Recorder<>();
        feedWhole(new HttpResponseParser(rec), wire.toString());
        ResponseHead h = rec.<ResponseHead>heads().get(0);
        assertThat(rec.events()).containsExactly(new Head(h), new Body("Hello, " + "x".repeat(300)),
                new Trailers(Headers.of("X-Done", "yes")), new Complete());
    }
}
