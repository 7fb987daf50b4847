package io.jasyncio.http.ws;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The closing handshake, its time-out, and how the end of a connection shows in receive(). */
@Timeout(30)
class WsClosingTest {

    private static final WsSettings D = WsSettings.DEFAULTS;

    /** close(code, reason): the peer sees both, answers with the same code, and both sockets close. */
    @Test
    void closeHandshakeCarriesCodeAndReason() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            Task<WsMessage> server = Asyncio.createTask(() -> p.server().receive());
            assertThat(p.client().close(4001, "bye")).isTrue();
            WsMessage close = Asyncio.await(server);
            assertThat(close.type()).isEqualTo(WsMsgType.CLOSE);
            assertThat(close.closeCode()).isEqualTo(4001);
            assertThat(close.text()).isEqualTo("bye");
            assertThat(p.client().closeCode()).isEqualTo(4001);
            assertThat(p.server().closeCode()).isEqualTo(4001);
            assertThat(p.server().receive()).isEqualTo(WsMessage.CLOSED);
            assertThat(p.client().receive()).isEqualTo(WsMessage.CLOSED);
            Asyncio.sleep(0);
            assertThat(p.pipe().client.finished()).isTrue();
            assertThat(p.pipe().server.finished()).isTrue();
        });
    }

    /** A second close() returns false at once. */
    @Test
    void secondCloseReturnsFalse() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            assertThat(p.client().close(1000, "")).isTrue();
            assertThat(p.client().close(1001, "")).isFalse();
        });
    }

    /** An invalid close code or an over-long reason is refused before anything is sent. */
    @Test
    void invalidCloseArgumentsAreRefused() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            assertThatThrownBy(() -> p.client().close(1005, "")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> p.client().close(1000, "r".repeat(124))).isInstanceOf(IllegalArgumentException.class);
            assertThat(p.client().closed()).isFalse();
            p.client().sendStr("still open");
            assertThat(p.server().receiveStr()).isEqualTo("still open");
        });
    }

    /** A peer that never answers the close frame: close() gives up after the timeout with 1006 and a TimeoutError. */
    @Test
    void closeTimesOutOnSilentPeer() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.RawPair r = WsPipe.server(Asyncio.getRunningLoop(), D.withTimeout(3));
            double start = Asyncio.getRunningLoop().time();
            assertThat(r.server().close(1000, "")).isTrue();
            assertThat(Asyncio.getRunningLoop().time() - start).isEqualTo(3.0);
            assertThat(r.server().closeCode()).isEqualTo(WsCloseCode.ABNORMAL_CLOSURE);
            assertThat(r.server().exception()).isInstanceOf(TimeoutError.class);
            assertThat(r.pipe().server.aborted).isTrue();
            assertThat(r.peer().close().closeCode()).isEqualTo(1000);
        });
    }

    /** close() from another task ends a pending receive() with CLOSING, then receive() gives CLOSED. */
    @Test
    void closeFromAnotherTaskWakesReceiver() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            Task<WsMessage> receiver = Asyncio.createTask(() -> p.client().receive());
            Asyncio.sleep(0);
            assertThat(p.client().close(1000, "")).isTrue();
            assertThat(Asyncio.await(receiver)).isEqualTo(WsMessage.CLOSING);
            assertThat(p.client().receive()).isEqualTo(WsMessage.CLOSED);
        });
    }

    /** Without autoclose, the application sees the CLOSE first; its next receive() answers it and gives CLOSED. */
    @Test
    void withoutAutocloseTheApplicationAnswers() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D.withAutoclose(false));
            Task<Boolean> closer = Asyncio.createTask(() -> p.client().close(1001, "away"));
            WsMessage close = p.server().receive();
            assertThat(close.type()).isEqualTo(WsMsgType.CLOSE);
            assertThat(closer.done()).isFalse();
            assertThat(p.server().closed()).isFalse();
            p.server().sendStr("last words"); // still allowed before our close frame
            assertThat(p.server().receive()).isEqualTo(WsMessage.CLOSED);
            assertThat(Asyncio.await(closer)).isTrue();
            assertThat(p.client().closeCode()).isEqualTo(1000);
            assertThat(p.server().closeCode()).isEqualTo(1001);
        });
    }

    /** The socket ending without a close frame shows as CLOSED with code 1006. */
    @Test
    void endOfStreamWithoutCloseFrameIs1006() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.RawPair r = WsPipe.server(Asyncio.getRunningLoop(), D);
            Task<WsMessage> receiver = Asyncio.createTask(() -> r.server().receive());
            r.pipe().client.close();
            assertThat(Asyncio.await(receiver)).isEqualTo(WsMessage.CLOSED);
            assertThat(r.server().closeCode()).isEqualTo(WsCloseCode.ABNORMAL_CLOSURE);
            assertThat(r.server().closed()).isTrue();
        });
    }

    /** A socket lost with an error shows as ERROR carrying it, then CLOSED. */
    @Test
    void lostSocketIsAnError() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.RawPair r = WsPipe.server(Asyncio.getRunningLoop(), D);
            Task<WsMessage> receiver = Asyncio.createTask(() -> r.server().receive());
            r.pipe().client.abort();
            WsMessage m = Asyncio.await(receiver);
            assertThat(m.type()).isEqualTo(WsMsgType.ERROR);
            assertThat(m.error()).isInstanceOf(IOException.class).hasMessageContaining("reset");
            assertThat(r.server().exception()).isSameAs(m.error());
            assertThat(r.server().receive()).isEqualTo(WsMessage.CLOSED);
            assertThat(r.server().closeCode()).isEqualTo(WsCloseCode.ABNORMAL_CLOSURE);
        });
    }

    /** receive() after the end gives CLOSED five times, then refuses (a loop that never checks would spin). */
    @Test
    void endlessReceiveAfterEndIsRefused() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            p.client().close();
            for (int i = 0; i < 5; i++) {
                assertThat(p.client().receive()).isEqualTo(WsMessage.CLOSED);
            }
            assertThatThrownBy(() -> p.client().receive()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        });
    }

    /** Cancelling a task inside close() aborts the socket with 1006 and lets the cancellation through. */
    @Test
    void cancelledCloseAborts() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.RawPair r = WsPipe.server(Asyncio.getRunningLoop(), D);
            Task<Boolean> closer = Asyncio.createTask(() -> r.server().close(1000, ""));
            Asyncio.sleep(1);
            closer.cancel();
            assertThatThrownBy(() -> Asyncio.await(closer)).isInstanceOf(io.jasyncio.CancelledError.class);
            assertThat(r.server().closeCode()).isEqualTo(WsCloseCode.ABNORMAL_CLOSURE);
            assertThat(r.pipe().server.aborted).isTrue();
        });
    }
}
