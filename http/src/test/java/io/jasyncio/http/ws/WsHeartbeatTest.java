package io.jasyncio.http.ws;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The heartbeat: pings after silence, and a peer that stops answering ends a pending receive(). */
@Timeout(30)
class WsHeartbeatTest {

    private static final WsSettings D = WsSettings.DEFAULTS;

    /** A receive() blocked on a silent peer ends with ERROR (a TimeoutError) after heartbeat + heartbeat/2, then CLOSED. */
    @Test
    void silentPeerEndsPendingReceive() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.RawPair r = WsPipe.server(Asyncio.getRunningLoop(), D.withHeartbeat(10));
            double start = Asyncio.getRunningLoop().time();
            WsMessage m = r.server().receive();
            assertThat(Asyncio.getRunningLoop().time() - start).isEqualTo(15.0);
            assertThat(m.type()).isEqualTo(WsMsgType.ERROR);
            assertThat(m.error()).isInstanceOf(TimeoutError.class).hasMessageContaining("PONG");
            assertThat(r.server().receive()).isEqualTo(WsMessage.CLOSED);
            assertThat(r.server().closeCode()).isEqualTo(WsCloseCode.ABNORMAL_CLOSURE);
            assertThat(r.server().exception()).isSameAs(m.error());
            assertThat(r.pipe().server.aborted).isTrue();
            assertThat(r.peer().messages).extracting(WsMessage::type).containsExactly(WsMsgType.PING);
        });
    }

    /** A peer that answers pings keeps the connection open for as long as it lasts, one ping per quiet interval. */
    @Test
    void answeringPeerStaysConnected() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D.withHeartbeat(10));
            Asyncio.sleep(100);
            assertThat(p.server().closed()).isFalse();
            long pings = countFrames(p.pipe().server.written(), 0x89);
            assertThat(pings).isBetween(9L, 10L);
            p.client().sendStr("alive");
            assertThat(p.server().receiveStr()).isEqualTo("alive");
        });
    }

    /** Incoming traffic counts as a sign of life: no ping is sent while the peer keeps talking. */
    @Test
    void trafficPostponesPings() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D.withHeartbeat(10));
            Task<Void> talker = Asyncio.createTask(() -> {
                for (int i = 0; i < 20; i++) {
                    Asyncio.sleep(4);
                    p.client().sendStr("tick");
                }
            });
            for (int i = 0; i < 20; i++) {
                assertThat(p.server().receiveStr()).isEqualTo("tick");
            }
            Asyncio.await(talker);
            assertThat(countFrames(p.pipe().server.written(), 0x89)).isZero();
        });
    }

    /** The heartbeat stops once the connection closes: no ping follows the close frame. */
    @Test
    void heartbeatStopsAfterClose() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D.withHeartbeat(10));
            p.server().close();
            int before = p.pipe().server.written().length;
            Asyncio.sleep(60);
            assertThat(p.pipe().server.written()).hasSize(before);
            assertThat(p.server().closeCode()).isEqualTo(1000);
        });
    }

    /** Counts unmasked frames with the given first byte in a server's output (frames of at most 125 bytes only). */
    static long countFrames(byte[] out, int firstByte) {
        long n = 0;
        int i = 0;
        while (i + 1 < out.length) {
            int len = out[i + 1] & 0x7F;
            int header = 2;
            if (len == 126) {
                len = ((out[i + 2] & 0xFF) << 8) | (out[i + 3] & 0xFF);
                header = 4;
            } else if (len == 127) {
                throw new IllegalArgumentException("64-bit lengths are not expected here");
            }
            if ((out[i] & 0xFF) == firstByte) {
                n++;
            }
            i += header + len;
        }
        return n;
    }
}
