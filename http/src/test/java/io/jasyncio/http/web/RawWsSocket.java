package io.jasyncio.http.web;

import io.jasyncio.http.ws.WsFrameParser;
import io.jasyncio.http.ws.WsFrameWriter;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsProtocolException;
import io.jasyncio.http.ws.WsRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Random;

/**
 * Test harness: a blocking WebSocket client on a plain socket, for sending frames the real
 * clients never would. The handshake is checked; frames are written raw or made with the codec;
 * what the server sends is parsed with the codec's client parser. Used from the test thread.
 */
final class RawWsSocket implements AutoCloseable {

    final Socket socket;
    final WsFrameWriter writer = WsFrameWriter.forClient(new Random(3), null);
    private final InputStream in;
    private final ArrayDeque<WsMessage> received = new ArrayDeque<>();
    private final WsFrameParser parser = new WsFrameParser(WsRole.CLIENT, 0, null, received::add);
    private boolean eof;

    RawWsSocket(LiveServer server, String path) throws IOException {
        socket = server.connect();
        in = socket.getInputStream();
        send(WsWire.upgrade(path, "").replace("Host: x", "Host: 127.0.0.1").getBytes(StandardCharsets.ISO_8859_1));
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101 ")) {
            throw new IOException("no 101 answer: " + head);
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + out.toString(StandardCharsets.ISO_8859_1));
            }
            out.write(b);
            String s = out.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
    }

    void send(byte[] raw) throws IOException {
        socket.getOutputStream().write(raw);
        socket.getOutputStream().flush();
    }

    void sendText(String text) throws IOException {
        send(WsWire.bytes(writer.encodeText(text)));
    }

    /** @return the next message from the server, or null if it closed the socket first */
    WsMessage read() throws IOException {
        byte[] buf = new byte[8192];
        while (received.isEmpty() && !eof) {
            int n = in.read(buf);
            if (n < 0) {
                eof = true;
                break;
            }
            try {
                parser.feed(ByteBuffer.wrap(buf, 0, n));
            } catch (WsProtocolException e) {
                throw new IOException("the server sent invalid frames", e);
            }
        }
        return received.poll();
    }

    /** @return whether the server closed the socket (within the socket's read timeout) */
    boolean serverClosed() throws IOException {
        while (read() != null) {
            // skip what is left
        }
        return eof;
    }

    @Override
    public void close() throws IOException {
        parser.close();
        socket.close();
    }
}
