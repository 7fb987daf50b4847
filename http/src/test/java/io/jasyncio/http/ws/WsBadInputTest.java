package io.jasyncio.http.ws;

import io.jasyncio.http.VirtualTimeLoop;

import static io.jasyncio.http.ws.Frames.FIN;
import static io.jasyncio.http.ws.Frames.RSV2;
import static io.jasyncio.http.ws.Frames.concat;
import static io.jasyncio.http.ws.Frames.frame;
import static io.jasyncio.http.ws.Frames.masked;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A peer breaking the protocol: the server sends a close frame with the matching code, closes the
 * socket without waiting, and the application gets an ERROR message carrying the violation.
 */
@Timeout(30)
class WsBadInputTest {

    static Stream<Arguments> violations() {
        byte[] ok = masked(FIN | 0x1, "fine".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("unmasked client frame", frame(FIN | 0x1, "x".getBytes(StandardCharsets.UTF_8)), 1002),
                Arguments.of("reserved bit RSV2", masked(FIN | RSV2 | 0x1, new byte[] {'x'}), 1002),
                Arguments.of("reserved opcode 0x3", masked(FIN | 0x3, new byte[0]), 1002),
                Arguments.of("invalid UTF-8", masked(FIN | 0x1, new byte[] {'a', (byte) 0xC3, (byte) 0x28}), 1007),
                Arguments.of("close with code 1005", masked(FIN | 0x8, new byte[] {0x03, (byte) 0xED}), 1002),
                Arguments.of("close with code 999", masked(FIN | 0x8, new byte[] {0x03, (byte) 0xE7}), 1002),
                Arguments.of("oversized message", masked(FIN | 0x2, new byte[1025]), 1009),
                Arguments.of("oversized across fragments", concat(masked(0x2, new byte[600]), masked(0x0, new byte[600])), 1009),
                Arguments.of("fragmented ping", masked(0x9, new byte[0]), 1002),
                Arguments.of("violation after a good message", concat(ok, frame(FIN | 0x1, new byte[0])), 1002));
    }

    /** Each violation closes with its code; messages before it are still delivered, then ERROR, then CLOSED. */
    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("violations")
    void violationClosesWithItsCode(String what, byte[] input, int code) throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.RawPair r = WsPipe.server(Asyncio.getRunningLoop(), WsSettings.DEFAULTS.withMaxMsgSize(1024));
            Task<WsMessage> receiver = Asyncio.createTask(() -> {
                WsMessage m = r.server().receive();
                return m.type() == WsMsgType.TEXT ? r.server().receive() : m;
            });
            r.send(input);
            WsMessage m = Asyncio.await(receiver);
            assertThat(m.type()).as(what).isEqualTo(WsMsgType.ERROR);
            assertThat(m.error()).isInstanceOf(WsProtocolException.class);
            assertThat(((WsProtocolException) m.error()).closeCode()).isEqualTo(code);
            assertThat(r.server().closeCode()).isEqualTo(code);
            assertThat(r.server().exception()).isSameAs(m.error());
            assertThat(r.server().receive()).isEqualTo(WsMessage.CLOSED);
            Asyncio.sleep(0);
            assertThat(r.peer().close().closeCode()).isEqualTo(code);
            assertThat(r.peer().eof).as("socket closed without waiting for the peer").isTrue();
        });
    }
}
