package io.jasyncio.http.web;

import io.jasyncio.http.VirtualTimeLoop;

import static io.jasyncio.http.web.Wire.DATE;
import static io.jasyncio.http.web.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection state machine, driven with raw bytes (after aiohttp's test_web_protocol.py). */
@Timeout(20)
class WebProtocolTest {

    static Application hello() {
        Application app = new Application();
        app.router().addGet("/", r -> Response.text("Hello, World!"));
        app.router().addGet("/hello/{name}", r -> Response.text("hello, " + r.matchInfo("name")));
        return app;
    }

    /** A GET is answered with status line, Date, type, length and body, byte for byte, and the connection stays open. */
    @Test
    void simpleGetExactBytes() throws Exception {
        String out = VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(hello()).send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            assertThat(w.closed()).isFalse();
            return w.output();
        });
        assertThat(out).isEqualTo(ok("Hello, World!"));
    }

    /** Two pipelined requests in one read are answered in order. */
    @Test
    void pipelinedRequestsAnsweredInOrder() throws Exception {
        String out = Wire.roundTrip(hello(), "GET /hello/a HTTP/1.1\r\nHost: x\r\n\r\nGET /hello/b HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo(ok("hello, a") + ok("hello, b"));
    }

    /** A slow first handler still answers before a fast second one: responses follow request order. */
    @Test
    void slowFirstHandlerKeepsOrder() throws Exception {
        Application app = new Application();
        app.router().addGet("/slow", r -> {
            Asyncio.sleep(5);
            return Response.text("slow");
        });
        app.router().addGet("/fast", r -> Response.text("fast"));
        String out = Wire.roundTrip(app, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo(ok("slow") + ok("fast"));
    }

    /** Feeding the requests one byte per read gives exactly the same bytes as feeding them whole. */
    @Test
    void splitAtEveryByteGivesSameOutput() throws Exception {
        String raw = "GET /hello/a HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n";
        assertThat(Wire.roundTripBytewise(hello(), raw)).isEqualTo(Wire.roundTrip(hello(), raw))
                .isEqualTo(ok("hello, a") + ok("Hello, World!"));
    }

    /** A malformed request line gets 400 with Connection: close, and the connection is closed. */
    @Test
    void malformedRequestLineIs400AndCloses() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(hello()).send("GARBAGE\r\n\r\n").settle().awaitClosed();
            assertThat(w.output()).startsWith("HTTP/1.1 400 Bad Request\r\n" + DATE
                    + "Content-Type: text/plain; charset=utf-8\r\n").contains("\r\nConnection: close\r\n\r\n400: Bad Request\n");
        });
    }

    /** Requests on separate reads of one connection are each answered; the connection stays open. */
    @Test
    void keepAliveServesSeveralRequests() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(hello());
            w.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            w.send("GET /hello/z HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            assertThat(w.output()).isEqualTo(ok("Hello, World!") + ok("hello, z"));
            assertThat(w.closed()).isFalse();
            assertThat(w.server.connectionCount()).isEqualTo(1);
        });
    }

    /** An HTTP/1.0 request without keep-alive is answered and the connection closed, with no Connection header needed. */
    @Test
    void http10ClosesAfterResponse() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(hello()).send("GET / HTTP/1.0\r\n\r\n").settle().awaitClosed();
            assertThat(w.output()).isEqualTo(ok("Hello, World!"));
        });
    }

    /** An HTTP/1.0 request with Connection: keep-alive gets Connection: keep-alive and the connection stays open. */
    @Test
    void http10KeepAliveIsHonoured() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(hello()).send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").settle();
            assertThat(w.output()).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 13\r\nConnection: keep-alive\r\n\r\nHello, World!");
            assertThat(w.closed()).isFalse();
        });
    }

    /** Connection: close from an HTTP/1.1 client is echoed and the connection closed after the response. */
    @Test
    void connectionCloseIsHonoured() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(hello()).send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").settle().awaitClosed();
            assertThat(w.output()).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 13\r\nConnection: close\r\n\r\nHello, World!");
        });
    }

    /** A request after Connection: close on the same read is not answered. */
    @Test
    void bytesAfterConnectionCloseAreIgnored() throws Exception {
        String out = Wire.roundTrip(hello(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /hello/b HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).endsWith("Hello, World!").doesNotContain("hello, b");
    }

    /** HEAD gets the GET route's headers, Content-Length included, and no body. */
    @Test
    void headHasHeadersButNoBody() throws Exception {
        String out = Wire.roundTrip(hello(), "HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /hello/q HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 13\r\n\r\n" + ok("hello, q"));
    }

    /** A streamed response to an HTTP/1.1 client is chunked: each write one chunk, then the last chunk. */
    @Test
    void streamResponseIsChunked() throws Exception {
        Application app = new Application();
        app.router().addGet("/s", r -> {
            StreamResponse resp = new StreamResponse();
            resp.setContentType("text/plain");
            resp.prepare(r);
            resp.write("ab".getBytes());
            resp.write("cde".getBytes());
            resp.writeEof();
            return resp;
        });
        String out = Wire.roundTrip(app, "GET /s HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE
                + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n");
    }

    /** A streamed response to an HTTP/1.0 client has no framing and ends with the connection. */
    @Test
    void streamResponseToHttp10EndsWithClose() throws Exception {
        Application app = new Application();
        app.router().addGet("/s", r -> {
            StreamResponse resp = new StreamResponse();
            resp.prepare(r);
            resp.write("abc".getBytes());
            resp.writeEof();
            return resp;
        });
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app).send("GET /s HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").settle().awaitClosed();
            assertThat(w.output()).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE
                    + "Content-Type: application/octet-stream\r\n\r\nabc");
        });
    }

    /** A streamed response with a content length is framed by it. */
    @Test
    void streamResponseWithLength() throws Exception {
        Application app = new Application();
        app.router().addGet("/s", r -> {
            StreamResponse resp = new StreamResponse().setContentLength(4);
            resp.prepare(r);
            resp.write("ab".getBytes());
            resp.writeEof("cd".getBytes());
            return resp;
        });
        String out = Wire.roundTrip(app, "GET /s HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE
                + "Content-Type: application/octet-stream\r\nContent-Length: 4\r\n\r\nabcd");
    }

    /** A handler that returns a StreamResponse it never prepared gets it prepared and ended by the server. */
    @Test
    void unpreparedStreamResponseIsFinishedByServer() throws Exception {
        Application app = new Application();
        app.router().addGet("/s", r -> new StreamResponse(204));
        String out = Wire.roundTrip(app, "GET /s HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo("HTTP/1.1 204 No Content\r\n" + DATE + "\r\n");
    }

    /** An unknown path is 404 with aiohttp's text. */
    @Test
    void unknownPathIs404() throws Exception {
        String out = Wire.roundTrip(hello(), "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo("HTTP/1.1 404 Not Found\r\n" + DATE
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 14\r\n\r\n404: Not Found");
    }

    /** A known path with another method is 405 with Allow, and the connection stays usable. */
    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        String out = Wire.roundTrip(hello(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo("HTTP/1.1 405 Method Not Allowed\r\n" + DATE
                + "Content-Type: text/plain; charset=utf-8\r\nAllow: GET,HEAD\r\nContent-Length: 23\r\n\r\n405: Method Not Allowed"
                + ok("Hello, World!"));
    }

    /** A handler that throws gets a 500 that reveals nothing, and the connection goes on serving. */
    @Test
    void handlerExceptionIs500WithoutDetail() throws Exception {
        Application app = hello();
        app.router().addGet("/boom", r -> {
            throw new IllegalStateException("secret database password");
        });
        String out = Wire.roundTrip(app, "GET /boom HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo("HTTP/1.1 500 Internal Server Error\r\n" + DATE
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 26\r\n\r\n500: Internal Server Error"
                + ok("Hello, World!"));
        assertThat(out).doesNotContain("secret").doesNotContain("Exception").doesNotContain("at io.");
    }

    /** A thrown HttpException is answered with its status, headers and text. */
    @Test
    void thrownHttpExceptionIsItsResponse() throws Exception {
        Application app = new Application();
        app.router().addGet("/old", r -> {
            throw new HTTPFound("/new");
        });
        String out = Wire.roundTrip(app, "GET /old HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo("HTTP/1.1 302 Found\r\n" + DATE
                + "Content-Type: text/plain; charset=utf-8\r\nLocation: /new\r\nContent-Length: 10\r\n\r\n302: Found");
    }

    /** A handler that returns null is a server error, answered with 500. */
    @Test
    void nullResponseIs500() throws Exception {
        Application app = new Application();
        app.router().addGet("/", r -> null);
        assertThat(Wire.roundTrip(app, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 500 ");
    }

    /** A header value with CR LF set by a handler cannot split the response: 500, nothing of it written. */
    @Test
    void headerInjectionIsRefused() throws Exception {
        Application app = new Application();
        app.router().addGet("/", r -> Response.text("x").setHeader("X-Evil", "a\r\nSet-Cookie: pwned=1"));
        String out = Wire.roundTrip(app, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).startsWith("HTTP/1.1 500 ").doesNotContain("pwned");
    }

    /** A failure after the head went out cannot become a 500: the connection closes with the body cut short. */
    @Test
    void failureAfterPrepareClosesConnection() throws Exception {
        Application app = new Application();
        app.router().addGet("/s", r -> {
            StreamResponse resp = new StreamResponse();
            resp.prepare(r);
            resp.write("partial".getBytes());
            throw new IllegalStateException("boom");
        });
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app).send("GET /s HTTP/1.1\r\nHost: x\r\n\r\n").settle().awaitClosed();
            assertThat(w.output()).endsWith("7\r\npartial\r\n").doesNotContain("500");
        });
    }

    /** Writing more than the announced Content-Length fails the handler and closes the connection. */
    @Test
    void writingPastContentLengthCloses() throws Exception {
        Application app = new Application();
        app.router().addGet("/s", r -> {
            StreamResponse resp = new StreamResponse().setContentLength(2);
            resp.prepare(r);
            resp.write("abc".getBytes());
            return resp;
        });
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app).send("GET /s HTTP/1.1\r\nHost: x\r\n\r\n").settle().awaitClosed();
            assertThat(w.output()).endsWith("Content-Length: 2\r\n\r\n");
        });
    }

    /** Ending a body short of its Content-Length closes the connection (the client would wait forever). */
    @Test
    void shortBodyCloses() throws Exception {
        Application app = new Application();
        app.router().addGet("/s", r -> {
            StreamResponse resp = new StreamResponse().setContentLength(5);
            resp.prepare(r);
            resp.write("ab".getBytes());
            resp.writeEof();
            return resp;
        });
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app).send("GET /s HTTP/1.1\r\nHost: x\r\n\r\nGET /s HTTP/1.1\r\nHost: x\r\n\r\n")
                    .settle().awaitClosed();
            assertThat(w.output()).endsWith("\r\n\r\nab");
        });
    }

    /** A request for a protocol switch that the server does not make is answered normally, and the next request parsed. */
    @Test
    void declinedUpgradeKeepsParsing() throws Exception {
        String out = Wire.roundTrip(hello(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
                + "GET /hello/u HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo(ok("Hello, World!") + ok("hello, u"));
    }

    /** An absolute-form target is routed by its path. */
    @Test
    void absoluteFormTargetIsRoutedByPath() throws Exception {
        assertThat(Wire.roundTrip(hello(), "GET http://example.com/hello/abs?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n"))
                .isEqualTo(ok("hello, abs"));
    }

    /** Empty lines before a request are ignored, as RFC 9112 allows. */
    @Test
    void leadingEmptyLinesAreIgnored() throws Exception {
        assertThat(Wire.roundTrip(hello(), "\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(ok("Hello, World!"));
    }

    /** Requests that end with the client's half-close are all answered, then the connection is closed. */
    @Test
    void eofAfterPipelinedRequestsAnswersThenCloses() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(hello()).send("GET /hello/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /hello/2 HTTP/1.1\r\nHost: x\r\n\r\n")
                    .sendEof().settle().awaitClosed();
            assertThat(w.output()).isEqualTo(ok("hello, 1") + "HTTP/1.1 200 OK\r\n" + DATE
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 8\r\nConnection: close\r\n\r\nhello, 2");
        });
    }
}
