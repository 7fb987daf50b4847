package io.jasyncio.http.ws;

import static io.jasyncio.http.ws.Frames.bytes;
import static io.jasyncio.http.ws.Frames.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Writer to parser, for random messages, roles, fragment sizes, compression and split points:
 * what comes out is what went in, however the bytes are cut.
 */
class WsRoundTripTest {
    private static final int ROUNDS = 150;

    /** A random message: text (with 1- to 4-byte characters), binary, ping or pong. */
    private static WsMessage randomMessage(Random rnd) {
        int kind = rnd.nextInt(10);
        if (kind < 4) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(4) == 0 ? rnd.nextInt(70_000) : rnd.nextInt(200);
            String[] pieces = {"a", "Z", " ", "é", "ß", "€", "✓", "한", "😀", "𝄞"};
            while (sb.length() < n) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            return WsMessage.ofText(sb.toString());
        }
        if (kind < 8) {
            byte[] data = new byte[rnd.nextInt(4) == 0 ? rnd.nextInt(70_000) : rnd.nextInt(300)];
            if (rnd.nextBoolean()) {
                rnd.nextBytes(data);
            } else {
                Arrays.fill(data, (byte) rnd.nextInt(4)); // compressible
            }
            return WsMessage.ofBinary(data);
        }
        byte[] data = new byte[rnd.nextInt(126)];
        rnd.nextBytes(data);
        return kind == 8 ? WsMessage.ofPing(data) : WsMessage.ofPong(data);
    }

    private static byte[] encode(WsFrameWriter writer, WsMessage m) {
        return bytes(switch (m.type()) {
            case TEXT -> writer.encodeText(m.text());
            case BINARY -> writer.encodeBinary(m.data());
            case PING -> writer.encodePing(m.data());
            case PONG -> writer.encodePong(m.data());
            default -> throw new AssertionError(m);
        });
    }

    private static int[] randomCuts(Random rnd, int length) {
        int count = rnd.nextInt(Math.min(length, 40) + 1);
        return rnd.ints(count, 0, length + 1).sorted().toArray();
    }

    @Test
    void randomMessagesSurviveRandomSplits() {
        for (int round = 0; round < ROUNDS; round++) {
            Random rnd = new Random(round);
            WsRole sender = rnd.nextBoolean() ? WsRole.CLIENT : WsRole.SERVER;
            WsDeflateParams deflate = switch (rnd.nextInt(3)) {
                case 0 -> null;
                case 1 -> WsDeflateParams.DEFAULT;
                default -> new WsDeflateParams(rnd.nextBoolean(), rnd.nextBoolean(), 15, 15);
            };
            int maxFrame = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(2000);
            List<WsMessage> sent = new ArrayList<>();
            List<byte[]> wire = new ArrayList<>();
            try (WsFrameWriter writer = new WsFrameWriter(sender, rnd, deflate, -1, maxFrame)) {
                for (int i = rnd.nextInt(8) + 1; i > 0; i--) {
                    WsMessage m = randomMessage(rnd);
                    sent.add(m);
                    wire.add(encode(writer, m));
                }
            }
            byte[] input = concat(wire.toArray(byte[][]::new));
            Frames.Result r = Frames.parse(sender.peer(), 0, deflate, input, randomCuts(rnd, input.length));
            assertThat(r.failure).as("round %d", round).isNull();
            assertThat(r.messages).as("round %d", round).isEqualTo(sent);
        }
    }

    @Test
    void byteByByteFeedingGivesTheSameMessages() {
        Random rnd = new Random(42);
        List<WsMessage> sent = new ArrayList<>();
        List<byte[]> wire = new ArrayList<>();
        WsFrameWriter writer = new WsFrameWriter(WsRole.CLIENT, rnd, WsDeflateParams.DEFAULT, -1, 7);
        for (int i = 0; i < 30; i++) {
            WsMessage m = randomMessage(rnd);
            if (m.data().length < 1000) {
                sent.add(m);
                wire.add(encode(writer, m));
            }
        }
        byte[] input = concat(wire.toArray(byte[][]::new));
        assertThat(Frames.parseByteByByte(WsRole.SERVER, 0, WsDeflateParams.DEFAULT, input).messages).isEqualTo(sent);
    }

    @Test
    void clientWriterMasksEachFrameWithAFreshKey() {
        WsFrameWriter writer = new WsFrameWriter(WsRole.CLIENT, Frames.keys(0x01020304, 0x0a0b0c0d), null, -1, 2);
        byte[] out = bytes(writer.encodeBinary(new byte[4]));
        // two frames of 2 bytes: header, key, masked zeros = the key's first bytes
        assertThat(out).isEqualTo(Frames.hex("02 82 01 02 03 04 01 02  80 82 0a 0b 0c 0d 0a 0b"));
    }
}
