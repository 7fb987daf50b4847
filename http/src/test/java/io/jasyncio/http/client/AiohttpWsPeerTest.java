package io.jasyncio.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.TimeoutError;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsMsgType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our WebSocket client against aiohttp's WebSocketResponse (Debian's python3 with aiohttp 3.8) on loopback. */
@Timeout(60)
class AiohttpWsPeerTest {

    private static Process server;
    private static String base;

    @BeforeAll
    static void startServer() throws Exception {
        Assumptions.assumeTrue(PythonPeer.hasAiohttp(),
                "assumption: /usr/bin/python3 with aiohttp is installed (scripts/install-test-peers.sh); skipping");
        Path script = Files.createTempFile("aiohttp_ws_server", ".py");
        try (InputStream in = AiohttpWsPeerTest.class.getResourceAsStream("aiohttp_ws_server.py")) {
            Files.write(script, in.readAllBytes());
        }
        server = new ProcessBuilder("/usr/bin/python3", script.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            throw new IllegalStateException("the aiohttp WebSocket server did not start: " + line);
        }
        base = "ws://127.0.0.1:" + line.substring(5).strip();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Text and binary messages echo; the session's connection is a real TCP socket. */
    @Test
    void echo() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession(); ClientWebSocket ws = s.wsConnect(base + "/echo")) {
                ws.sendStr("héllo");
                assertThat(ws.receiveStr()).isEqualTo("héllo");
                byte[] big = new byte[200_000];
                for (int i = 0; i < big.length; i++) {
                    big[i] = (byte) (i * 31);
                }
                ws.sendBytes(big);
                assertThat(ws.receiveBytes()).isEqualTo(big);
            }
        });
    }

    /** aiohttp picks the subprotocol we offer that it speaks. */
    @Test
    void subprotocol() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession();
                 ClientWebSocket ws = s.wsConnect(base + "/echo", new WsConnectOptions().protocols("chat.v2", "chat.v1"))) {
                assertThat(ws.protocol()).isEqualTo("chat.v1");
                ws.sendStr("protocol");
                assertThat(ws.receiveStr()).isEqualTo("chat.v1");
            }
        });
    }

    /** permessage-deflate agreed with aiohttp: both directions compressed, large messages intact. */
    @Test
    void compression() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession();
                 ClientWebSocket ws = s.wsConnect(base + "/echo", new WsConnectOptions().compress(true))) {
                assertThat(ws.deflate()).isNotNull();
                ws.sendStr("compress");
                assertThat(ws.receiveStr()).isEqualTo("15");
                String text = "the same words again and again, ".repeat(20_000);
                for (int i = 0; i < 3; i++) {
                    ws.sendStr(text + i);
                    assertThat(ws.receiveStr()).isEqualTo(text + i);
                }
            }
        });
    }

    /** aiohttp closing with 4001: our iteration ends and reports its code. */
    @Test
    void serverCloseCode() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession(); ClientWebSocket ws = s.wsConnect(base + "/echo")) {
                ws.sendStr("one");
                ws.sendStr("close 4001");
                List<String> got = new ArrayList<>();
                for (WsMessage m : ws) {
                    got.add(m.text());
                }
                assertThat(got).containsExactly("one");
                assertThat(ws.closeCode()).isEqualTo(4001);
            }
        });
    }

    /** Our close code reaches aiohttp, which answers the closing handshake with 1000 (its own code, which we report). */
    @Test
    void clientCloseCode() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession()) {
                ClientWebSocket ws = s.wsConnect(base + "/echo?id=c1");
                assertThat(ws.close(4002, "done")).isTrue();
                assertThat(ws.closeCode()).isEqualTo(1000);
                assertThat(ws.exception()).isNull();
                try (ClientResponse r = s.get(base.replace("ws:", "http:") + "/closed?id=c1")) {
                    assertThat(r.text()).isEqualTo("4002");
                }
            }
        });
    }

    /** aiohttp's ping is answered by our autoping; our ping reaches aiohttp with its data. */
    @Test
    void pingPong() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession(); ClientWebSocket ws = s.wsConnect(base + "/pingpong")) {
                assertThat(ws.receiveStr()).isEqualTo("got pong srv");
                ws.ping("cli".getBytes(StandardCharsets.UTF_8));
                assertThat(ws.receiveStr()).isEqualTo("got ping cli");
            }
        });
    }

    /** A server that stops answering: our heartbeat ends the pending receive with an ERROR and code 1006. */
    @Test
    void heartbeatDetectsSilentServer() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession();
                 ClientWebSocket ws = s.wsConnect(base + "/silent", new WsConnectOptions().heartbeat(0.2))) {
                WsMessage m = ws.receive();
                assertThat(m.type()).isEqualTo(WsMsgType.ERROR);
                assertThat(m.error()).isInstanceOf(TimeoutError.class);
                assertThat(ws.closeCode()).isEqualTo(1006);
                assertThat(ws.receive()).isEqualTo(WsMessage.CLOSED);
            }
        });
    }
}
