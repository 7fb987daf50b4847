package io.jasyncio.http.ws;

import static io.jasyncio.http.ws.Frames.FIN;
import static io.jasyncio.http.ws.Frames.RSV1;
import static io.jasyncio.http.ws.Frames.concat;
import static io.jasyncio.http.ws.Frames.hex;
import static io.jasyncio.http.ws.Frames.masked;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Streams that end in a violation give the same messages and the same error fed whole or byte by byte. */
class SplitInvarianceTest {

    record Case(String name, byte[] input, WsDeflateParams deflate, int limit, int expectedCode) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        byte[] ok = masked(FIN | 0x1, "fine".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Stream.of(
                new Case("reserved opcode", concat(ok, masked(FIN | 0x3, new byte[3])), null, 0, 1002),
                new Case("bad utf8 mid frame", concat(ok, masked(FIN | 0x1, hex("61 62 e0 80 80 63"))), null, 0, 1007),
                new Case("bad utf8 across fragments", concat(ok, masked(0x1, hex("f0 9f")), masked(FIN | 0x9, new byte[2]),
                        masked(FIN, hex("28 80"))), null, 0, 1007),
                new Case("too big across fragments", concat(ok, masked(0x2, new byte[50]), masked(FIN, new byte[51])), null, 100, 1009),
                new Case("bad close code", concat(ok, masked(FIN | 0x8, hex("03 ed"))), null, 0, 1002),
                new Case("compressed bomb", concat(ok, masked(FIN | RSV1 | 0x1, bomb())), WsDeflateParams.DEFAULT, 3000, 1009),
                new Case("compressed bad utf8 before the limit", concat(ok, masked(FIN | RSV1 | 0x1, badThenBig())),
                        WsDeflateParams.DEFAULT, 3000, 1007));
    }

    private static byte[] deflate(byte[] data) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(9, true);
        d.setInput(data);
        byte[] out = new byte[data.length + 100];
        int n = d.deflate(out, 0, out.length, java.util.zip.Deflater.SYNC_FLUSH);
        d.end();
        return java.util.Arrays.copyOf(out, n - 4);
    }

    private static byte[] bomb() {
        return deflate(new byte[100_000]);
    }

    private static byte[] badThenBig() {
        byte[] data = new byte[100_000];
        data[2000] = (byte) 0xff;
        return deflate(data);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void byteByByteFailsLikeWhole(Case c) {
        Frames.Result whole = Frames.parse(WsRole.SERVER, c.limit(), c.deflate(), c.input());
        Frames.Result split = Frames.parseByteByByte(WsRole.SERVER, c.limit(), c.deflate(), c.input());
        assertThat(whole.failure).isNotNull();
        assertThat(whole.messages).startsWith(WsMessage.ofText("fine"));
        assertThat(split.messages).isEqualTo(whole.messages);
        assertThat(whole.failure.closeCode()).isEqualTo(c.expectedCode());
        assertThat(split.failure.closeCode()).isEqualTo(c.expectedCode());
        assertThat(split.failure.getMessage()).isEqualTo(whole.failure.getMessage());
    }
}
