package io.jasyncio.http.web;

import io.jasyncio.http.VirtualTimeLoop;

import static io.jasyncio.http.web.Wire.DATE;
import static io.jasyncio.http.web.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Header-read, keep-alive and linger timeouts, on virtual time (nothing here sleeps for real). */
@Timeout(20)
class WebProtocolTimeoutsTest {

    static Application app() {
        Application app = new Application();
        app.router().addGet("/", r -> Response.text("ok"));
        app.router().addPost("/ignore", r -> Response.text("ignored"));
        app.router().addGet("/slow", r -> {
            Asyncio.sleep(100);
            return Response.text("slow");
        });
        return app;
    }

    /** A head that trickles in slower than the header timeout gets 408 and a closed connection, 15 s after its first byte. */
    @Test
    void slowHeadGets408() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app());
            double start = Asyncio.getRunningLoop().time();
            w.send("GET / HTTP/1.1\r\nHo");
            Asyncio.sleep(10);
            w.send("st: x\r\n");
            w.awaitClosed();
            assertThat(Asyncio.getRunningLoop().time() - start).isEqualTo(15.0);
            assertThat(w.output()).isEqualTo("HTTP/1.1 408 Request Timeout\r\n" + DATE
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 60\r\nConnection: close\r\n\r\n"
                    + "408: Request Timeout\nthe request head did not arrive in time");
        });
    }

    /** An idle keep-alive connection is closed quietly after the keep-alive timeout. */
    @Test
    void idleConnectionClosesAfterKeepaliveTimeout() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app()).send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            double answered = Asyncio.getRunningLoop().time();
            w.awaitClosed();
            assertThat(Asyncio.getRunningLoop().time() - answered).isEqualTo(75.0);
            assertThat(w.output()).isEqualTo(ok("ok"));
        });
    }

    /** A connection that never sends anything is closed after the keep-alive timeout. */
    @Test
    void silentConnectionCloses() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app());
            w.awaitClosed();
            assertThat(Asyncio.getRunningLoop().time()).isEqualTo(75.0);
            assertThat(w.output()).isEmpty();
        });
    }

    /** Activity restarts the keep-alive clock: a request at 50 s keeps the connection until 125 s. */
    @Test
    void requestRestartsKeepaliveClock() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app()).send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            Asyncio.sleep(50);
            w.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            Asyncio.sleep(74);
            assertThat(w.closed()).isFalse();
            w.awaitClosed();
            assertThat(Asyncio.getRunningLoop().time()).isEqualTo(125.0);
        });
    }

    /** A handler that takes longer than the keep-alive timeout is not cut off by it. */
    @Test
    void slowHandlerOutlivesKeepaliveTimeout() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app()).send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            assertThat(w.output()).isEqualTo(ok("slow"));
            assertThat(w.closed()).isFalse();
        });
    }

    /** Unread content that stops arriving is waited for only the linger timeout, then the connection closes. */
    @Test
    void stalledUnreadBodyClosesAfterLinger() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app()).send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc").settle();
            double answered = Asyncio.getRunningLoop().time();
            assertThat(w.output()).isEqualTo(ok("ignored"));
            w.awaitClosed();
            assertThat(Asyncio.getRunningLoop().time() - answered).isEqualTo(10.0);
        });
    }

    /** A header timeout of 0 turns the check off: a partial head is kept (until the client goes). */
    @Test
    void zeroHeaderTimeoutDisablesIt() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(new WebServer(app(), Wire.options().headerReadTimeout(0))).send("GET / HTTP/1.1\r\n").settle();
            Asyncio.sleep(1000);
            assertThat(w.closed()).isFalse();
            w.send("Host: x\r\n\r\n").settle();
            assertThat(w.output()).isEqualTo(ok("ok"));
        });
    }

    /** A keep-alive timeout of 0 keeps idle connections open. */
    @Test
    void zeroKeepaliveTimeoutKeepsIdleConnections() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(new WebServer(app(), Wire.options().keepaliveTimeout(0)));
            Asyncio.sleep(10_000);
            assertThat(w.closed()).isFalse();
        });
    }
}
