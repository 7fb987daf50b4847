package io.jasyncio.http.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WsHandshakeTest {

    @Test
    void acceptKeyMatchesTheRfcExample() {
        assertThat(WsHandshake.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="))
                .isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void newKeyIsBase64OfSixteenRandomBytes() {
        String key = WsHandshake.newKey(new Random(1));
        assertThat(key).hasSize(24);
        assertThat(Base64.getDecoder().decode(key)).hasSize(16);
        assertThat(WsHandshake.newKey(new Random(2))).isNotEqualTo(key);
    }

    @Test
    void validKeyIsBase64OfExactlySixteenBytes() {
        assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZQ==")).isTrue();
        assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZQ")).isFalse(); // unpadded
        assertThat(WsHandshake.isValidKey(Base64.getEncoder().encodeToString(new byte[15]))).isFalse();
        assertThat(WsHandshake.isValidKey(Base64.getEncoder().encodeToString(new byte[17]))).isFalse();
        assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZ!==")).isFalse();
        assertThat(WsHandshake.isValidKey(null)).isFalse();
    }
}
