package io.jasyncio.http.ws;

import static io.jasyncio.http.ws.Frames.FIN;
import static io.jasyncio.http.ws.Frames.RSV1;
import static io.jasyncio.http.ws.Frames.bytes;
import static io.jasyncio.http.ws.Frames.concat;
import static io.jasyncio.http.ws.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** RFC 7692: the §7.2.3 examples, context takeover, and the guards of the receiving side. */
class PerMessageDeflateTest {
    private static final WsDeflateParams TAKEOVER = WsDeflateParams.DEFAULT;
    private static final WsDeflateParams NO_TAKEOVER = new WsDeflateParams(true, true, 15, 15);

    private static Frames.Result clientParse(WsDeflateParams deflate, byte[] input) {
        return Frames.parse(WsRole.CLIENT, WsFrameParser.DEFAULT_MAX_MSG_SIZE, deflate, input);
    }

    private static byte[] deflateRaw(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        byte[] out = new byte[data.length + 1024];
        int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        d.end();
        return java.util.Arrays.copyOf(out, n - 4); // without 00 00 ff ff
    }

    // ---- §7.2.3 examples, sending ------------------------------------------------------------

    @Test
    void helloIsCompressedToTheRfcBytes() {
        WsFrameWriter writer = WsFrameWriter.forServer(TAKEOVER);
        assertThat(bytes(writer.encodeText("Hello"))).isEqualTo(hex("0xc1 0x07 0xf2 0x48 0xcd 0xc9 0xc9 0x07 0x00"));
    }

    @Test
    void secondHelloWithContextTakeoverReferencesTheFirst() {
        WsFrameWriter writer = WsFrameWriter.forServer(TAKEOVER);
        writer.encodeText("Hello");
        assertThat(bytes(writer.encodeText("Hello"))).isEqualTo(hex("0xc1 0x05 0xf2 0x00 0x11 0x00 0x00"));
    }

    @Test
    void secondHelloWithoutContextTakeoverIsCompressedAfresh() {
        WsFrameWriter writer = WsFrameWriter.forServer(NO_TAKEOVER);
        writer.encodeText("Hello");
        assertThat(bytes(writer.encodeText("Hello"))).isEqualTo(hex("0xc1 0x07 0xf2 0x48 0xcd 0xc9 0xc9 0x07 0x00"));
    }

    @Test
    void clientNoContextTakeoverOnlyResetsTheClientsCompressor() {
        WsDeflateParams clientOnly = new WsDeflateParams(false, true, 15, 15);
        WsFrameWriter server = WsFrameWriter.forServer(clientOnly);
        server.encodeText("Hello");
        assertThat(bytes(server.encodeText("Hello"))).isEqualTo(hex("0xc1 0x05 0xf2 0x00 0x11 0x00 0x00"));
        WsFrameWriter client = new WsFrameWriter(WsRole.CLIENT, Frames.keys(0), clientOnly, -1, 0);
        client.encodeText("Hello");
        assertThat(bytes(client.encodeText("Hello"))).isEqualTo(hex("0xc1 0x87 00 00 00 00 0xf2 0x48 0xcd 0xc9 0xc9 0x07 0x00"));
    }

    @Test
    void emptyMessageIsCompressedToOneZeroByte() {
        assertThat(bytes(WsFrameWriter.forServer(TAKEOVER).encodeBinary(new byte[0])))
                .isEqualTo(hex("0xc2 0x01 0x00"));
    }

    @Test
    void emptyMessageAfterAnotherWithContextTakeoverIsOneZeroByte() {
        WsFrameWriter writer = WsFrameWriter.forServer(TAKEOVER);
        writer.encodeText("Hello");
        assertThat(bytes(writer.encodeText(""))).isEqualTo(hex("0xc1 0x01 0x00"));
    }

    @Test
    void compressionCanBeTurnedOffPerMessage() {
        WsFrameWriter writer = WsFrameWriter.forServer(TAKEOVER);
        assertThat(bytes(writer.encodeText("Hello", false))).isEqualTo(hex("0x81 0x05 48 65 6c 6c 6f"));
    }

    @Test
    void controlFramesAreNeverCompressed() {
        WsFrameWriter writer = WsFrameWriter.forServer(TAKEOVER);
        assertThat(bytes(writer.encodePing("Hello".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(hex("0x89 0x05 48 65 6c 6c 6f"));
    }

    @Test
    void fragmentedCompressedMessageSetsRsv1OnlyOnTheFirstFrame() {
        WsFrameWriter writer = new WsFrameWriter(WsRole.SERVER, null, TAKEOVER, -1, 3);
        assertThat(bytes(writer.encodeText("Hello")))
                .isEqualTo(hex("0x41 0x03 0xf2 0x48 0xcd 0x00 0x03 0xc9 0xc9 0x07 0x80 0x01 0x00"));
    }

    // ---- §7.2.3 examples, receiving ----------------------------------------------------------

    @Test
    void rfcCompressedHelloIsDecoded() {
        assertThat(clientParse(TAKEOVER, hex("0xc1 0x07 0xf2 0x48 0xcd 0xc9 0xc9 0x07 0x00")).messages)
                .containsExactly(WsMessage.ofText("Hello"));
    }

    @Test
    void rfcFragmentedCompressedHelloIsDecoded() {
        assertThat(clientParse(TAKEOVER, hex("0x41 0x03 0xf2 0x48 0xcd 0x80 0x04 0xc9 0xc9 0x07 0x00")).messages)
                .containsExactly(WsMessage.ofText("Hello"));
    }

    @Test
    void rfcSharedSlidingWindowIsDecoded() {
        byte[] input = hex("0xc1 0x07 0xf2 0x48 0xcd 0xc9 0xc9 0x07 0x00 0xc1 0x05 0xf2 0x00 0x11 0x00 0x00");
        assertThat(clientParse(TAKEOVER, input).messages)
                .containsExactly(WsMessage.ofText("Hello"), WsMessage.ofText("Hello"));
    }

    @Test
    void rfcStoredBlockIsDecoded() {
        assertThat(clientParse(TAKEOVER, hex("0xc1 0x0b 0x00 0x05 0x00 0xfa 0xff 0x48 0x65 0x6c 0x6c 0x6f 0x00")).messages)
                .containsExactly(WsMessage.ofText("Hello"));
    }

    @Test
    void rfcFinalBlockIsDecodedAndTheNextMessageStartsAfresh() {
        byte[] bfinal = hex("0xc1 0x08 0xf3 0x48 0xcd 0xc9 0xc9 0x07 0x00 0x00");
        assertThat(clientParse(TAKEOVER, concat(bfinal, bfinal)).messages)
                .containsExactly(WsMessage.ofText("Hello"), WsMessage.ofText("Hello"));
    }

    @Test
    void rfcTwoDeflateBlocksInOneMessageAreDecoded() {
        byte[] input = hex("0xc1 0x0d 0xf2 0x48 0x05 0x00 0x00 0x00 0xff 0xff 0xca 0xc9 0xc9 0x07 0x00");
        assertThat(clientParse(TAKEOVER, input).messages).containsExactly(WsMessage.ofText("Hello"));
    }

    // ---- round trips -------------------------------------------------------------------------

    private static List<WsMessage> roundTrip(WsDeflateParams params, WsRole sender, List<String> texts) {
        WsFrameWriter writer = new WsFrameWriter(sender, new Random(7), params, -1, 0);
        List<byte[]> frames = new ArrayList<>();
        for (String t : texts) {
            frames.add(bytes(writer.encodeText(t)));
        }
        return Frames.parse(sender.peer(), 0, params, concat(frames.toArray(byte[][]::new))).messages;
    }

    @Test
    void roundTripWithContextTakeoverInBothRoles() {
        List<String> texts = List.of("Hello", "Hello", "Hello, world", "", "ünïcödé ✓ 😀".repeat(50));
        for (WsRole sender : WsRole.values()) {
            assertThat(roundTrip(TAKEOVER, sender, texts)).extracting(WsMessage::text).containsExactlyElementsOf(texts);
        }
    }

    @Test
    void roundTripWithoutContextTakeoverInBothRoles() {
        List<String> texts = List.of("Hello", "Hello", "Hello, world", "", "ünïcödé ✓ 😀".repeat(50));
        for (WsRole sender : WsRole.values()) {
            assertThat(roundTrip(NO_TAKEOVER, sender, texts)).extracting(WsMessage::text).containsExactlyElementsOf(texts);
        }
    }

    @Test
    void contextTakeoverMakesRepeatedMessagesSmaller() {
        byte[] data = "the quick brown fox jumps over the lazy dog ".repeat(20).getBytes(StandardCharsets.US_ASCII);
        WsFrameWriter takeover = WsFrameWriter.forServer(TAKEOVER);
        WsFrameWriter fresh = WsFrameWriter.forServer(NO_TAKEOVER);
        takeover.encodeBinary(data);
        fresh.encodeBinary(data);
        assertThat(takeover.encodeBinary(data).remaining()).isLessThan(fresh.encodeBinary(data).remaining());
    }

    @Test
    void uncompressedMessageIsAcceptedWhenDeflateWasAgreed() {
        assertThat(clientParse(TAKEOVER, hex("0x81 0x05 48 65 6c 6c 6f")).messages)
                .containsExactly(WsMessage.ofText("Hello"));
    }

    // ---- receiving guards --------------------------------------------------------------------

    @Test
    void deflateBombIsStoppedAtTheLimit() {
        byte[] bomb = deflateRaw(new byte[8 * 1024 * 1024]); // a few KiB that inflate to 8 MiB
        assertThat(bomb.length).isLessThan(16 * 1024);
        Frames.Result r = Frames.parse(WsRole.CLIENT, 1024 * 1024, TAKEOVER, Frames.frame(FIN | RSV1 | 0x2, bomb));
        assertThat(r.failure.closeCode()).isEqualTo(1009);
        assertThat(r.messages).isEmpty();
    }

    @Test
    void compressedMessageOfExactlyTheLimitIsAccepted() {
        byte[] data = new byte[1000];
        Frames.Result r = Frames.parse(WsRole.CLIENT, 1000, TAKEOVER, Frames.frame(FIN | RSV1 | 0x2, deflateRaw(data)));
        assertThat(r.messages).containsExactly(WsMessage.ofBinary(data));
    }

    @Test
    void compressedMessageOneByteOverTheLimitIsTooBig() {
        Frames.Result r = Frames.parse(WsRole.CLIENT, 1000, TAKEOVER, Frames.frame(FIN | RSV1 | 0x2, deflateRaw(new byte[1001])));
        assertThat(r.failure.closeCode()).isEqualTo(1009);
    }

    @Test
    void compressedTextThatIsNotUtf8IsInvalidData() {
        byte[] frame = Frames.frame(FIN | RSV1 | 0x1, deflateRaw(hex("48 65 ff 6c")));
        assertThat(clientParse(TAKEOVER, frame).failure.closeCode()).isEqualTo(1007);
    }

    @Test
    void undecodableDeflateDataIsInvalidData() {
        // BTYPE 11 is reserved in DEFLATE.
        assertThat(clientParse(TAKEOVER, Frames.frame(FIN | RSV1 | 0x2, hex("ff ff ff"))).failure.closeCode())
                .isEqualTo(1007);
    }

    @Test
    void rsv1OnAContinuationFrameIsAProtocolError() {
        byte[] input = concat(Frames.frame(RSV1 | 0x1, hex("f2 48 cd")), Frames.frame(FIN | RSV1, hex("c9 c9 07 00")));
        assertThat(clientParse(TAKEOVER, input).failure.closeCode()).isEqualTo(1002);
    }

    @Test
    void rsv1OnAControlFrameIsAProtocolError() {
        assertThat(clientParse(TAKEOVER, Frames.frame(FIN | RSV1 | 0x9, new byte[0])).failure.closeCode())
                .isEqualTo(1002);
    }

    @Test
    void pingBetweenCompressedFragmentsIsDelivered() {
        byte[] input = concat(hex("0x41 0x03 0xf2 0x48 0xcd"), hex("0x89 0x00"), hex("0x80 0x04 0xc9 0xc9 0x07 0x00"));
        assertThat(clientParse(TAKEOVER, input).messages)
                .containsExactly(WsMessage.ofPing(new byte[0]), WsMessage.ofText("Hello"));
    }
}
