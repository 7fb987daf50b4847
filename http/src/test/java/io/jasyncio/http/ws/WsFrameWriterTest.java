package io.jasyncio.http.ws;

import static io.jasyncio.http.ws.Frames.bytes;
import static io.jasyncio.http.ws.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WsFrameWriterTest {

    @Test
    void closeFrameCarriesCodeThenReason() {
        assertThat(bytes(WsFrameWriter.forServer(null).encodeClose(1000, "ok")))
                .isEqualTo(hex("88 04 03 e8 6f 6b"));
    }

    @Test
    void closeWithoutCodeHasAnEmptyPayload() {
        assertThat(bytes(WsFrameWriter.forServer(null).encodeClose())).isEqualTo(hex("88 00"));
    }

    @Test
    void nothingMayBeEncodedAfterClose() {
        WsFrameWriter writer = WsFrameWriter.forServer(null);
        writer.encodeClose(1001, "");
        assertThat(writer.isCloseWritten()).isTrue();
        assertThatThrownBy(() -> writer.encodeText("late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.encodePing(new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeCodeThatMayNotBeSentIsRejected() {
        assertThatThrownBy(() -> WsFrameWriter.forServer(null).encodeClose(1005, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1005");
    }

    @Test
    void closeReasonOver123BytesIsRejected() {
        WsFrameWriter writer = WsFrameWriter.forServer(null);
        assertThat(writer.encodeClose(1000, "x".repeat(123)).remaining()).isEqualTo(2 + 125);
        assertThatThrownBy(() -> WsFrameWriter.forServer(null).encodeClose(1000, "é".repeat(62)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("124 bytes");
    }

    @Test
    void controlPayloadOver125BytesIsRejected() {
        assertThatThrownBy(() -> WsFrameWriter.forServer(null).encodePing(new byte[126]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("125");
    }

    @Test
    void controlFramesAreNotFragmented() {
        WsFrameWriter writer = new WsFrameWriter(WsRole.SERVER, null, null, -1, 10);
        assertThat(writer.encodePong(new byte[100]).remaining()).isEqualTo(2 + 100);
    }

    @Test
    void emptyMessageIsOneFrameEvenWhenFragmenting() {
        WsFrameWriter writer = new WsFrameWriter(WsRole.SERVER, null, null, -1, 10);
        assertThat(bytes(writer.encodeBinary(new byte[0]))).isEqualTo(hex("82 00"));
    }

    @Test
    void messageOfExactlyTheFrameSizeIsOneFrame() {
        WsFrameWriter writer = new WsFrameWriter(WsRole.SERVER, null, null, -1, 4);
        assertThat(bytes(writer.encodeBinary(new byte[] {1, 2, 3, 4}))).isEqualTo(hex("82 04 01 02 03 04"));
    }

    @Test
    void binarySliceIsEncoded() {
        byte[] data = {9, 8, 7, 6};
        assertThat(bytes(WsFrameWriter.forServer(null).encodeBinary(data, 1, 2, false))).isEqualTo(hex("82 02 08 07"));
    }

    @Test
    void clientWriterNeedsAMaskSource() {
        assertThatThrownBy(() -> WsFrameWriter.forClient(null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void maskingDoesNotChangeTheCallersArray() {
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        WsFrameWriter.forClient(Frames.keys(0xdeadbeef), null).encodeBinary(data);
        assertThat(data).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }
}
