package io.jasyncio.http.web;

import io.jasyncio.http.VirtualTimeLoop;

import static io.jasyncio.http.web.Wire.DATE;
import static io.jasyncio.http.web.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Disconnects, write back-pressure, pipelining limits, graceful shutdown and the access log. */
@Timeout(20)
class WebProtocolLifecycleTest {

    /** A client that disconnects mid-request cancels the handler's task, whose finally block runs. */
    @Test
    void disconnectCancelsHandler() throws Exception {
        List<String> events = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Future<Void> started = Asyncio.getRunningLoop().createFuture();
            Future<Void> cleaned = Asyncio.getRunningLoop().createFuture();
            Application app = new Application();
            app.router().addGet("/long", r -> {
                started.setResult(null);
                try {
                    Asyncio.sleep(3600);
                    events.add("finished");
                } catch (CancelledError e) {
                    events.add("cancelled");
                    throw e;
                } finally {
                    events.add("cleanup");
                    cleaned.setResult(null);
                }
                return Response.text("never");
            });
            Wire w = Wire.open(app).send("GET /long HTTP/1.1\r\nHost: x\r\n\r\n");
            Asyncio.await(started);
            w.transport.reset();
            Asyncio.await(cleaned);
            assertThat(w.server.requestsInFlight()).isZero();
            assertThat(w.server.connectionCount()).isZero();
        });
        assertThat(events).containsExactly("cancelled", "cleanup");
    }

    /** With handler cancellation off, the handler runs on and its writes fail with an IOException. */
    @Test
    void withoutCancellationWritesFail() throws Exception {
        List<String> events = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Future<Void> started = Asyncio.getRunningLoop().createFuture();
            Future<Void> done = Asyncio.getRunningLoop().createFuture();
            Application app = new Application();
            app.router().addGet("/s", r -> {
                StreamResponse resp = new StreamResponse();
                resp.prepare(r);
                started.setResult(null);
                Asyncio.sleep(5);
                try {
                    resp.write("late".getBytes());
                    events.add("written");
                } catch (IOException e) {
                    events.add("write failed");
                } finally {
                    done.setResult(null);
                }
                return resp;
            });
            Wire w = Wire.open(new WebServer(app, Wire.options().handlerCancellation(false)))
                    .send("GET /s HTTP/1.1\r\nHost: x\r\n\r\n");
            Asyncio.await(started);
            w.transport.reset();
            Asyncio.await(done);
        });
        assertThat(events).containsExactly("write failed");
    }

    /** A handler writing to a slow client suspends in write until the transport drains. */
    @Test
    void writeSuspendsUnderBackPressure() throws Exception {
        List<String> events = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Application app = new Application();
            app.router().addGet("/s", r -> {
                StreamResponse resp = new StreamResponse();
                resp.prepare(r);
                resp.write("one".getBytes());
                events.add("one returned");
                resp.write("two".getBytes());
                resp.writeEof();
                return resp;
            });
            Wire w = Wire.open(app);
            w.transport.blockWrites();
            w.send("GET /s HTTP/1.1\r\nHost: x\r\n\r\n");
            Asyncio.sleep(10);
            assertThat(w.output()).endsWith("3\r\none\r\n");
            assertThat(events).isEmpty();
            w.transport.unblockWrites();
            w.settle();
            assertThat(events).containsExactly("one returned");
            assertThat(w.output()).endsWith("3\r\none\r\n3\r\ntwo\r\n0\r\n\r\n");
        });
    }

    /** Pipelined bytes beyond 64 KiB pause reading while a request is handled; all are answered in order afterwards. */
    @Test
    void pipelinedFloodPausesReading() throws Exception {
        Application app = new Application();
        app.router().addGet("/slow", r -> {
            Asyncio.sleep(1);
            return Response.text("s");
        });
        app.router().addGet("/", r -> Response.text("f"));
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app).send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            String fast = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
            int n = 70_000 / fast.length() + 1;
            w.send(fast.repeat(n));
            assertThat(w.transport.isReadingPaused()).isTrue();
            w.settle();
            assertThat(w.output()).isEqualTo(ok("s") + ok("f").repeat(n));
            assertThat(w.transport.isReadingPaused()).isFalse();
        });
    }

    /** Graceful shutdown closes idle connections at once, lets the request in flight finish with Connection: close, and refuses new ones. */
    @Test
    void gracefulShutdownFinishesInFlight() throws Exception {
        VirtualTimeLoop.run(() -> {
            Application app = new Application();
            app.router().addGet("/", r -> Response.text("ok"));
            app.router().addGet("/slow", r -> {
                Asyncio.sleep(3);
                return Response.text("done");
            });
            WebServer server = new WebServer(app, Wire.options());
            Wire idle = Wire.open(server).send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            Wire busy = Wire.open(server).send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            Asyncio.sleep(1);
            double t0 = Asyncio.getRunningLoop().time();
            server.shutdown(10);
            assertThat(Asyncio.getRunningLoop().time() - t0).isEqualTo(2.0);
            busy.awaitClosed();
            idle.awaitClosed();
            assertThat(idle.output()).isEqualTo(ok("ok"));
            assertThat(busy.output()).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 4\r\nConnection: close\r\n\r\ndone");
            Wire late = Wire.open(server);
            late.awaitClosed();
            assertThat(late.output()).isEmpty();
        });
    }

    /** Handlers still running when the shutdown timeout expires are cancelled and their connections aborted. */
    @Test
    void shutdownTimeoutCancelsHandlers() throws Exception {
        List<String> events = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Application app = new Application();
            app.router().addGet("/forever", r -> {
                try {
                    Asyncio.sleep(1e6);
                    return Response.text("never");
                } finally {
                    events.add("cleanup");
                }
            });
            WebServer server = new WebServer(app, Wire.options());
            Wire w = Wire.open(server).send("GET /forever HTTP/1.1\r\nHost: x\r\n\r\n");
            Asyncio.sleep(1);
            server.shutdown(5);
            w.awaitClosed();
            assertThat(w.transport.wasAborted()).isTrue();
            assertThat(w.output()).isEmpty();
            assertThat(server.requestsInFlight()).isZero();
        });
        assertThat(events).containsExactly("cleanup");
    }

    /** The access logger gets one line per response, in the configured format. */
    @Test
    void accessLogLine() throws Exception {
        List<String> lines = new ArrayList<>();
        Application app = new Application();
        app.router().addGet("/a", r -> Response.text("hello"));
        AccessLogger logger = AccessLogFormat.parse(AccessLogFormat.DEFAULT).toLogger(lines::add, Wire.CLOCK);
        VirtualTimeLoop.run(() -> {
            Wire.open(new WebServer(app, Wire.options().accessLogger(logger)))
                    .send("GET /a?x=1 HTTP/1.1\r\nHost: x\r\nUser-Agent: curl/8\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\n\r\n").settle();
        });
        assertThat(lines).containsExactly(
                "127.0.0.1 [02/Jan/2026:03:04:05 +0000] \"GET /a?x=1 HTTP/1.1\" 200 5 \"-\" \"curl/8\"",
                "127.0.0.1 [02/Jan/2026:03:04:05 +0000] \"GET /missing HTTP/1.1\" 404 14 \"-\" \"-\"");
    }
}
