package io.jasyncio.testing.snippets;

import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.testing.AsyncTesting.waitAllTasksBlocked;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.net.Connection;
import io.jasyncio.net.ConnectionHandler;
import io.jasyncio.net.Server;
import io.jasyncio.sync.Lock;
import io.jasyncio.testing.AsyncTest;
import io.jasyncio.testing.ExternalWork;
import io.jasyncio.testing.SeedFailure;
import io.jasyncio.testing.Sequencer;
import io.jasyncio.testing.TestLoop;
import io.jasyncio.testing.VirtualClock;
import io.jasyncio.testing.VirtualTime;
import io.jasyncio.testing.net.SimConnection;
import io.jasyncio.testing.net.SimFaults;
import io.jasyncio.testing.net.SimHost;
import io.jasyncio.testing.net.SimLink;
import io.jasyncio.testing.net.SimNetwork;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The examples in the Javadoc of packages {@code io.jasyncio.testing} and
 * {@code io.jasyncio.testing.net}. They are JUnit tests themselves, so that running the module's
 * tests runs them.
 */
class TestingSnippetsTest {

    // @start region="asyncTest"
    @AsyncTest
    void timeoutFires(VirtualClock clock) {
        Future<String> neverDone = Asyncio.getRunningLoop().createFuture();
        assertThatThrownBy(() -> Asyncio.waitFor(neverDone, 30)).isInstanceOf(TimeoutError.class);
        assertThat(clock.time()).isEqualTo(30.0);      // at once, in virtual time
    }
    // @end

    // @start region="seeds"
    // Runs the body under 20 schedules (seeds 0 to 19), each on a fresh loop. A failing seed is
    // reported as a SeedFailure: "failed under schedule seed 7 (run 8 of 20); replay it with
    // @AsyncTest(seed = 7) or -Djasyncio.seed=7: ..."
    @AsyncTest(seeds = 20)
    void lockKeepsTheCounterConsistent() throws Exception {
        Lock lock = new Lock();
        int[] counter = {0};
        Asyncio.gather(() -> increment(lock, counter), () -> increment(lock, counter));
        assertThat(counter[0]).isEqualTo(2);
    }

    private static void increment(Lock lock, int[] counter) {
        try (var _ = lock.acquire()) {
            int seen = counter[0];
            Asyncio.sleep(0);
            counter[0] = seen + 1;
        }
    }
    // @end

    @Test
    void seedFailureNamesTheSeed() {
        // @start region="seedFailure"
        SeedFailure failure = new SeedFailure(7, 8, 20, new AssertionError("expected 2 but was 1"));
        long replay = failure.seed();                     // 7: run @AsyncTest(seed = 7) to replay it
        // @end
        assertThat(replay).isEqualTo(7);
        assertThat(failure).hasMessageContaining("-Djasyncio.seed=7");
    }

    // @start region="asyncTesting"
    @AsyncTest
    void childBlocksOnTheLock() {
        Lock lock = new Lock();
        try (var _ = lock.acquire()) {
            Task<Void> child = createTask(() -> {
                lock.acquire().close();
            });
            waitAllTasksBlocked();               // the child is now blocked in acquire()
            assertThat(lock.locked()).isTrue();
            assertThat(child.done()).isFalse();
        }
    }
    // @end

    // @start region="externalWork"
    @AsyncTest
    void aReplyFromAnotherThreadBeatsTheTimeout(TestLoop loop) throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<String> future = loop.createFuture();
            ExternalWork work = loop.externalWork();
            worker.submit(() -> {
                String reply = blockingCall();
                loop.callSoonThreadsafe(() -> future.setResult(reply));
                work.close();          // after posting the reply, so that it is seen before any jump
            });
            // without the ExternalWork, virtual time would jump 10 s ahead at once and time out
            assertThat(Asyncio.waitFor(future, 10)).isEqualTo("pong");
        } finally {
            worker.shutdown();
        }
    }

    /** Stands in for a blocking client library. */
    private static String blockingCall() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "pong";
    }
    // @end

    // @start region="sequencer"
    @AsyncTest(seeds = 5)
    void stepsRunInTheirOrder() throws Exception {
        List<String> record = new ArrayList<>();
        Sequencer seq = new Sequencer();
        Task<Void> a = createTask(() -> {
            try (var s = seq.step(0)) {
                record.add("a0");
            }
            try (var s = seq.step(2)) {
                record.add("a2");
            }
        });
        Task<Void> b = createTask(() -> {
            try (var s = seq.step(1)) {
                record.add("b1");
            }
        });
        Asyncio.gather(a, b);
        assertThat(record).containsExactly("a0", "b1", "a2");   // whatever the schedule
    }
    // @end

    @Test
    void virtualTimeRun() throws Exception {
        // @start region="virtualTime"
        double elapsed = VirtualTime.run(() -> {
            double start = Asyncio.getRunningLoop().time();
            Asyncio.sleep(3600);
            return Asyncio.getRunningLoop().time() - start;   // 3600.0, at once
        });
        // @end
        assertThat(elapsed).isEqualTo(3600.0);
    }

    @Test
    void testLoopBuilder() throws Exception {
        // @start region="testLoop"
        TestLoop loop = TestLoop.builder()
                .virtualTime(true)
                .autoJump(false)          // time moves only when the test says so
                .seed(42)                 // a permuted, reproducible schedule
                .build();
        try (loop) {
            List<String> fired = new ArrayList<>();
            loop.callLater(60, () -> fired.add("a minute later"));
            loop.runUntilIdle();          // runs what is ready; time does not move
            assertThat(fired).isEmpty();
            loop.advance(Duration.ofMinutes(1));
            assertThat(fired).containsExactly("a minute later");
        }
        // @end
    }

    @Test
    void virtualClock() throws Exception {
        // @start region="virtualClock"
        VirtualClock clock = new VirtualClock();     // jumps to the next timer when every task is blocked
        try (EventLoop loop = EventLoop.create(clock)) {      // any loop can run on virtual time
            Task<Double> t = loop.createTask(() -> {
                Asyncio.sleep(5);
                return clock.time();
            });
            assertThat(loop.runUntilComplete(t)).isEqualTo(5.0);   // at once
            clock.advance(60.0);                                    // or move time by hand
            assertThat(loop.time()).isEqualTo(65.0);
        }
        // @end
    }

    // @start region="simNetwork"
    /** Echoes lines until the client closes (or its connection is reset). */
    static final ConnectionHandler ECHO = (reader, writer) -> {
        try {
            for (byte[] line; (line = reader.readLine()).length > 0; ) {
                writer.write(line);
                writer.drain();
            }
        } catch (IOException reset) {
            // the connection was reset: nothing more to echo
        }
        writer.close();
    };

    @AsyncTest
    void anEchoTakesOneRoundTrip(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);                    // on the test's virtual clock
        net.link("client", "server").latency(0.050);              // 50 ms each way
        SimHost serverHost = net.host("server");
        Server server = serverHost.startServer(ECHO, 7);          // as Streams.startServer
        Connection c = net.host("client").openConnection("server", 7);   // as Streams.openConnection
        double start = loop.time();
        c.writer().write("ping\n".getBytes(UTF_8));
        assertThat(new String(c.reader().readLine(), UTF_8)).isEqualTo("ping\n");
        assertThat(loop.time() - start).isCloseTo(0.1, within(1e-9));     // one round trip, no real time
        c.writer().close();
        server.close();
        server.waitClosed();
    }
    // @end

    // @start region="partition"
    @AsyncTest
    void aPartitionHoldsDataUntilItHeals(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        SimLink link = net.link("client", "server").latency(0.010).bandwidth(1_000_000);   // 10 ms, 1 MB/s
        Server server = net.host("server").startServer(ECHO, 7);
        Connection c = net.host("client").openConnection("server", 7);
        net.partition("client", "server");
        assertThat(link.isPartitioned()).isTrue();
        c.writer().write("held\n".getBytes(UTF_8));
        Task<byte[]> reply = createTask(() -> c.reader().readLine());
        Asyncio.sleep(30);                                        // 30 virtual seconds: nothing crosses
        assertThat(reply.done()).isFalse();
        double healed = loop.time();
        net.heal("client", "server");                             // the held line goes on, in order
        assertThat(new String(Asyncio.await(reply), UTF_8)).isEqualTo("held\n");
        assertThat(loop.time() - healed).isCloseTo(0.020, within(1e-3));   // there and back, plus the wire
        c.writer().close();
        server.close();
        server.waitClosed();
    }
    // @end

    // @start region="reset"
    @AsyncTest
    void aResetFailsTheClientNamingThePeer(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.onConnection(conn -> conn.resetAfter("server", 6));   // the server's 7th byte is an RST
        Server server = net.host("server").startServer(ECHO, 7);
        Connection c = net.host("client").openConnection("server", 7);
        c.writer().write("first\n".getBytes(UTF_8));             // 6 bytes back: they still arrive
        assertThat(new String(c.reader().readLine(), UTF_8)).isEqualTo("first\n");
        c.writer().write("second\n".getBytes(UTF_8));
        assertThatThrownBy(() -> c.reader().readLine()).isInstanceOf(SocketException.class)
                .hasMessageContaining("Connection reset by peer server:7");
        SimConnection conn = net.connections().getFirst();
        assertThat(conn.isReset()).isTrue();
        server.close();
        server.waitClosed();
    }
    // @end

    // @start region="simFaults"
    @AsyncTest
    void seededFaultsResetSomeConnections(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop, 42)                 // the seed picks the faults
                .faults(SimFaults.NONE.withJitter(0.020).withResets(0.5, 20));
        Server server = net.host("server").startServer(ECHO, 7);
        int failed = 0;
        for (int i = 0; i < 10; i++) {
            Connection c = net.host("client").openConnection("server", 7);
            try {
                for (int n = 0; n < 5; n++) {
                    c.writer().write(("line " + n + "\n").getBytes(UTF_8));
                    c.reader().readLine();
                }
            } catch (IOException reset) {
                failed++;                                         // code under test would retry here
            } finally {
                c.writer().close();
            }
        }
        assertThat(failed).isPositive();                             // seed 42 resets some of the ten
        assertThat(net.connections().stream().filter(SimConnection::isReset)).hasSize(failed);
        // net.trace() lists every event with its virtual time: seed 42 gives the same list every run
        server.close();
        server.waitClosed();
    }
    // @end
}
