package io.jasyncio.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.ClientWebSocket;
import io.jasyncio.http.client.WsConnectOptions;
import io.jasyncio.http.ws.WsCloseCode;
import io.jasyncio.http.ws.WsFrameWriter;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsMsgType;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WebSocketResponse on real sockets (127.0.0.1): our client, hand-made bad frames, and aiohttp's
 * client (Debian's python3 with aiohttp 3.8) against an echo application.
 */
@Timeout(60)
class WebSocketLiveTest {

    private static final Map<String, Integer> CLOSE_CODES = new ConcurrentHashMap<>();
    /** Completed by the server's handler (on the server's thread) once it has recorded a close code. */
    private static final Map<String, java.util.concurrent.CompletableFuture<Integer>> CLOSED = new ConcurrentHashMap<>();
    private static LiveServer server;

    /** The echo application: text and binary back; "close N" closes with N; /closed?id= tells a close code. */
    static Application app() {
        Application app = new Application();
        app.router().addGet("/echo", request -> {
            WebSocketResponse ws = new WebSocketResponse().protocols("chat.v1").maxMsgSize(1 << 20);
            ws.prepare(request);
            for (WsMessage m : ws) {
                if (m.type() == WsMsgType.TEXT && m.text().startsWith("close ")) {
                    ws.close(Integer.parseInt(m.text().substring(6)), "bye");
                } else if (m.type() == WsMsgType.TEXT) {
                    ws.sendStr(m.text());
                } else if (m.type() == WsMsgType.BINARY) {
                    ws.sendBytes(m.data());
                }
            }
            request.query().get("id").ifPresent(id -> {
                CLOSE_CODES.put(id, ws.closeCode());
                closed(id).complete(ws.closeCode());
            });
            return ws;
        });
        app.router().addGet("/closed", request ->
                Response.text(String.valueOf(CLOSE_CODES.get(request.query().get("id").orElse("")))));
        return app;
    }

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.start(app());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String ws(String path) {
        return "ws://127.0.0.1:" + server.port() + path;
    }

    /** Our client and our server: text, binary, compressed, and the close code both ways. */
    @Test
    void ourClientEchoes() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession()) {
                ClientWebSocket c = s.wsConnect(ws("/echo?id=java"), new WsConnectOptions().compress(true));
                assertThat(c.deflate()).isNotNull();
                c.sendStr("hello");
                assertThat(c.receiveStr()).isEqualTo("hello");
                byte[] blob = new byte[300_000];
                new java.util.Random(1).nextBytes(blob);
                c.sendBytes(blob);
                assertThat(c.receiveBytes()).isEqualTo(blob);
                assertThat(c.close(4005, "done")).isTrue();
                assertThat(c.closeCode()).isEqualTo(4005);
            }
        });
        // the server records the code on its own thread after answering the close: wait for it
        assertThat(closed("java").get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4005);
    }

    private static java.util.concurrent.CompletableFuture<Integer> closed(String id) {
        return CLOSED.computeIfAbsent(id, k -> new java.util.concurrent.CompletableFuture<>());
    }

    static Stream<Arguments> badFrames() {
        WsFrameWriter serverStyle = WsFrameWriter.forServer(null);
        WsFrameWriter client = WsFrameWriter.forClient(new java.util.Random(5), null);
        byte[] reserved = WsWire.bytes(client.encodeText("x"));
        reserved[0] |= 0x20; // RSV2
        byte[] opcode = WsWire.bytes(client.encodeText("x"));
        opcode[0] = (byte) ((opcode[0] & 0xF0) | 0x3);
        byte[] utf8 = WsWire.bytes(client.encodeBinary(new byte[] {'a', (byte) 0xC3, 0x28}));
        utf8[0] = (byte) ((utf8[0] & 0xF0) | 0x1); // claim it is text
        byte[] closeWithBadCode = WsWire.bytes(new WsFrameWriter(io.jasyncio.http.ws.WsRole.CLIENT, () -> 0L, null, -1, 0)
                .encodeClose(1000, ""));
        closeWithBadCode[closeWithBadCode.length - 1] = (byte) 0xED; // 1005, masked with key 0: on the wire as is
        closeWithBadCode[closeWithBadCode.length - 2] = 0x03;
        byte[] oversized = WsWire.bytes(client.encodeBinary(new byte[(1 << 20) + 1]));
        return Stream.of(
                Arguments.of("unmasked client frame", WsWire.bytes(serverStyle.encodeText("x")), 1002),
                Arguments.of("reserved bit", reserved, 1002),
                Arguments.of("reserved opcode", opcode, 1002),
                Arguments.of("invalid UTF-8", utf8, 1007),
                Arguments.of("close code 1005", closeWithBadCode, 1002),
                Arguments.of("oversized message", oversized, 1009));
    }

    /**
     * Each bad frame ends its own connection with the right close code; a connection opened before is unaffected.
     * The server may fail the connection before a large frame (the oversized message) is all written: the rest
     * of the write then meets a broken pipe or a reset, which may also discard the close frame it sent. So the
     * code is checked where the server records it, and on the wire whenever the close frame arrived.
     */
    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badFrames")
    void badFrameClosesOnlyItsConnection(String what, byte[] frame, int code) throws Exception {
        String id = "bad-" + what.replace(' ', '-');
        try (RawWsSocket good = new RawWsSocket(server, "/echo");
                RawWsSocket bad = new RawWsSocket(server, "/echo?id=" + id)) {
            IOException writeFailed = null;
            try {
                bad.send(frame);
            } catch (IOException e) {
                writeFailed = e;     // the server closed the socket while the frame was being written
            }
            WsMessage close;
            try {
                close = bad.read();
            } catch (SocketException reset) {
                if (writeFailed == null) {
                    throw reset;
                }
                close = null;        // the reset that failed the write dropped the close frame too
            }
            if (writeFailed == null || close != null) {
                assertThat(close).as(what).isNotNull();
                assertThat(close.type()).isEqualTo(WsMsgType.CLOSE);
                assertThat(close.closeCode()).isEqualTo(code);
            }
            if (writeFailed == null) {
                assertThat(bad.serverClosed()).as("the server closes the socket").isTrue();
            }
            assertThat(closed(id).get(10, TimeUnit.SECONDS)).as("%s: the code the server sent", what).isEqualTo(code);
            good.sendText("still here");
            assertThat(good.read().text()).isEqualTo("still here");
        }
    }

    /** aiohttp's client against our server, one scenario per run of the script. */
    @ParameterizedTest
    @ValueSource(strings = {"echo", "compress", "protocol", "ping", "server_close", "client_close"})
    void aiohttpClient(String scenario) throws Exception {
        Assumptions.assumeTrue(hasAiohttp(),
                "assumption: /usr/bin/python3 with aiohttp is installed (scripts/install-test-peers.sh); skipping");
        Path script = Files.createTempFile("aiohttp_ws_client", ".py");
        try (InputStream in = WebSocketLiveTest.class.getResourceAsStream("aiohttp_ws_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "http://127.0.0.1:" + server.port(), scenario)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(scenario).startsWith("ok ");
    }

    /** Stopping the server closes an open WebSocket with 1001 (going away). */
    @Test
    void shutdownSaysGoingAway() throws Exception {
        try (LiveServer own = LiveServer.start(app()); RawWsSocket c = new RawWsSocket(own, "/echo")) {
            c.sendText("hi");
            assertThat(c.read().text()).isEqualTo("hi");
            own.requestStop();
            WsMessage close = c.read();
            assertThat(close.type()).isEqualTo(WsMsgType.CLOSE);
            assertThat(close.closeCode()).isEqualTo(WsCloseCode.GOING_AWAY);
            c.send(WsWire.bytes(c.writer.encodeClose(1001, "")));
            assertThat(c.serverClosed()).isTrue();
        }
    }

    private static boolean hasAiohttp() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import aiohttp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
