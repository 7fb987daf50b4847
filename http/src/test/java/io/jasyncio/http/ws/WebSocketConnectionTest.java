package io.jasyncio.http.ws;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Messages between two in-memory WebSocket ends (client and server role) on virtual time. */
@Timeout(30)
class WebSocketConnectionTest {

    private static final WsSettings D = WsSettings.DEFAULTS;

    /** Text and binary messages arrive whole, typed and in order. */
    @Test
    void textAndBinaryArriveInOrder() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            p.client().sendStr("héllo");
            p.client().sendBytes(new byte[] {1, 2, 3});
            p.server().sendStr("back");
            WsMessage a = p.server().receive();
            WsMessage b = p.server().receive();
            assertThat(a.type()).isEqualTo(WsMsgType.TEXT);
            assertThat(a.text()).isEqualTo("héllo");
            assertThat(b.type()).isEqualTo(WsMsgType.BINARY);
            assertThat(b.data()).containsExactly(1, 2, 3);
            assertThat(p.client().receiveStr()).isEqualTo("back");
        });
    }

    /** receiveStr, receiveBytes and receiveJson unwrap the message of their type. */
    @Test
    void typedReceives() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            p.client().sendStr("s");
            p.client().sendBytes("b".getBytes(StandardCharsets.UTF_8));
            p.client().sendJson(Map.of("n", 42));
            assertThat(p.server().receiveStr()).isEqualTo("s");
            assertThat(p.server().receiveBytes()).isEqualTo("b".getBytes(StandardCharsets.UTF_8));
            assertThat(p.server().receiveJson(Map.class)).isEqualTo(Map.of("n", 42));
        });
    }

    /** receiveStr on a binary message fails naming it, and hands the message over. */
    @Test
    void receiveStrOnBinaryFails() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            p.client().sendBytes(new byte[] {7});
            assertThatThrownBy(() -> p.server().receiveStr())
                    .isInstanceOf(WsUnexpectedMessageException.class)
                    .hasMessageContaining("BINARY")
                    .satisfies(e -> assertThat(((WsUnexpectedMessageException) e).received().data()).containsExactly(7));
        });
    }

    /** Iteration yields every message and ends when the peer closes; both ends agree on the code. */
    @Test
    void iterationEndsAtPeerClose() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            Task<List<String>> reader = Asyncio.createTask(() -> {
                List<String> got = new ArrayList<>();
                for (WsMessage m : p.server()) {
                    got.add(m.text());
                }
                return got;
            });
            for (int i = 0; i < 3; i++) {
                p.client().sendStr("m" + i);
            }
            assertThat(p.client().close(WsCloseCode.OK, "done")).isTrue();
            assertThat(Asyncio.await(reader)).containsExactly("m0", "m1", "m2");
            assertThat(p.server().closeCode()).isEqualTo(1000);
            assertThat(p.client().closeCode()).isEqualTo(1000);
            assertThat(p.server().exception()).isNull();
        });
    }

    /** Several tasks sending at once through a small write buffer: every message arrives whole, each task's in order. */
    @Test
    void concurrentSendsAreSerialised() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D, null, 1024);
            int tasks = 10;
            int each = 50;
            List<Task<Void>> senders = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                int id = t;
                senders.add(Asyncio.createTask(() -> {
                    for (int i = 0; i < each; i++) {
                        p.client().sendStr(id + ":" + i + ":" + ("x".repeat(10_000 + id * 7 + i)));
                    }
                }));
            }
            int[] next = new int[tasks];
            for (int n = 0; n < tasks * each; n++) {
                String[] parts = p.server().receiveStr().split(":");
                int id = Integer.parseInt(parts[0]);
                int seq = Integer.parseInt(parts[1]);
                assertThat(seq).isEqualTo(next[id]++);
                assertThat(parts[2]).hasSize(10_000 + id * 7 + seq).matches("x+");
            }
            Asyncio.gather(senders);
            assertThat(next).containsOnly(each);
        });
    }

    /** With permessage-deflate agreed, messages travel compressed and arrive intact. */
    @Test
    void permessageDeflateRoundTrip() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D, WsDeflateParams.DEFAULT, 1 << 20);
            String text = "compress me ".repeat(1000);
            p.client().sendStr(text);
            p.client().sendBytes(new byte[5000]);
            assertThat(p.server().receiveStr()).isEqualTo(text);
            assertThat(p.server().receiveBytes()).hasSize(5000).containsOnly(0);
            assertThat(p.pipe().client.written().length).isLessThan(1000);
            assertThat(p.server().deflate()).isEqualTo(WsDeflateParams.DEFAULT);
        });
    }

    /** receive(timeout) with nothing to read throws TimeoutError after that time and leaves the connection usable. */
    @Test
    void receiveTimeoutKeepsConnection() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            double start = Asyncio.getRunningLoop().time();
            assertThatThrownBy(() -> p.server().receive(5)).isInstanceOf(TimeoutError.class);
            assertThat(Asyncio.getRunningLoop().time() - start).isEqualTo(5.0);
            assertThat(p.server().closed()).isFalse();
            assertThat(p.server().closeCode()).isZero();
            p.client().sendStr("late");
            assertThat(p.server().receiveStr()).isEqualTo("late");
        });
    }

    /** The receiveTimeout setting applies to receive() with no argument. */
    @Test
    void receiveTimeoutSetting() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D.withReceiveTimeout(2));
            double start = Asyncio.getRunningLoop().time();
            assertThatThrownBy(() -> p.server().receive()).isInstanceOf(TimeoutError.class);
            assertThat(Asyncio.getRunningLoop().time() - start).isEqualTo(2.0);
        });
    }

    /** A second task calling receive() while one waits is refused. */
    @Test
    void concurrentReceiveIsRefused() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            Task<WsMessage> first = Asyncio.createTask(() -> p.server().receive());
            Asyncio.sleep(0);
            assertThatThrownBy(() -> p.server().receive())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Concurrent");
            p.client().sendStr("x");
            assertThat(Asyncio.await(first).text()).isEqualTo("x");
        });
    }

    /** Sending after close() has begun throws SocketException. */
    @Test
    void sendAfterCloseFails() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D);
            p.client().close();
            assertThat(p.client().closed()).isTrue();
            assertThatThrownBy(() -> p.client().sendStr("x"))
                    .isInstanceOf(SocketException.class).hasMessageContaining("closing");
        });
    }

    /** With autoping, a ping is answered with a pong of the same data and is not shown to the application. */
    @Test
    void autopingAnswersPings() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D.withAutoping(false), D);
            p.client().ping("hi".getBytes(StandardCharsets.UTF_8));
            p.client().sendStr("after");
            assertThat(p.server().receiveStr()).isEqualTo("after");
            WsMessage pong = p.client().receive();
            assertThat(pong.type()).isEqualTo(WsMsgType.PONG);
            assertThat(new String(pong.data(), StandardCharsets.UTF_8)).isEqualTo("hi");
        });
    }

    /** Without autoping, pings reach the application and are not answered by themselves. */
    @Test
    void withoutAutopingPingsReachTheApplication() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D.withAutoping(false));
            p.client().ping(new byte[] {9});
            WsMessage ping = p.server().receive();
            assertThat(ping.type()).isEqualTo(WsMsgType.PING);
            assertThat(ping.data()).containsExactly(9);
            Asyncio.sleep(0);
            assertThat(p.pipe().server.written()).isEmpty();
        });
    }

    /** Received messages beyond readLimit pause reading; the sender then waits in drain until the receiver catches up. */
    @Test
    void backPressurePausesReadingAndSender() throws Exception {
        VirtualTimeLoop.run(() -> {
            WsPipe.Pair p = WsPipe.open(Asyncio.getRunningLoop(), D, D.withReadLimit(64 * 1024), null, 64 * 1024);
            byte[] chunk = new byte[16 * 1024];
            Task<Void> sender = Asyncio.createTask(() -> {
                for (int i = 0; i < 100; i++) {
                    p.client().sendBytes(chunk);
                }
            });
            for (int i = 0; i < 50; i++) {
                Asyncio.sleep(0);
            }
            assertThat(p.pipe().server.pauses).isPositive();
            assertThat(sender.done()).isFalse();
            for (int i = 0; i < 100; i++) {
                assertThat(p.server().receiveBytes()).hasSize(chunk.length);
            }
            Asyncio.await(sender);
        });
    }
}
