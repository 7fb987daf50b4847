package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.http.ws.WsCloseCode;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsMsgType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** session.wsConnect against an in-memory WebSocket server made with the codec, on virtual time. */
@Timeout(30)
class ClientWebSocketTest {

    /** Text and binary messages echo through a ws:// URL; the upgrade request carries the handshake headers. */
    @Test
    void echoOverWsUrl() throws Exception {
        FakeWsServer server = new FakeWsServer(List.of(), null);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.dialer().session();
                 ClientWebSocket ws = s.wsConnect("ws://example.com/chat?room=1")) {
                assertThat(ws.response().status()).isEqualTo(101);
                ws.sendStr("hi");
                ws.sendBytes(new byte[] {1, 2});
                assertThat(ws.receiveStr()).isEqualTo("hi");
                assertThat(ws.receiveBytes()).containsExactly(1, 2);
            }
        });
        ServerSide.Req req = server.requests.getFirst();
        assertThat(req.head().method()).isEqualTo("GET");
        assertThat(req.head().target()).isEqualTo("/chat?room=1");
        assertThat(req.header("Host")).isEqualTo("example.com");
        assertThat(req.header("Upgrade")).isEqualTo("websocket");
        assertThat(req.header("Connection")).isEqualTo("Upgrade");
        assertThat(req.header("Sec-WebSocket-Version")).isEqualTo("13");
        assertThat(req.header("Sec-WebSocket-Key")).hasSize(24);
        assertThat(req.header("Sec-WebSocket-Extensions")).isNull();
        assertThat(server.closedByClient).isTrue();
    }

    /** The connection leaves the pool with the 101: it holds its slot while open and is closed, not pooled, after. */
    @Test
    void connectionNeverReturnsToThePool() throws Exception {
        FakeWsServer ws = new FakeWsServer(List.of(), null);
        FakeServer dialer = ws.dialer();
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = dialer.session()) {
                ClientWebSocket socket = s.wsConnect("ws://h/");
                assertThat(s.connector().inUse()).isEqualTo(1);
                assertThat(s.connector().idleCount()).isZero();
                socket.close();
                assertThat(socket.closeCode()).isEqualTo(1000);
                Asyncio.sleep(0);
                assertThat(s.connector().inUse()).isZero();
                assertThat(s.connector().idleCount()).isZero();
                assertThat(dialer.connections.getFirst().client.closed).isTrue();
            }
        });
    }

    /** Frames that arrive in the same read as the 101 head are the first messages. */
    @Test
    void bytesAfterTheHeadAreNotLost() throws Exception {
        FakeWsServer server = new FakeWsServer(List.of(), "welcome");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.dialer().session(); ClientWebSocket ws = s.wsConnect("ws://h/")) {
                assertThat(ws.receiveStr()).isEqualTo("welcome");
            }
        });
    }

    /** A status other than 101 is a WsServerHandshakeError naming the status and URL; the slot is given back. */
    @Test
    void non101IsAHandshakeError() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno!");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                assertThatThrownBy(() -> s.wsConnect("ws://h/nowhere"))
                        .isInstanceOf(WsServerHandshakeError.class)
                        .hasMessageContaining("404")
                        .hasMessageContaining("Invalid response status")
                        .hasMessageContaining("http://h/nowhere")
                        .satisfies(e -> assertThat(((WsServerHandshakeError) e).status()).isEqualTo(404));
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** A 101 with a wrong Sec-WebSocket-Accept is refused and its connection closed. */
    @Test
    void wrongAcceptKeyIsRefused() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                assertThatThrownBy(() -> s.wsConnect("ws://h/"))
                        .isInstanceOf(WsServerHandshakeError.class)
                        .hasMessageContaining("Sec-WebSocket-Accept");
                assertThat(s.connector().inUse()).isZero();
                assertThat(s.connector().idleCount()).isZero();
                assertThat(server.connections.getFirst().client.closed).isTrue();
            }
        });
    }

    /** Offered subprotocols go out in order of preference and the server's choice is reported. */
    @Test
    void subprotocolIsNegotiated() throws Exception {
        FakeWsServer server = new FakeWsServer(List.of("chat.v1"), null);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.dialer().session();
                 ClientWebSocket ws = s.wsConnect("ws://h/", new WsConnectOptions().protocols("chat.v2", "chat.v1"))) {
                assertThat(ws.protocol()).isEqualTo("chat.v1");
            }
        });
        assertThat(server.requests.getFirst().header("Sec-WebSocket-Protocol")).isEqualTo("chat.v2, chat.v1");
    }

    /** compress(true) offers permessage-deflate; once agreed, messages still echo intact. */
    @Test
    void compressionIsNegotiated() throws Exception {
        FakeWsServer server = new FakeWsServer(List.of(), null);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.dialer().session();
                 ClientWebSocket ws = s.wsConnect("ws://h/", new WsConnectOptions().compress(true))) {
                assertThat(ws.deflate()).isNotNull();
                String big = "abc".repeat(10_000);
                ws.sendStr(big);
                assertThat(ws.receiveStr()).isEqualTo(big);
            }
        });
        assertThat(server.requests.getFirst().header("Sec-WebSocket-Extensions")).contains("permessage-deflate");
    }

    /** Extra headers and the origin are sent, but cannot replace the handshake's own. */
    @Test
    void extraHeadersCannotBreakTheHandshake() throws Exception {
        FakeWsServer server = new FakeWsServer(List.of(), null);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.dialer().session();
                 ClientWebSocket ws = s.wsConnect("ws://h/", new WsConnectOptions()
                         .header("X-Token", "t1").header("Sec-WebSocket-Version", "8").origin("http://app"))) {
                ws.sendStr("ok");
                assertThat(ws.receiveStr()).isEqualTo("ok");
            }
        });
        ServerSide.Req req = server.requests.getFirst();
        assertThat(req.header("X-Token")).isEqualTo("t1");
        assertThat(req.header("Origin")).isEqualTo("http://app");
        assertThat(req.head().headers().getAll("Sec-WebSocket-Version")).containsExactly("13");
    }

    /** The server closing first: iteration ends, and the client reports the server's code. */
    @Test
    void serverInitiatedClose() throws Exception {
        FakeWsServer server = new FakeWsServer(List.of(), null);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.dialer().session(); ClientWebSocket ws = s.wsConnect("ws://h/")) {
                ws.sendStr("close-me");
                List<String> got = new ArrayList<>();
                for (WsMessage m : ws) {
                    got.add(m.text());
                }
                assertThat(got).containsExactly("close-me");
                assertThat(ws.closeCode()).isEqualTo(4000);
                assertThat(ws.closed()).isTrue();
            }
        });
    }

    /** Closing the session ends an open WebSocket: a pending receive gets CLOSED and the code is 1006. */
    @Test
    void sessionCloseEndsTheWebSocket() throws Exception {
        FakeWsServer server = new FakeWsServer(List.of(), null);
        VirtualTimeLoop.run(() -> {
            ClientSession s = server.dialer().session();
            ClientWebSocket ws = s.wsConnect("ws://h/");
            Task<WsMessage> receiver = Asyncio.createTask(() -> ws.receive());
            Asyncio.sleep(0);
            s.close();
            WsMessage m = Asyncio.await(receiver);
            assertThat(m.type()).isIn(WsMsgType.CLOSED, WsMsgType.ERROR);
            assertThat(ws.closeCode()).isEqualTo(WsCloseCode.ABNORMAL_CLOSURE);
        });
    }
}
