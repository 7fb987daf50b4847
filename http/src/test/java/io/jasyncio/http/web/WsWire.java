package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.http.ws.WsFrameParser;
import io.jasyncio.http.ws.WsFrameWriter;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsProtocolException;
import io.jasyncio.http.ws.WsRole;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Test harness: a WebSocket client played by hand over a {@link Wire}: the upgrade request as raw
 * text, masked frames made with the codec's client writer, and the server's frames after its 101
 * head parsed with the codec's client parser.
 */
final class WsWire {

    /** The sample key of RFC 6455 §1.3 and its accept value. */
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    final Wire wire;
    final WsFrameWriter writer = WsFrameWriter.forClient(new Random(7), null);

    WsWire(Wire wire) {
        this.wire = wire;
    }

    /** An upgrade request for {@code path} with extra header lines (each ending in CRLF). */
    static String upgrade(String path, String extra) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n" + extra + "\r\n";
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    byte[] text(String s) {
        return bytes(writer.encodeText(s));
    }

    byte[] close(int code) {
        return bytes(writer.encodeClose(code, ""));
    }

    /** @return the server's response head (up to the blank line), or "" if not complete */
    String head() {
        String out = wire.output();
        int end = out.indexOf("\r\n\r\n");
        return end < 0 ? "" : out.substring(0, end + 4);
    }

    /** @return the frames the server sent after its head, parsed as a client reads them */
    List<WsMessage> frames() {
        byte[] all = wire.transport.outputBytes();
        int start = head().length();
        List<WsMessage> got = new ArrayList<>();
        try (WsFrameParser p = new WsFrameParser(WsRole.CLIENT, 0, null, got::add)) {
            p.feed(ByteBuffer.wrap(all, start, all.length - start));
        } catch (WsProtocolException e) {
            throw new AssertionError("the server sent invalid frames", e);
        }
        return got;
    }

    /** Lets the loop run until {@code condition} holds (at most 1000 turns, no time passes). */
    static void until(BooleanSupplier condition) {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Asyncio.sleep(0);
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("the condition did not come true");
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
