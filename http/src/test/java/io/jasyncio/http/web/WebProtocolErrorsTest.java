package io.jasyncio.http.web;

import io.jasyncio.http.VirtualTimeLoop;

import static io.jasyncio.http.web.Wire.DATE;
import static io.jasyncio.http.web.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.http.codec.HttpParserOptions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: a clear 4xx/5xx with Connection: close, the connection closed, the server unaffected. */
@Timeout(20)
class WebProtocolErrorsTest {

    static Stream<Arguments> badRequests() {
        String big = "X-Big: " + "a".repeat(9000) + "\r\n";
        return Stream.of(
                Arguments.of("malformed request line", "NONSENSE\r\n\r\n", 400),
                Arguments.of("space in method", "G T / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("NUL in target", "GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("unsupported version", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
                Arguments.of("missing Host in 1.1", "GET / HTTP/1.1\r\n\r\n", 400),
                Arguments.of("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                Arguments.of("invalid header name", "GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n", 400),
                Arguments.of("space before colon", "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n", 400),
                Arguments.of("obsolete line folding", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", 400),
                Arguments.of("control character in value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n", 400),
                Arguments.of("Content-Length and Transfer-Encoding",
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("differing Content-Lengths",
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
                Arguments.of("negative Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
                Arguments.of("chunked applied twice",
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("final coding not chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
                Arguments.of("unknown transfer coding",
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
                Arguments.of("Transfer-Encoding in HTTP/1.0",
                        "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("header section too large", "GET / HTTP/1.1\r\nHost: x\r\n" + big + "\r\n", 431),
                Arguments.of("request line too long", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414));
    }

    /** @return the length of the one response at the start of {@code out}, by its Content-Length */
    static int singleResponseLength(String out) {
        int end = out.indexOf("\r\n\r\n") + 4;
        int cl = out.indexOf("Content-Length: ");
        int length = Integer.parseInt(out.substring(cl + 16, out.indexOf("\r\n", cl)));
        return end + length;
    }

    static Application app() {
        Application app = new Application();
        app.router().addGet("/", r -> Response.text("ok"));
        app.router().addPost("/", r -> Response.text("ok"));
        return app;
    }

    /** Each malformed or smuggling-prone request gets its status, Connection: close, and a closed connection. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestIsAnsweredAndClosed(String what, String raw, int status) throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app()).send(raw).settle().awaitClosed();
            assertThat(w.output()).startsWith("HTTP/1.1 " + status + " ")
                    .contains("\r\nConnection: close\r\n\r\n" + status + ": ");
            assertThat(w.output()).hasSize(singleResponseLength(w.output()));
        });
    }

    /** Each malformed request fed one byte per read gets exactly the same answer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestSplitAtEveryByte(String what, String raw, int status) throws Exception {
        assertThat(Wire.roundTripBytewise(app(), raw)).isEqualTo(Wire.roundTrip(app(), raw));
    }

    /** A good request before a malformed one is answered first; the malformed one then closes the connection. */
    @Test
    void goodThenBadPipelined() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app()).send("GET / HTTP/1.1\r\nHost: x\r\n\r\nBAD\r\n\r\n").settle().awaitClosed();
            assertThat(w.output()).startsWith(ok("ok") + "HTTP/1.1 400 Bad Request\r\n");
        });
    }

    /** After one connection sent garbage, another connection to the same server is served normally. */
    @Test
    void serverKeepsServingOtherConnections() throws Exception {
        VirtualTimeLoop.run(() -> {
            WebServer server = new WebServer(app(), Wire.options());
            Wire bad = Wire.open(server).send("\u0000\u0001\u0002garbage\r\n\r\n").settle().awaitClosed();
            Wire good = Wire.open(server).send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            assertThat(bad.output()).startsWith("HTTP/1.1 400 ");
            assertThat(good.output()).isEqualTo(ok("ok"));
            assertThat(server.connectionCount()).isEqualTo(1);
        });
    }

    /** The header limits come from the options' parser limits: a smaller limit gives 431 sooner. */
    @Test
    void parserLimitsAreConfigurable() throws Exception {
        WebServerOptions opts = Wire.options().parserOptions(HttpParserOptions.DEFAULTS.withMaxHeaderCount(2));
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(new WebServer(app(), opts)).send("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\n\r\n")
                    .settle().awaitClosed();
            assertThat(w.output()).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n" + DATE);
        });
    }

    /** A bad chunk size in a body the handler reads reaches it as an error; the answer is 400 and the connection closes. */
    @Test
    void badChunkInReadBodyIs400() throws Exception {
        Application app = new Application();
        app.router().addPost("/echo", r -> Response.text(r.text()));
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app).send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                    .settle().awaitClosed();
            assertThat(w.output()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close\r\n");
        });
    }

    /** A bad chunk in a body the handler ignored: its response stands and the connection closes after it. */
    @Test
    void badChunkInIgnoredBodyClosesAfterResponse() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app()).send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .settle().send("5\r\nab").settle().send("zzz\r\n").settle().awaitClosed();
            assertThat(w.output()).isEqualTo(ok("ok"));
        });
    }

    /** An Expect other than 100-continue is 417. */
    @Test
    void unknownExpectationIs417() throws Exception {
        String out = Wire.roundTrip(app(), "GET / HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\n\r\n");
        assertThat(out).startsWith("HTTP/1.1 417 Expectation Failed\r\n");
    }

    /** The error text never echoes raw control bytes of the request. */
    @Test
    void errorTextIsSanitized() throws Exception {
        String out = Wire.roundTrip(app(), "GET /\u0007\u001b[31m HTTP/1.1\r\n\r\n");
        String body = out.substring(out.indexOf("\r\n\r\n") + 4);
        assertThat(body).doesNotContain("\u001b").doesNotContain("\u0007");
    }
}
