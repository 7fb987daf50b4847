package io.jasyncio.http.web;

import io.jasyncio.http.VirtualTimeLoop;

import io.jasyncio.Asyncio;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Test harness: one in-memory connection to a {@link WebServer}, on the running (virtual-time)
 * loop. The test sends raw request bytes, waits until the server has nothing left to do
 * ({@link #settle()}) or has closed the connection, and compares the exact bytes it wrote. The
 * server's clock is fixed, so {@code Date} headers are always {@link #DATE}.
 */
final class Wire {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final String DATE = "Date: Fri, 02 Jan 2026 03:04:05 GMT\r\n";

    final WebServer server;
    final HttpServerProtocol protocol;
    final MemoryTransport transport;

    private Wire(WebServer server, HttpServerProtocol protocol, MemoryTransport transport) {
        this.server = server;
        this.protocol = protocol;
        this.transport = transport;
    }

    /** @return the options every test server uses unless told otherwise: defaults with the fixed clock */
    static WebServerOptions options() {
        return WebServerOptions.defaults().clock(CLOCK);
    }

    /** Opens a connection to a new server for {@code app}; call inside a task. */
    static Wire open(Application app) {
        return open(new WebServer(app, options()));
    }

    /** Opens a connection to {@code server}; call inside a task of its loop. */
    static Wire open(WebServer server) {
        HttpServerProtocol p = server.newConnection();
        MemoryTransport t = new MemoryTransport(Asyncio.getRunningLoop(), p);
        p.connectionMade(t);
        return new Wire(server, p, t);
    }

    Wire send(String latin1) {
        transport.receive(latin1);
        return this;
    }

    Wire send(byte[] bytes) {
        transport.receive(bytes);
        return this;
    }

    /** Sends each byte in its own read, as the slowest network would. */
    Wire sendBytewise(String latin1) {
        for (byte b : latin1.getBytes(StandardCharsets.ISO_8859_1)) {
            transport.receive(new byte[] {b});
        }
        return this;
    }

    Wire sendEof() {
        transport.receiveEof();
        return this;
    }

    /** Waits until no handler runs and no received byte is left unparsed (or the connection is closing). */
    Wire settle() throws Exception {
        Asyncio.await(protocol.whenQuiescent());
        return this;
    }

    /** Waits until the connection is closed. */
    Wire awaitClosed() throws Exception {
        Asyncio.await(transport.closedFuture());
        return this;
    }

    String output() {
        return transport.output();
    }

    boolean closed() {
        return transport.isClosed() || transport.isClosing();
    }

    /** Sends {@code raw} on a fresh connection to {@code app}, settles, and returns what the server wrote. */
    static String roundTrip(Application app, String raw) throws Exception {
        return VirtualTimeLoop.run(() -> open(app).send(raw).settle().output());
    }

    /** As {@link #roundTrip}, one byte per read. */
    static String roundTripBytewise(Application app, String raw) throws Exception {
        return VirtualTimeLoop.run(() -> open(app).sendBytewise(raw).settle().output());
    }

    /** A 200 text response as the server writes it (as ISO-8859-1 text, like {@link #output()}). */
    static String ok(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 200 OK\r\n" + DATE + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + utf8.length + "\r\n\r\n" + new String(utf8, StandardCharsets.ISO_8859_1);
    }
}
