package io.jasyncio.http.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WsCloseCodeTest {

    @Test
    void validCodesAreExactlyTheRegisteredOnesAndTheApplicationRange() {
        int[] valid = IntStream.range(0, 70_000).filter(WsCloseCode::isValidOnWire).toArray();
        int[] expected = IntStream.concat(
                IntStream.of(1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014),
                IntStream.rangeClosed(3000, 4999)).toArray();
        assertThat(valid).isEqualTo(expected);
    }

    @Test
    void constantsHaveTheRfcValues() {
        assertThat(new int[] {WsCloseCode.OK, WsCloseCode.GOING_AWAY, WsCloseCode.PROTOCOL_ERROR,
            WsCloseCode.UNSUPPORTED_DATA, WsCloseCode.INVALID_TEXT, WsCloseCode.POLICY_VIOLATION,
            WsCloseCode.MESSAGE_TOO_BIG, WsCloseCode.MANDATORY_EXTENSION, WsCloseCode.INTERNAL_ERROR})
                .containsExactly(1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011);
    }
}
