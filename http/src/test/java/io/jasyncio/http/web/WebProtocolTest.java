package io.jasyncio.http.web;

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
}
