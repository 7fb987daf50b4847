package io.jasyncio.http.ws;

import static io.jasyncio.http.ws.Frames.bytes;
import static io.jasyncio.http.ws.Frames.concat;
import static io.jasyncio.http.ws.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The examples of RFC 6455 §5.7, byte for byte, in both directions. */
class Rfc6455ExamplesTest {
    private static final byte[] UNMASKED_HELLO = hex("0x81 0x05 0x48 0x65 0x6c 0x6c 0x6f");
    private static final byte[] MASKED_HELLO = hex("0x81 0x85 0x37 0xfa 0x21 0x3d 0x7f 0x9f 0x4d 0x51 0x58");
    private static final byte[] FRAGMENTED_HELLO = hex("0x01 0x03 0x48 0x65 0x6c 0x80 0x02 0x6c 0x6f");
    private static final byte[] UNMASKED_PING = hex("0x89 0x05 0x48 0x65 0x6c 0x6c 0x6f");
    private static final byte[] MASKED_PONG = hex("0x8a 0x85 0x37 0xfa 0x21 0x3d 0x7f 0x9f 0x4d 0x51 0x58");
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void serverWriterEncodesUnmaskedHello() {
        assertThat(bytes(WsFrameWriter.forServer(null).encodeText("Hello"))).isEqualTo(UNMASKED_HELLO);
    }

    @Test
    void clientParserDecodesUnmaskedHello() {
        assertThat(Frames.client(UNMASKED_HELLO).messages).containsExactly(WsMessage.ofText("Hello"));
    }

    @Test
    void clientWriterEncodesMaskedHelloWithTheRfcKey() {
        WsFrameWriter writer = WsFrameWriter.forClient(Frames.keys(0x37fa213d), null);
        assertThat(bytes(writer.encodeText("Hello"))).isEqualTo(MASKED_HELLO);
    }

    @Test
    void serverParserDecodesMaskedHello() {
        assertThat(Frames.server(MASKED_HELLO).messages).containsExactly(WsMessage.ofText("Hello"));
    }

    @Test
    void serverWriterFragmentsHelloAsHelPlusLo() {
        WsFrameWriter writer = new WsFrameWriter(WsRole.SERVER, null, null, -1, 3);
        assertThat(bytes(writer.encodeText("Hello"))).isEqualTo(FRAGMENTED_HELLO);
    }

    @Test
    void clientParserReassemblesHelPlusLo() {
        assertThat(Frames.client(FRAGMENTED_HELLO).messages).containsExactly(WsMessage.ofText("Hello"));
    }

    @Test
    void serverWriterEncodesUnmaskedPing() {
        assertThat(bytes(WsFrameWriter.forServer(null).encodePing(HELLO))).isEqualTo(UNMASKED_PING);
    }

    @Test
    void clientParserDecodesUnmaskedPing() {
        assertThat(Frames.client(UNMASKED_PING).messages).containsExactly(WsMessage.ofPing(HELLO));
    }

    @Test
    void clientWriterEncodesMaskedPong() {
        WsFrameWriter writer = WsFrameWriter.forClient(Frames.keys(0x37fa213d), null);
        assertThat(bytes(writer.encodePong(HELLO))).isEqualTo(MASKED_PONG);
    }

    @Test
    void serverParserDecodesMaskedPong() {
        assertThat(Frames.server(MASKED_PONG).messages).containsExactly(WsMessage.ofPong(HELLO));
    }

    @Test
    void binary256BytesUsesThe16BitLength() {
        byte[] payload = randomBytes(256);
        byte[] expected = concat(hex("0x82 0x7E 0x01 0x00"), payload);
        assertThat(bytes(WsFrameWriter.forServer(null).encodeBinary(payload))).isEqualTo(expected);
        assertThat(Frames.client(expected).messages).containsExactly(WsMessage.ofBinary(payload));
    }

    @Test
    void binary64KiBUsesThe64BitLength() {
        byte[] payload = randomBytes(65536);
        byte[] expected = concat(hex("0x82 0x7F 0x00 0x00 0x00 0x00 0x00 0x01 0x00 0x00"), payload);
        assertThat(bytes(WsFrameWriter.forServer(null).encodeBinary(payload))).isEqualTo(expected);
        assertThat(Frames.client(expected).messages).containsExactly(WsMessage.ofBinary(payload));
    }

    @Test
    void binary65535BytesStillFitsThe16BitLength() {
        byte[] out = bytes(WsFrameWriter.forServer(null).encodeBinary(new byte[65535]));
        assertThat(out).startsWith(hex("0x82 0x7E 0xFF 0xFF")).hasSize(4 + 65535);
    }

    @Test
    void payloadOf125BytesUsesThe7BitLength() {
        byte[] out = bytes(WsFrameWriter.forServer(null).encodeBinary(new byte[125]));
        assertThat(out).startsWith(hex("0x82 0x7D")).hasSize(2 + 125);
    }
}
