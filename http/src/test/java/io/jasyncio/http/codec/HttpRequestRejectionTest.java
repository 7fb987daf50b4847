package io.jasyncio.http.codec;

import static io.jasyncio.http.codec.Recorder.bytes;
import static io.jasyncio.http.codec.Recorder.feedBytewise;
import static io.jasyncio.http.codec.Recorder.feedWhole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.RequestHead;
import org.junit.jupiter.api.Test;

/**
 * Requests that must be rejected (RFC 9112, request-smuggling guidance), each with the status
 * the server should answer; and the size limits.
 */
class HttpRequestRejectionTest {

    private static final String HOST = "Host: x\r\n";

    /**
     * Asserts that {@code raw} is rejected with {@code status} and a message containing
     * {@code fragment}, both when fed whole and one byte at a time.
     */
    private static void assertRejected(String raw, int status, String fragment) {
        assertRejected(HttpParserOptions.DEFAULTS, raw, status, fragment);
    }

    private static void assertRejected(HttpParserOptions options, String raw, int status, String fragment) {
        Recorder<RequestHead> rec = new Recorder<>();
        HttpRequestParser whole = new HttpRequestParser(options, rec);
        assertThatThrownBy(() -> whole.feed(bytes(raw)))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.status()).isEqualTo(status))
                .hasMessageContaining(fragment);
        assertThat(whole.isFailed()).isTrue();
        HttpRequestParser bytewise = new HttpRequestParser(options, new Recorder<>());
        assertThatThrownBy(() -> feedBytewise(bytewise, raw))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.status()).isEqualTo(status))
                .hasMessageContaining(fragment);
    }

    /** A request whose head is rejected produces no events at all. */
    @Test
    void rejectedHeadProducesNoEvents() {
        Recorder<RequestHead> rec = new Recorder<>();
        HttpRequestParser p = new HttpRequestParser(rec);
        assertThatThrownBy(() -> p.feed(bytes("GET / HTTP/1.1\r\nHost : x\r\n\r\n"))).isInstanceOf(HttpParseException.class);
        assertThat(rec.events()).isEmpty();
    }

    private static void assertAccepted(HttpParserOptions options, String raw) throws HttpParseException {
        Recorder<RequestHead> rec = new Recorder<>();
        feedWhole(new HttpRequestParser(options, rec), raw);
        assertThat(rec.heads()).hasSize(1);
    }

    // ---- request line ----

    /** A request line without a version is malformed. */
    @Test
    void requestLineWithoutVersion() {
        assertRejected("GET /\r\n" + HOST + "\r\n", 400, "malformed request line");
    }

    /** Two spaces between method and target make the line malformed. */
    @Test
    void doubleSpaceInRequestLine() {
        assertRejected("GET  / HTTP/1.1\r\n" + HOST + "\r\n", 400, "malformed request line");
    }

    /** Anything after the version, even a space, is malformed. */
    @Test
    void trailingSpaceAfterVersion() {
        assertRejected("GET / HTTP/1.1 \r\n" + HOST + "\r\n", 400, "malformed HTTP version");
    }

    /** A request line starting with a space is malformed. */
    @Test
    void leadingSpaceInRequestLine() {
        assertRejected(" GET / HTTP/1.1\r\n" + HOST + "\r\n", 400, "malformed request line");
    }

    /** The version is case-sensitive: "http/1.1" is malformed. */
    @Test
    void lowerCaseVersion() {
        assertRejected("GET / http/1.1\r\n" + HOST + "\r\n", 400, "malformed HTTP version");
    }

    /** A method must be a token. */
    @Test
    void nonTokenCharacterInMethod() {
        assertRejected("GE(T / HTTP/1.1\r\n" + HOST + "\r\n", 400, "invalid character '(' in method");
    }

    /** NUL in the method is rejected. */
    @Test
    void nulInMethod() {
        assertRejected("G\0ET / HTTP/1.1\r\n" + HOST + "\r\n", 400, "invalid character 0x00 in method");
    }

    /** Control characters in the target are rejected. */
    @Test
    void controlCharacterInTarget() {
        assertRejected("GET /a\u0001b HTTP/1.1\r\n" + HOST + "\r\n", 400, "invalid character 0x01 in request target");
    }

    /** DEL in the target is rejected. */
    @Test
    void delInTarget() {
        assertRejected("GET /a\u007f HTTP/1.1\r\n" + HOST + "\r\n", 400, "invalid character 0x7F in request target");
    }

    /** A bare CR inside the request line is rejected. */
    @Test
    void bareCrInRequestLine() {
        assertRejected("GET /a\rb HTTP/1.1\r\n" + HOST + "\r\n", 400, "invalid character 0x0D in request target");
    }

    /** A target that is not a path, URL, authority (CONNECT) or * is malformed. */
    @Test
    void relativeTarget() {
        assertRejected("GET foo HTTP/1.1\r\n" + HOST + "\r\n", 400, "malformed request target");
    }

    /** A well-formed version other than 1.0/1.1 gets 505. */
    @Test
    void http2VersionIsNotSupported() {
        assertRejected("GET / HTTP/2.0\r\n" + HOST + "\r\n", 505, "HTTP/2.0 is not supported");
    }

    /** HTTP/0.9-style versions get 505 too. */
    @Test
    void http09VersionIsNotSupported() {
        assertRejected("GET / HTTP/0.9\r\n\r\n", 505, "not supported");
    }

    // ---- line endings ----

    /** LF without CR as a line terminator is rejected. */
    @Test
    void bareLfLineEnding() {
        assertRejected("GET / HTTP/1.1\n" + HOST + "\r\n", 400, "bare LF");
    }

    /** A bare LF as the final empty line is rejected. */
    @Test
    void bareLfAsEmptyLine() {
        assertRejected("GET / HTTP/1.1\r\n" + HOST + "\n", 400, "bare LF");
    }

    // ---- header fields ----

    /** Whitespace between a field name and the colon is rejected (RFC 9112 §5.1). */
    @Test
    void whitespaceBeforeColon() {
        assertRejected("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400, "whitespace between header name \"Host\" and the colon");
    }

    /** A tab between a field name and the colon is rejected too. */
    @Test
    void tabBeforeColon() {
        assertRejected("GET / HTTP/1.1\r\nHost\t: x\r\n\r\n", 400, "whitespace between header name");
    }

    /** Obsolete line folding is rejected with 400 (RFC 9112 §5.2). */
    @Test
    void obsFold() {
        assertRejected("GET / HTTP/1.1\r\n" + HOST + "X-A: b\r\n c\r\n\r\n", 400, "obsolete line folding");
    }

    /** Whitespace between the start line and the first field is rejected (RFC 9112 §2.2). */
    @Test
    void whitespaceBeforeFirstField() {
        assertRejected("GET / HTTP/1.1\r\n " + HOST + "\r\n", 400, "whitespace between the start line and the first header");
    }

    /** A field name must be a token. */
    @Test
    void nonTokenCharacterInFieldName() {
        assertRejected("GET / HTTP/1.1\r\n" + HOST + "X(y): 1\r\n\r\n", 400, "invalid character '(' in header name");
    }

    /** NUL in a field name is rejected. */
    @Test
    void nulInFieldName() {
        assertRejected("GET / HTTP/1.1\r\n" + HOST + "X\0y: 1\r\n\r\n", 400, "invalid character 0x00 in header name");
    }

    /** A field line without a colon is rejected. */
    @Test
    void fieldLineWithoutColon() {
        assertRejected("GET / HTTP/1.1\r\n" + HOST + "NoColon\r\n\r\n", 400, "without a colon");
    }

    /** An empty field name is rejected. */
    @Test
    void emptyFieldName() {
        assertRejected("GET / HTTP/1.1\r\n" + HOST + ": v\r\n\r\n", 400, "empty header name");
    }

    /** NUL in a field value is rejected. */
    @Test
    void nulInFieldValue() {
        assertRejected("GET / HTTP/1.1\r\n" + HOST + "X: a\0b\r\n\r\n", 400, "invalid character 0x00 in the value of header X");
    }

    /** A bare CR inside a field value is rejected. */
    @Test
    void bareCrInFieldValue() {
        assertRejected("GET / HTTP/1.1\r\n" + HOST + "X: a\rb\r\n\r\n", 400, "bare CR in the value of header X");
    }

    /** Other control characters (here ESC and DEL) in a field value are rejected. */
    @Test
    void controlCharactersInFieldValue() {
        assertRejected("GET / HTTP/1.1\r\n" + HOST + "X: \u001b[31m\r\n\r\n", 400, "invalid character 0x1B");
        assertRejected("GET / HTTP/1.1\r\n" + HOST + "X: a\u007f\r\n\r\n", 400, "invalid character 0x7F");
    }

    /** An HTTP/1.1 request must have a Host field (RFC 9112 §3.2). */
    @Test
    void missingHostInHttp11() {
        assertRejected("GET / HTTP/1.1\r\n\r\n", 400, "without a Host");
    }

    /** More than one Host field is rejected. */
    @Test
    void duplicateHost() {
        assertRejected("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", 400, "more than one Host");
    }

    // ---- Content-Length ----

    /** Content-Length together with Transfer-Encoding is a smuggling vector: 400. */
    @Test
    void contentLengthWithTransferEncoding() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
                400, "both Content-Length and Transfer-Encoding");
    }

    /** Two different Content-Length fields: 400. */
    @Test
    void differingDuplicateContentLength() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n",
                400, "conflicting Content-Length values 5 and 6");
    }

    /** A Content-Length list with different values: 400. */
    @Test
    void differingContentLengthList() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 5, 6\r\n\r\n", 400, "conflicting Content-Length");
    }

    /** A non-numeric Content-Length: 400. */
    @Test
    void nonNumericContentLength() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: abc\r\n\r\n", 400, "invalid Content-Length value \"abc\"");
    }

    /** A negative Content-Length: 400. */
    @Test
    void negativeContentLength() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: -1\r\n\r\n", 400, "invalid Content-Length");
    }

    /** A signed Content-Length: 400. */
    @Test
    void plusSignedContentLength() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: +5\r\n\r\n", 400, "invalid Content-Length");
    }

    /** Trailing garbage after the digits: 400. */
    @Test
    void contentLengthWithTrailingGarbage() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 5x\r\n\r\n", 400, "invalid Content-Length");
    }

    /** An empty Content-Length: 400. */
    @Test
    void emptyContentLength() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length:\r\n\r\n", 400, "invalid Content-Length");
    }

    /** A Content-Length over 2^63-1: 400. */
    @Test
    void overflowingContentLength() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 9223372036854775808\r\n\r\n", 400, "too large");
    }

    // ---- Transfer-Encoding ----

    /** A final coding other than chunked in a request: 400 (RFC 9112 §6.3). */
    @Test
    void finalCodingNotChunked() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked, gzip\r\n\r\n",
                400, "final transfer coding must be chunked");
    }

    /** An unknown coding alone is not chunked either: 400 takes precedence over 501. */
    @Test
    void unknownCodingAlone() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: foo\r\n\r\n", 400, "must be chunked, got Transfer-Encoding foo");
    }

    /** A coding other than chunked before chunked: 501. */
    @Test
    void unsupportedCodingBeforeChunked() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: gzip, chunked\r\n\r\n",
                501, "transfer coding \"gzip\" is not supported");
    }

    /** An unsupported coding in an earlier field line counts too. */
    @Test
    void unsupportedCodingInSeparateFieldLine() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: x-custom\r\nTransfer-Encoding: chunked\r\n\r\n",
                501, "x-custom");
    }

    /** chunked twice: 400. */
    @Test
    void chunkedTwice() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked, chunked\r\n\r\n",
                400, "more than once");
    }

    /** Transfer-Encoding in an HTTP/1.0 request: 400 (RFC 9112 §6.1). */
    @Test
    void transferEncodingInHttp10() {
        assertRejected("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "HTTP/1.0");
    }

    /** An empty Transfer-Encoding has no final chunked coding: 400. */
    @Test
    void emptyTransferEncoding() {
        assertRejected("POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding:\r\n\r\n", 400, "must be chunked");
    }

    /** A CONNECT request may not have content. */
    @Test
    void connectWithContent() {
        assertRejected("CONNECT h:443 HTTP/1.1\r\nHost: h:443\r\nContent-Length: 3\r\n\r\nabc", 400, "CONNECT");
    }

    // ---- chunked framing ----

    private static final String CHUNKED = "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n";

    /** A chunk size that is not hex: 400. */
    @Test
    void nonHexChunkSize() {
        assertRejected(CHUNKED + "zz\r\n", 400, "invalid chunk size: expected a hex digit, got 'z'");
    }

    /** Garbage after hex digits in the size: 400. */
    @Test
    void garbageInChunkSize() {
        assertRejected(CHUNKED + "5x\r\nhello\r\n0\r\n\r\n", 400, "invalid character 'x' in chunk size");
    }

    /** A chunk size over 63 bits: 400. */
    @Test
    void overflowingChunkSize() {
        assertRejected(CHUNKED + "8000000000000000\r\n", 400, "chunk size overflows");
    }

    /** A negative-looking chunk size: 400. */
    @Test
    void negativeChunkSize() {
        assertRejected(CHUNKED + "-1\r\n", 400, "invalid chunk size");
    }

    /** Chunk data not followed by CRLF: 400. */
    @Test
    void missingCrlfAfterChunkData() {
        assertRejected(CHUNKED + "5\r\nhelloXX\r\n0\r\n\r\n", 400, "missing CRLF after chunk data");
    }

    /** Chunk data followed by CR and something else: 400. */
    @Test
    void crWithoutLfAfterChunkData() {
        assertRejected(CHUNKED + "5\r\nhello\rX0\r\n\r\n", 400, "missing CRLF after chunk data");
    }

    /** A bare LF ending the chunk size line: 400. */
    @Test
    void bareLfAfterChunkSize() {
        assertRejected(CHUNKED + "5\nhello\r\n0\r\n\r\n", 400, "invalid character 0x0A in chunk size");
    }

    /** A bare CR in the chunk size line: 400. */
    @Test
    void bareCrInChunkSizeLine() {
        assertRejected(CHUNKED + "5\rhello\r\n0\r\n\r\n", 400, "bare CR in chunk size line");
    }

    /** Whitespace after the size that is not followed by an extension: 400. */
    @Test
    void trailingWhitespaceAfterChunkSize() {
        assertRejected(CHUNKED + "5 \r\nhello\r\n0\r\n\r\n", 400, "after chunk size");
    }

    /** Control characters in a chunk extension: 400. */
    @Test
    void controlCharacterInChunkExtension() {
        assertRejected(CHUNKED + "5;a\0b\r\nhello\r\n0\r\n\r\n", 400, "invalid character 0x00 in chunk extension");
    }

    /** A bare LF in a chunk extension: 400. */
    @Test
    void bareLfInChunkExtension() {
        assertRejected(CHUNKED + "5;a\nhello\r\n0\r\n\r\n", 400, "invalid character 0x0A in chunk extension");
    }

    /** Trailer fields are validated like header fields. */
    @Test
    void invalidTrailerField() {
        assertRejected(CHUNKED + "0\r\nX : y\r\n\r\n", 400, "whitespace between header name");
    }

    // ---- limits ----

    private static final HttpParserOptions SMALL = HttpParserOptions.DEFAULTS
            .withMaxStartLineSize(32).withMaxHeaderBlockSize(64).withMaxHeaderCount(3).withMaxBodySize(10);

    /** A request line over the limit: 414. */
    @Test
    void requestLineTooLong() {
        assertRejected(SMALL, "GET /" + "a".repeat(19) + " HTTP/1.1\r\n" + HOST + "\r\n", 414, "request line is longer than 32");
    }

    /** A request line of exactly the limit is accepted. */
    @Test
    void requestLineAtLimitIsAccepted() throws Exception {
        String line = "GET /" + "a".repeat(18) + " HTTP/1.1";
        assertThat(line).hasSize(32);
        assertAccepted(SMALL, line + "\r\n" + HOST + "\r\n");
    }

    /** The default request line limit is 8 KiB. */
    @Test
    void defaultRequestLineLimitIs8KiB() throws Exception {
        String ok = "GET /" + "a".repeat(8192 - 14) + " HTTP/1.1";
        assertAccepted(HttpParserOptions.DEFAULTS, ok + "\r\n" + HOST + "\r\n");
        assertRejected("GET /" + "a".repeat(8192 - 13) + " HTTP/1.1\r\n" + HOST + "\r\n", 414, "8192");
    }

    /** A header section over the limit: 431. */
    @Test
    void headerSectionTooLarge() {
        assertRejected(SMALL, "GET / HTTP/1.1\r\n" + HOST + "X: " + "v".repeat(60) + "\r\n\r\n", 431, "header section is longer than 64");
    }

    /** A header section that never ends is rejected once over the limit, without waiting for a line end. */
    @Test
    void endlessHeaderLineIsRejectedEarly() {
        HttpRequestParser p = new HttpRequestParser(SMALL, new Recorder<>());
        assertThatThrownBy(() -> p.feed(bytes("GET / HTTP/1.1\r\nX: " + "v".repeat(10_000))))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.status()).isEqualTo(431));
    }

    /** A header section of exactly the limit is accepted. */
    @Test
    void headerSectionAtLimitIsAccepted() throws Exception {
        String fields = HOST + "X: " + "v".repeat(64 - 9 - 5) + "\r\n";
        assertThat(fields).hasSize(64);
        assertAccepted(SMALL, "GET / HTTP/1.1\r\n" + fields + "\r\n");
    }

    /** More fields than the limit: 431. */
    @Test
    void tooManyHeaderFields() {
        assertRejected(SMALL, "GET / HTTP/1.1\r\n" + HOST + "A: 1\r\nB: 2\r\nC: 3\r\n\r\n", 431, "more than 3 header fields");
    }

    /** Exactly the limit of fields is accepted. */
    @Test
    void headerCountAtLimitIsAccepted() throws Exception {
        assertAccepted(SMALL, "GET / HTTP/1.1\r\n" + HOST + "A: 1\r\nB: 2\r\n\r\n");
    }

    /** The default field count limit is 100. */
    @Test
    void defaultHeaderCountLimitIs100() throws Exception {
        StringBuilder fields = new StringBuilder(HOST);
        for (int i = 1; i < 100; i++) {
            fields.append("X").append(i).append(": v\r\n");
        }
        assertAccepted(HttpParserOptions.DEFAULTS, "GET / HTTP/1.1\r\n" + fields + "\r\n");
        assertRejected("GET / HTTP/1.1\r\n" + fields + "Y: 1\r\n\r\n", 431, "more than 100");
    }

    /** Too many trailer fields: 431. */
    @Test
    void tooManyTrailerFields() {
        assertRejected(SMALL, CHUNKED.replace(HOST, HOST) + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", 431, "trailer");
    }

    /** A Content-Length over the body limit: 413, before any content arrives. */
    @Test
    void contentLengthOverBodyLimit() {
        assertRejected(SMALL, "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 11\r\n\r\n", 413, "over the limit of 10");
    }

    /** Chunked content over the body limit: 413, when the chunk that crosses it is announced. */
    @Test
    void chunkedContentOverBodyLimit() {
        assertRejected(SMALL, CHUNKED + "6\r\nabcdef\r\n5\r\n", 413, "longer than 10");
    }

    /** A chunk size line over the start-line limit: 400. */
    @Test
    void chunkSizeLineTooLong() {
        assertRejected(SMALL, CHUNKED + "1;" + "e".repeat(40) + "\r\n", 400, "chunk size line is longer than 32");
    }

    // ---- after an error ----

    /** After an error the parser refuses further input, with the error as the cause. */
    @Test
    void failedParserRefusesFurtherInput() {
        HttpRequestParser p = new HttpRequestParser(new Recorder<>());
        assertThatThrownBy(() -> p.feed(bytes("GET / HTTP/9.9\r\n\r\n"))).isInstanceOf(HttpParseException.class);
        assertThatThrownBy(() -> p.feed(bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed earlier")
                .hasCauseInstanceOf(HttpParseException.class);
        assertThatThrownBy(p::feedEof).isInstanceOf(IllegalStateException.class);
    }

    /** A rejected request in a pipeline still lets the requests before it through. */
    @Test
    void requestsBeforeTheBadOneAreReported() {
        Recorder<RequestHead> rec = new Recorder<>();
        HttpRequestParser p = new HttpRequestParser(rec);
        assertThatThrownBy(() -> p.feed(bytes("GET /ok HTTP/1.1\r\n" + HOST + "\r\nGET /bad HTTP/1.1\r\nHost : x\r\n\r\n")))
                .isInstanceOf(HttpParseException.class);
        assertThat(rec.<RequestHead>heads()).extracting(RequestHead::path).containsExactly("/ok");
    }
}
