package io.jasyncio.http.client;

import io.jasyncio.http.ws.WsDeflateOptions;
import io.jasyncio.http.ws.WsFrameParser;
import io.jasyncio.http.ws.WsFrameWriter;
import io.jasyncio.http.ws.WsHandshakeException;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsMsgType;
import io.jasyncio.http.ws.WsProtocolException;
import io.jasyncio.http.ws.WsRole;
import io.jasyncio.http.ws.WsServerHandshake;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test harness: an in-memory WebSocket echo server behind a {@link FakeServer}, written with the
 * codec only (handshake, parser, writer), so the client is tested against bytes it did not make.
 * It echoes text and binary messages, answers a close frame with the same code and closes, and
 * can greet with a text message sent in the same write as the 101 head.
 */
final class FakeWsServer {

    final List<ServerSide.Req> requests = new ArrayList<>();
    final List<WsMessage> received = new ArrayList<>();
    final List<String> protocols;
    final String greeting;
    boolean closedByClient;

    FakeWsServer(List<String> protocols, String greeting) {
        this.protocols = protocols;
        this.greeting = greeting;
    }

    /** A FakeServer whose connections run this WebSocket server. */
    FakeServer dialer() {
        return new FakeServer(this::serve);
    }

    private void serve(ServerSide conn) throws Exception {
        ServerSide.Req req = conn.readRequest();
        if (req == null) {
            return;
        }
        requests.add(req);
        WsServerHandshake hs;
        try {
            hs = WsServerHandshake.accept(req.head().method(), req.head().headers()::getAll, protocols,
                    WsDeflateOptions.ENABLED);
        } catch (WsHandshakeException e) {
            conn.write("HTTP/1.1 " + e.status() + " Bad\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n");
        hs.responseHeaders().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        WsFrameWriter writer = WsFrameWriter.forServer(hs.deflate());
        byte[] headBytes = head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (greeting != null) {
            ByteBuffer g = writer.encodeText(greeting);
            byte[] both = new byte[headBytes.length + g.remaining()];
            System.arraycopy(headBytes, 0, both, 0, headBytes.length);
            g.get(both, headBytes.length, g.remaining());
            conn.write(both);
        } else {
            conn.write(headBytes);
        }
        List<WsMessage> batch = new ArrayList<>();
        WsFrameParser parser = new WsFrameParser(WsRole.SERVER, 0, hs.deflate(), batch::add);
        while (true) {
            byte[] b = conn.readRaw();
            if (b.length == 0) {
                conn.close();
                return;
            }
            try {
                parser.feed(ByteBuffer.wrap(b));
            } catch (WsProtocolException e) {
                conn.write(bytes(writer.encodeClose(e.closeCode(), e.closeReason())));
                conn.close();
                return;
            }
            for (WsMessage m : batch) {
                received.add(m);
                switch (m.type()) {
                    case TEXT -> conn.write(bytes(writer.encodeText(m.text())));
                    case BINARY -> conn.write(bytes(writer.encodeBinary(m.data())));
                    case PING -> conn.write(bytes(writer.encodePong(m.data())));
                    case CLOSE -> {
                        closedByClient = !writer.isCloseWritten();
                        if (closedByClient) {
                            conn.write(bytes(writer.encodeClose(m.closeCode(), "")));
                        }
                        conn.close();
                        return;
                    }
                    default -> { }
                }
                if (m.type() == WsMsgType.TEXT && m.text().equals("close-me")) {
                    conn.write(bytes(writer.encodeClose(4000, "as you wish")));
                }
            }
            batch.clear();
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
