package io.jasyncio.http.snippets;


import io.jasyncio.Asyncio;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.ClientWebSocket;
import io.jasyncio.http.web.Request;
import io.jasyncio.http.web.StreamResponse;
import io.jasyncio.http.web.WebSocketResponse;
import io.jasyncio.http.ws.WebSocket;
import io.jasyncio.http.ws.WebSocketConnection;
import io.jasyncio.http.ws.WsClientHandshake;
import io.jasyncio.http.ws.WsCloseCode;
import io.jasyncio.http.ws.WsDeflateOptions;
import io.jasyncio.http.ws.WsDeflateParams;
import io.jasyncio.http.ws.WsFrameParser;
import io.jasyncio.http.ws.WsFrameWriter;
import io.jasyncio.http.ws.WsHandshake;
import io.jasyncio.http.ws.WsHandshakeException;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsMsgType;
import io.jasyncio.http.ws.WsOpcode;
import io.jasyncio.http.ws.WsProtocolException;
import io.jasyncio.http.ws.WsRole;
import io.jasyncio.http.ws.WsServerHandshake;
import io.jasyncio.http.ws.WsSettings;
import io.jasyncio.http.ws.WsTransport;
import io.jasyncio.http.ws.WsUnexpectedMessageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples in the Javadoc of package {@code io.jasyncio.http.ws}; {@code WsSnippetsTest}
 * runs them (the first over a real connection, the others in memory).
 */
public final class WsSnippets {

    private WsSnippets() {
    }

    // @start region="webSocket"
    /** Works on either end: a server's WebSocketResponse or a client's ClientWebSocket. */
    static List<String> echo(WebSocket ws) throws IOException {
        List<String> log = new ArrayList<>();
        for (WsMessage msg : ws) {                       // async for msg in ws
            switch (msg.type()) {
                case TEXT -> {
                    if (msg.text().equals("bye")) {
                        ws.close(WsCloseCode.GOING_AWAY, "see you");
                    } else {
                        ws.sendStr("echo: " + msg.text());
                    }
                }
                case BINARY -> ws.sendBytes(msg.data());
                case ERROR -> log.add("error: " + ws.exception());
                default -> { }
            }
        }
        // the loop ends when the peer closes (or we do); ws.closeCode() says how
        log.add("closed with " + ws.closeCode());
        return log;
    }
    // @end

    static StreamResponse echoHandler(Request request) throws IOException {
        // @start region="settings"
        WsSettings settings = WsSettings.DEFAULTS
                .withHeartbeat(30)                  // ping every 30 s; no pong in time closes it
                .withMaxMsgSize(1 << 20)            // messages up to 1 MiB
                .withReceiveTimeout(300);           // receive() gives up after 5 minutes
        WebSocketResponse ws = new WebSocketResponse(settings);
        ws.prepare(request);
        echo(ws);
        // @end
        return ws;
    }

    static List<String> client(ClientSession session, String wsUrl) throws Exception {
        List<String> got = new ArrayList<>();
        try (ClientWebSocket ws = session.wsConnect(wsUrl)) {
            ws.sendStr("hello");
            got.add(ws.receiveStr());
            ws.sendBytes(new byte[] {1, 2, 3});
            got.add(ws.receiveBytes().length + " bytes");
            ws.sendStr("bye");
            for (WsMessage m : ws) {
                got.add(m.type().toString());
            }
            got.add("closed with " + ws.closeCode());
        }
        return got;
    }

    static List<Object> handshake() throws WsHandshakeException {
        // @start region="handshake"
        // Client: the headers of the upgrade request.
        WsClientHandshake client = new WsClientHandshake(List.of("chat.v2"), WsDeflateOptions.ENABLED,
                new SecureRandom());
        Map<String, String> upgrade = client.requestHeaders();   // Upgrade, Sec-WebSocket-Key, -Version, ...

        // Server: check the request and answer 101 with these headers (or 400 on WsHandshakeException).
        Map<String, List<String>> received = new HashMap<>();
        upgrade.forEach((name, value) -> received.put(name, List.of(value)));
        WsServerHandshake accepted = WsServerHandshake.accept("GET", received, List.of("chat.v2"),
                WsDeflateOptions.ENABLED);
        String acceptKey = WsHandshake.acceptKey(client.key());  // what Sec-WebSocket-Accept must say

        // Client: verify the 101 response; the result is what both sides agreed.
        Map<String, List<String>> response = new HashMap<>();
        accepted.responseHeaders().forEach((name, value) -> response.put(name, List.of(value)));
        WsClientHandshake.Result agreed = client.verify(101, response);
        WsDeflateParams deflate = agreed.deflate();               // permessage-deflate, or null
        // @end
        return List.of(agreed.protocol(), deflate != null, accepted.responseHeaders().get("Sec-WebSocket-Accept")
                .equals(acceptKey));
    }

    static String handshakeError() {
        // @start region="handshakeError"
        try {
            WsServerHandshake.accept("POST", Map.of(), List.of(), WsDeflateOptions.DISABLED);
            return "accepted";
        } catch (WsHandshakeException e) {        // not a valid upgrade: answer with e.status()
            return e.status() + ": " + e.getMessage();
        }
        // @end
    }

    static List<Object> frames() {
        List<Object> out = new ArrayList<>();
        // @start region="frames"
        WsFrameWriter writer = WsFrameWriter.forClient(new SecureRandom(), null);   // a client masks its frames
        ByteBuffer frame = writer.encodeText("hello");
        WsOpcode opcode = WsOpcode.fromCode(frame.get(frame.position()) & 0x0F);    // TEXT
        List<WsMessage> messages = new ArrayList<>();
        try (WsFrameParser parser = new WsFrameParser(WsRole.SERVER, messages::add)) {   // the server's side
            parser.feed(frame);
            parser.feed(writer.encodeClose(WsCloseCode.OK, "done"));
        } catch (WsProtocolException e) {        // a protocol violation: close with e.closeCode()
            out.add("violation " + e.closeCode());
        }
        // messages: TEXT "hello", then CLOSE 1000; the parser would ignore what follows the close
        // @end
        out.add(opcode);
        out.add(opcode.isControl());
        for (WsMessage m : messages) {
            out.add(m.type() + (m.type() == WsMsgType.TEXT ? " " + m.text() : " " + m.closeCode()));
        }
        return out;
    }

    static String badFrame() {
        // @start region="protocolError"
        try (WsFrameParser parser = new WsFrameParser(WsRole.SERVER, m -> { })) {
            parser.feed(ByteBuffer.wrap(new byte[] {(byte) 0x81, 0x05, 'h', 'e', 'l', 'l', 'o'}));   // not masked
            return "accepted";
        } catch (WsProtocolException e) {        // the peer broke RFC 6455
            return "close " + e.closeCode() + " (" + e.closeReason() + ")";   // 1002, protocol error
        }
        // @end
    }

    // @start region="connection"
    /** The byte pipe under a WebSocketConnection: here it keeps what is written, for a test. */
    static final class Recorded implements WsTransport {
        final List<ByteBuffer> written = new ArrayList<>();

        @Override
        public void write(ByteBuffer data) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            written.add(copy);
        }

        @Override
        public void drain() {
        }

        @Override
        public void pauseReading() {
        }

        @Override
        public void resumeReading() {
        }

        @Override
        public void close() {
        }

        @Override
        public void abort() {
        }
    }

    static List<String> overAnyTransport() throws Exception {
        Recorded transport = new Recorded();
        WebSocketConnection ws = new WebSocketConnection(Asyncio.getRunningLoop(), WsRole.SERVER, transport,
                WsSettings.DEFAULTS, null, null, null);
        WsFrameWriter peer = WsFrameWriter.forClient(new SecureRandom(), null);
        ws.feed(peer.encodeBinary(new byte[] {42}));           // bytes from the peer, as they arrive
        List<String> log = new ArrayList<>();
        try {
            ws.receiveStr();
        } catch (WsUnexpectedMessageException e) {              // it was not TEXT
            log.add("expected TEXT, got " + e.received().type());
        }
        ws.sendStr("hi");                                       // a frame in transport.written
        log.add(transport.written.size() + " frame written");
        return log;
    }
    // @end

    static List<String> connection() throws Exception {
        return Asyncio.run(WsSnippets::overAnyTransport);
    }

}
