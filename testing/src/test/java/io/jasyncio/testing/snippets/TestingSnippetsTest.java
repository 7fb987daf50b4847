package io.jasyncio.testing.snippets;

import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.testing.AsyncTesting.waitAllTasksBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.sync.Lock;
import io.jasyncio.testing.AsyncTest;
import io.jasyncio.testing.ExternalWork;
import io.jasyncio.testing.SeedFailure;
import io.jasyncio.testing.Sequencer;
import io.jasyncio.testing.TestLoop;
import io.jasyncio.testing.VirtualClock;
import io.jasyncio.testing.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The examples in the Javadoc of package {@code io.jasyncio.testing}. They are JUnit tests
 * themselves, so that running the module's tests runs them.
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
}
