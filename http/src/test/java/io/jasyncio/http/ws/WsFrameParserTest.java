package io.jasyncio.http.ws;

import static io.jasyncio.http.ws.Frames.FIN;
import static io.jasyncio.http.ws.Frames.RSV1;
import static io.jasyncio.http.ws.Frames.RSV2;
import static io.jasyncio.http.ws.Frames.RSV3;
import static io.jasyncio.http.ws.Frames.concat;
import static io.jasyncio.http.ws.Frames.hex;
import static io.jasyncio.http.ws.Frames.masked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server-role parsing (masked frames) unless a test says otherwise. */
class WsFrameParserTest {
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] closePayload(int code, String reason) {
        return concat(new byte[] {(byte) (code >>> 8), (byte) code}, utf8(reason));
    }

    private static Frames.Result failsWith(byte[] input, int closeCode) {
        Frames.Result r = Frames.server(input);
        assertThat(r.failure).as("failure for %s", r).isNotNull();
        assertThat(r.failure.closeCode()).as(r.failure.getMessage()).isEqualTo(closeCode);
        return r;
    }

    // ---- delivery ----------------------------------------------------------------------------

    @Test
    void pingBetweenFragmentsIsDeliveredBeforeTheMessage() {
        byte[] input = concat(masked(TEXT, utf8("Hel")), masked(FIN | PING, utf8("p")), masked(FIN, utf8("lo")));
        assertThat(Frames.server(input).messages)
                .containsExactly(WsMessage.ofPing(utf8("p")), WsMessage.ofText("Hello"));
    }

    @Test
    void pongBetweenFragmentsIsDeliveredBeforeTheMessage() {
        byte[] input = concat(masked(BINARY, new byte[] {1}), masked(FIN | PONG, new byte[0]), masked(FIN, new byte[] {2}));
        assertThat(Frames.server(input).messages)
                .containsExactly(WsMessage.ofPong(new byte[0]), WsMessage.ofBinary(new byte[] {1, 2}));
    }

    @Test
    void closeBetweenFragmentsIsDeliveredAndTheRestIgnored() {
        byte[] input = concat(masked(TEXT, utf8("Hel")), masked(FIN | CLOSE, closePayload(1001, "bye")),
                masked(FIN, utf8("lo")));
        Frames.Result r = Frames.server(input);
        assertThat(r.messages).containsExactly(WsMessage.ofClose(1001, "bye"));
        assertThat(r.failure).isNull();
    }

    @Test
    void framesAfterCloseAreIgnored() throws Exception {
        List<WsMessage> got = new ArrayList<>();
        WsFrameParser parser = new WsFrameParser(WsRole.SERVER, got::add);
        parser.feed(ByteBuffer.wrap(concat(masked(FIN | CLOSE, closePayload(1000, "")), masked(FIN | PING, new byte[0]))));
        parser.feed(ByteBuffer.wrap(hex("ff ff ff"))); // garbage would fail if parsed
        assertThat(got).containsExactly(WsMessage.ofClose(1000, ""));
        assertThat(parser.isCloseReceived()).isTrue();
    }

    @Test
    void emptyCloseReportsNoStatusReceived() {
        WsMessage close = Frames.server(masked(FIN | CLOSE, new byte[0])).messages.getFirst();
        assertThat(close.type()).isEqualTo(WsMsgType.CLOSE);
        assertThat(close.closeCode()).isEqualTo(WsCloseCode.NO_STATUS_RECEIVED);
        assertThat(close.text()).isEmpty();
    }

    @Test
    void closeCarriesCodeAndReason() {
        WsMessage close = Frames.server(masked(FIN | CLOSE, closePayload(4000, "done ✓"))).messages.getFirst();
        assertThat(close.closeCode()).isEqualTo(4000);
        assertThat(close.text()).isEqualTo("done ✓");
    }

    @Test
    void emptyTextAndEmptyFragmentsMakeAnEmptyMessage() {
        byte[] input = concat(masked(TEXT, new byte[0]), masked(0, new byte[0]), masked(FIN, new byte[0]));
        assertThat(Frames.server(input).messages).containsExactly(WsMessage.ofText(""));
    }

    @Test
    void controlFrameOf125BytesIsAccepted() {
        byte[] payload = new byte[125];
        assertThat(Frames.server(masked(FIN | PING, payload)).messages).containsExactly(WsMessage.ofPing(payload));
    }

    @Test
    void binaryMessageIsNotCheckedAsUtf8() {
        byte[] notUtf8 = hex("ff fe c0 80");
        assertThat(Frames.server(masked(FIN | BINARY, notUtf8)).messages).containsExactly(WsMessage.ofBinary(notUtf8));
    }

    @Test
    void validUtf8SplitAcrossFragmentsIsAccepted() {
        byte[] emoji = utf8("a😀€"); // 61 | f0 9f 98 80 | e2 82 ac
        byte[] input = concat(masked(TEXT, java.util.Arrays.copyOfRange(emoji, 0, 3)),
                masked(0, java.util.Arrays.copyOfRange(emoji, 3, 6)),
                masked(FIN, java.util.Arrays.copyOfRange(emoji, 6, emoji.length)));
        assertThat(Frames.server(input).messages).containsExactly(WsMessage.ofText("a😀€"));
    }

    @Test
    void messagesBeforeAViolationAreDelivered() {
        byte[] input = concat(masked(FIN | TEXT, utf8("ok")), masked(FIN | 0x3, new byte[0]));
        Frames.Result r = failsWith(input, 1002);
        assertThat(r.messages).containsExactly(WsMessage.ofText("ok"));
    }

    @Test
    void unmaskedFramesAreReadByAClient() {
        assertThat(Frames.client(Frames.frame(FIN | BINARY, new byte[] {7})).messages)
                .containsExactly(WsMessage.ofBinary(new byte[] {7}));
    }

    // ---- protocol errors (1002) --------------------------------------------------------------

    @Test
    void rsv1WithoutDeflateIsAProtocolError() {
        failsWith(masked(FIN | RSV1 | TEXT, utf8("x")), 1002);
    }

    @Test
    void rsv2IsAProtocolError() {
        failsWith(masked(FIN | RSV2 | TEXT, utf8("x")), 1002);
    }

    @Test
    void rsv3IsAProtocolError() {
        failsWith(masked(FIN | RSV3 | TEXT, utf8("x")), 1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
    void reservedOpcodeIsAProtocolError(int opcode) {
        failsWith(masked(FIN | opcode, new byte[0]), 1002);
    }

    @Test
    void fragmentedControlFrameIsAProtocolError() {
        failsWith(masked(PING, utf8("x")), 1002);
    }

    @Test
    void controlFrameOver125BytesIsAProtocolError() {
        failsWith(masked(FIN | PING, new byte[126]), 1002);
    }

    @Test
    void continuationWithoutAStartIsAProtocolError() {
        failsWith(masked(FIN, utf8("lo")), 1002);
    }

    @Test
    void newMessageDuringAFragmentedMessageIsAProtocolError() {
        failsWith(concat(masked(TEXT, utf8("Hel")), masked(FIN | TEXT, utf8("lo"))), 1002);
    }

    @Test
    void sixtyFourBitLengthWithTheTopBitSetIsAProtocolError() {
        failsWith(hex("82 ff 80 00 00 00 00 00 00 01 37 fa 21 3d"), 1002);
    }

    @Test
    void unmaskedFrameToAServerIsAProtocolError() {
        failsWith(Frames.frame(FIN | TEXT, utf8("x")), 1002);
    }

    @Test
    void maskedFrameToAClientIsAProtocolError() {
        Frames.Result r = Frames.client(masked(FIN | TEXT, utf8("x")));
        assertThat(r.failure.closeCode()).isEqualTo(1002);
    }

    @Test
    void closePayloadOfOneByteIsAProtocolError() {
        failsWith(masked(FIN | CLOSE, new byte[] {3}), 1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void invalidCloseCodeIsAProtocolError(int code) {
        failsWith(masked(FIN | CLOSE, closePayload(code, "")), 1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void validCloseCodeIsDelivered(int code) {
        assertThat(Frames.server(masked(FIN | CLOSE, closePayload(code, ""))).messages)
                .containsExactly(WsMessage.ofClose(code, ""));
    }

    // ---- invalid data (1007) -----------------------------------------------------------------

    @Test
    void closeReasonThatIsNotUtf8IsInvalidData() {
        failsWith(masked(FIN | CLOSE, concat(closePayload(1000, ""), hex("ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80"))), 1007);
    }

    @Test
    void textThatIsNotUtf8IsInvalidData() {
        failsWith(masked(FIN | TEXT, hex("48 c0 80")), 1007); // overlong NUL
    }

    @Test
    void surrogateInTextIsInvalidData() {
        failsWith(masked(FIN | TEXT, hex("ed a0 80")), 1007);
    }

    @Test
    void invalidUtf8SplitAcrossFragmentsIsInvalidData() {
        // f4 90 80 80 would be U+110000: the lead byte in one fragment, the bad byte in the next.
        failsWith(concat(masked(TEXT, hex("61 f4")), masked(FIN, hex("90 80 80"))), 1007);
    }

    @Test
    void invalidUtf8FailsBeforeTheFragmentedMessageEnds() {
        // The first fragment is bad: no more input is needed to fail.
        failsWith(masked(TEXT, hex("61 ff")), 1007);
    }

    @Test
    void invalidUtf8FailsBeforeTheFrameEnds() {
        byte[] frame = masked(FIN | TEXT, concat(hex("61 c3 28"), new byte[100]));
        byte[] firstPart = java.util.Arrays.copyOf(frame, 6 + 3); // header + "a", c3, 28
        failsWith(firstPart, 1007);
    }

    @Test
    void textEndingInsideASequenceIsInvalidData() {
        failsWith(concat(masked(TEXT, hex("e2 82")), masked(FIN, new byte[0])), 1007);
    }

    // ---- size limit (1009) -------------------------------------------------------------------

    @Test
    void frameOverTheLimitFailsOnItsHeader() {
        byte[] frame = masked(FIN | BINARY, new byte[101]);
        Frames.Result r = Frames.parse(WsRole.SERVER, 100, null, java.util.Arrays.copyOf(frame, 8));
        assertThat(r.failure.closeCode()).isEqualTo(1009);
    }

    @Test
    void fragmentsOverTheLimitTogetherAreTooBig() {
        byte[] input = concat(masked(BINARY, new byte[60]), masked(FIN, new byte[41]));
        assertThat(Frames.parse(WsRole.SERVER, 100, null, input).failure.closeCode()).isEqualTo(1009);
    }

    @Test
    void messageOfExactlyTheLimitIsAccepted() {
        byte[] input = concat(masked(BINARY, new byte[60]), masked(FIN, new byte[40]));
        assertThat(Frames.parse(WsRole.SERVER, 100, null, input).messages).containsExactly(WsMessage.ofBinary(new byte[100]));
    }

    @Test
    void defaultLimitIsFourMebibytes() {
        assertThat(WsFrameParser.DEFAULT_MAX_MSG_SIZE).isEqualTo(4 * 1024 * 1024);
        byte[] header = hex("82 ff 00 00 00 00 00 40 00 01 00 00 00 00"); // 4 MiB + 1, masked
        assertThat(Frames.server(header).failure.closeCode()).isEqualTo(1009);
    }

    @Test
    void zeroLimitMeansNoLimit() {
        byte[] big = new byte[5 * 1024 * 1024];
        assertThat(Frames.parse(WsRole.SERVER, 0, null, masked(FIN | BINARY, big)).messages)
                .containsExactly(WsMessage.ofBinary(big));
    }

    // ---- parser state ------------------------------------------------------------------------

    @Test
    void afterAViolationTheParserRefusesInput() {
        WsFrameParser parser = new WsFrameParser(WsRole.SERVER, m -> { });
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(masked(FIN | 0x3, new byte[0]))))
                .isInstanceOf(WsProtocolException.class);
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(masked(FIN | TEXT, utf8("x")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed");
        assertThat(parser.failure().closeCode()).isEqualTo(1002);
    }

    @Test
    void closedParserRefusesInput() {
        WsFrameParser parser = new WsFrameParser(WsRole.SERVER, m -> { });
        parser.close();
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(masked(FIN | TEXT, utf8("x")))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listenerFailureLeavesTheRestOfTheBufferToFeed() throws Exception {
        List<WsMessage> got = new ArrayList<>();
        boolean[] first = {true};
        WsFrameParser parser = new WsFrameParser(WsRole.SERVER, m -> {
            got.add(m);
            if (first[0]) {
                first[0] = false;
                throw new IllegalStateException("listener says no");
            }
        });
        byte[] one = masked(FIN | TEXT, utf8("one"));
        ByteBuffer in = ByteBuffer.wrap(concat(one, masked(FIN | TEXT, utf8("two"))));
        assertThatThrownBy(() -> parser.feed(in)).hasMessage("listener says no");
        assertThat(in.position()).isEqualTo(one.length);
        parser.feed(in);
        assertThat(got).containsExactly(WsMessage.ofText("one"), WsMessage.ofText("two"));
    }

    @Test
    void directBuffersAreParsedLikeHeapBuffers() throws Exception {
        byte[] frame = masked(FIN | BINARY, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        ByteBuffer direct = ByteBuffer.allocateDirect(frame.length).put(frame).flip();
        List<WsMessage> got = new ArrayList<>();
        new WsFrameParser(WsRole.SERVER, got::add).feed(direct);
        assertThat(got).containsExactly(WsMessage.ofBinary(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
    }

    @Test
    void negativeLimitIsRejected() {
        assertThatThrownBy(() -> new WsFrameParser(WsRole.SERVER, -1, null, m -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
