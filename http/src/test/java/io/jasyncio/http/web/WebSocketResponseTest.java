package io.jasyncio.http.web;

import io.jasyncio.http.VirtualTimeLoop;

import static io.jasyncio.http.web.WsWire.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.http.ws.WsCloseCode;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsMsgType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WebSocketResponse over an in-memory connection: the handshake, the takeover, the end, shutdown. */
@Timeout(30)
class WebSocketResponseTest {

    /** Echoes text; records how the loop ended and whether the handler ran to its end. */
    static final class Echo {
        final List<String> events = new ArrayList<>();
        WebSocketResponse ws;

        Application app() {
            Application app = new Application();
            app.router().addGet("/ws", request -> {
                ws = new WebSocketResponse().protocols("chat.v1");
                ws.prepare(request);
                try {
                    for (WsMessage m : ws) {
                        if (m.type() == WsMsgType.TEXT) {
                            ws.sendStr("echo " + m.text());
                        }
                    }
                    events.add("loop ended, code " + ws.closeCode());
                } finally {
                    events.add("handler done");
                }
                return ws;
            });
            return app;
        }
    }

    /** prepare() answers 101 with the accept key and no body framing headers. */
    @Test
    void handshakeAnswers101() throws Exception {
        Echo echo = new Echo();
        VirtualTimeLoop.run(() -> {
            WsWire c = new WsWire(Wire.open(echo.app()));
            c.wire.send(WsWire.upgrade("/ws", ""));
            until(() -> !c.head().isEmpty());
            assertThat(c.head()).isEqualTo("HTTP/1.1 101 Switching Protocols\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + WsWire.ACCEPT + "\r\n\r\n");
        });
    }

    /** A plain GET to a WebSocket route is answered 400 by prepare() and nothing is taken over. */
    @Test
    void plainRequestIs400() throws Exception {
        Echo echo = new Echo();
        String out = Wire.roundTrip(echo.app(), "GET /ws HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Upgrade header must contain 'websocket'");
        assertThat(echo.events).isEmpty(); // prepare threw: the handler never reached its loop
        assertThat(echo.ws.closed()).isFalse();
    }

    /** Another WebSocket version is answered 426 with Sec-WebSocket-Version: 13. */
    @Test
    void otherVersionIs426() throws Exception {
        Echo echo = new Echo();
        String out = Wire.roundTrip(echo.app(), WsWire.upgrade("/ws", "").replace("Version: 13", "Version: 8"));
        assertThat(out).startsWith("HTTP/1.1 426 Upgrade Required\r\n").contains("Sec-WebSocket-Version: 13\r\n");
    }

    /** The subprotocol the handler speaks is chosen among those offered. */
    @Test
    void subprotocolIsChosen() throws Exception {
        Echo echo = new Echo();
        VirtualTimeLoop.run(() -> {
            WsWire c = new WsWire(Wire.open(echo.app()));
            c.wire.send(WsWire.upgrade("/ws", "Sec-WebSocket-Protocol: chat.v2, chat.v1\r\n"));
            until(() -> !c.head().isEmpty());
            assertThat(c.head()).contains("Sec-WebSocket-Protocol: chat.v1\r\n");
            assertThat(echo.ws.protocol()).isEqualTo("chat.v1");
        });
    }

    /** permessage-deflate is accepted when offered (aiohttp's compress=True). */
    @Test
    void deflateIsAccepted() throws Exception {
        Echo echo = new Echo();
        VirtualTimeLoop.run(() -> {
            WsWire c = new WsWire(Wire.open(echo.app()));
            c.wire.send(WsWire.upgrade("/ws", "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"));
            until(() -> !c.head().isEmpty());
            assertThat(c.head()).contains("Sec-WebSocket-Extensions: permessage-deflate");
            assertThat(echo.ws.deflate()).isNotNull();
        });
    }

    /** Frames sent in the same packet as the request head reach the WebSocket; echoes come back. */
    @Test
    void framesRightAfterTheHeadAreRead() throws Exception {
        Echo echo = new Echo();
        VirtualTimeLoop.run(() -> {
            WsWire c = new WsWire(Wire.open(echo.app()));
            byte[] head = WsWire.upgrade("/ws", "").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            c.wire.send(WsWire.concat(head, WsWire.concat(c.text("one"), c.text("two"))));
            until(() -> c.frames().size() == 2);
            assertThat(c.frames()).extracting(WsMessage::text).containsExactly("echo one", "echo two");
        });
    }

    /** The client's close ends the loop with its code; the handler returns and the connection closes. */
    @Test
    void clientCloseEndsTheHandler() throws Exception {
        Echo echo = new Echo();
        VirtualTimeLoop.run(() -> {
            WsWire c = new WsWire(Wire.open(echo.app()));
            c.wire.send(WsWire.upgrade("/ws", ""));
            until(() -> !c.head().isEmpty());
            c.wire.send(c.close(4001));
            c.wire.awaitClosed();
            until(() -> echo.events.size() == 2);
            assertThat(echo.events).containsExactly("loop ended, code 4001", "handler done");
            assertThat(c.frames()).extracting(WsMessage::closeCode).containsExactly(4001);
        });
    }

    /** A client that vanishes shows as the end of the loop (code 1006); the handler is not cancelled. */
    @Test
    void vanishedClientIsNotACancellation() throws Exception {
        Echo echo = new Echo();
        VirtualTimeLoop.run(() -> {
            WsWire c = new WsWire(Wire.open(echo.app()));
            c.wire.send(WsWire.upgrade("/ws", ""));
            until(() -> !c.head().isEmpty());
            c.wire.transport.reset();
            until(() -> echo.events.size() == 2);
            assertThat(echo.events).containsExactly("loop ended, code 1006", "handler done");
        });
    }

    /** A graceful shutdown closes open WebSockets with 1001, and waits for their handlers to return. */
    @Test
    void shutdownClosesWith1001() throws Exception {
        Echo echo = new Echo();
        VirtualTimeLoop.run(() -> {
            WebServer server = new WebServer(echo.app(), Wire.options());
            WsWire c = new WsWire(Wire.open(server));
            c.wire.send(WsWire.upgrade("/ws", ""));
            until(() -> !c.head().isEmpty());
            Task<Void> shutdown = Asyncio.createTask(() -> server.shutdown(5));
            until(() -> !c.frames().isEmpty());
            WsMessage close = c.frames().getFirst();
            assertThat(close.type()).isEqualTo(WsMsgType.CLOSE);
            assertThat(close.closeCode()).isEqualTo(WsCloseCode.GOING_AWAY);
            c.wire.send(c.close(WsCloseCode.GOING_AWAY));
            Asyncio.await(shutdown);
            assertThat(echo.events).containsExactly("loop ended, code 1001", "handler done");
            assertThat(c.wire.closed()).isTrue();
        });
    }

    /** Writing raw body bytes to a WebSocketResponse is refused. */
    @Test
    void rawWritesAreRefused() throws Exception {
        List<Throwable> caught = new ArrayList<>();
        Application app = new Application();
        app.router().addGet("/ws", request -> {
            WebSocketResponse ws = new WebSocketResponse();
            ws.prepare(request);
            try {
                ws.write(new byte[] {1});
            } catch (IllegalStateException e) {
                caught.add(e);
            }
            ws.close();
            return ws;
        });
        VirtualTimeLoop.run(() -> {
            WsWire c = new WsWire(Wire.open(app));
            c.wire.send(WsWire.upgrade("/ws", ""));
            until(() -> !c.frames().isEmpty());
            c.wire.send(c.close(1000));
            c.wire.awaitClosed();
        });
        assertThat(caught).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("sendStr"));
    }
}
