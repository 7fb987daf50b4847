package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loop's scheduling core: callbacks, timers, errors, running and closing (test_events). */
class EventLoopTest {

    private EventLoop loop;

    @BeforeEach
    void setUp() {
        loop = EventLoop.create();
    }

    @AfterEach
    void tearDown() {
        if (!loop.isRunning()) {
            loop.close();
        }
    }

    /** Callbacks scheduled with callSoon run in the order they were scheduled. */
    @Test
    void callSoonRunsCallbacksInFifoOrder() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            loop.callSoon(() -> order.add(n));
        }
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
    }

    /** A callback scheduled by a callback runs on the next iteration, after those already queued. */
    @Test
    void callbackScheduledDuringIterationRunsAfterAlreadyQueuedOnes() {
        List<String> order = new ArrayList<>();
        loop.callSoon(() -> {
            order.add("a");
            loop.callSoon(() -> order.add("c"));
        });
        loop.callSoon(() -> order.add("b"));
        loop.callSoon(() -> loop.callSoon(loop::stop));
        loop.runForever();
        assertThat(order).containsExactly("a", "b", "c");
    }

    /** A cancelled handle does not run. */
    @Test
    void cancelledHandleDoesNotRun() {
        List<String> ran = new ArrayList<>();
        Handle h = loop.callSoon(() -> ran.add("x"));
        h.cancel();
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(ran).isEmpty();
        assertThat(h.cancelled()).isTrue();
    }

    /** Timers run by deadline, and timers with equal deadlines in scheduling order. */
    @Test
    void timersRunByDeadlineThenBySchedulingOrder() {
        List<String> order = new ArrayList<>();
        double t = loop.time();
        loop.callAt(t + 0.003, () -> order.add("late"));
        loop.callAt(t + 0.001, () -> order.add("tie-1"));
        loop.callAt(t + 0.001, () -> order.add("tie-2"));
        loop.callAt(t + 0.001, () -> order.add("tie-3"));
        loop.callAt(t + 0.004, loop::stop);
        loop.runForever();
        assertThat(order).containsExactly("tie-1", "tie-2", "tie-3", "late");
    }

    /** A timer does not fire before its deadline on the loop's clock. */
    @Test
    void callLaterFiresNoEarlierThanItsDelay() {
        double start = loop.time();
        double[] firedAt = new double[1];
        loop.callLater(0.005, () -> {
            firedAt[0] = loop.time();
            loop.stop();
        });
        loop.runForever();
        assertThat(firedAt[0] - start).isGreaterThanOrEqualTo(0.005);
    }

    /** A cancelled timer never fires, even when many cancelled timers are purged at once. */
    @Test
    void cancelledTimersNeverFireAndArePurged() {
        AtomicInteger fired = new AtomicInteger();
        List<TimerHandle> hs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            hs.add(loop.callLater(0.001, fired::incrementAndGet));
        }
        for (int i = 0; i < 300; i += 2) {
            hs.get(i).cancel();
        }
        loop.callLater(0.002, loop::stop);
        loop.runForever();
        assertThat(fired.get()).isEqualTo(150);
    }

    /** time() is monotonic seconds. */
    @Test
    void timeIsMonotonicSeconds() {
        double a = loop.time();
        double b = loop.time();
        assertThat(b).isGreaterThanOrEqualTo(a);
    }

    /** A throwing callback goes to the exception handler and the loop keeps running. */
    @Test
    void throwingCallbackGoesToExceptionHandlerAndLoopSurvives() {
        List<Map<String, Object>> seen = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> seen.add(ctx));
        RuntimeException boom = new RuntimeException("boom");
        List<String> after = new ArrayList<>();
        loop.callSoon(() -> {
            throw boom;
        });
        loop.callSoon(() -> after.add("still running"));
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("exception")).isSameAs(boom);
        assertThat((String) seen.get(0).get("message")).startsWith("Exception in callback");
        assertThat(seen.get(0).get("handle")).isInstanceOf(Handle.class);
        assertThat(after).containsExactly("still running");
    }

    /** An exception handler that itself throws does not stop the loop. */
    @Test
    void throwingExceptionHandlerDoesNotStopTheLoop() {
        loop.setExceptionHandler((l, ctx) -> {
            throw new IllegalStateException("handler broken");
        });
        List<String> after = new ArrayList<>();
        loop.callSoon(() -> {
            throw new RuntimeException("boom");
        });
        loop.callSoon(() -> after.add("ok"));
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(after).containsExactly("ok");
    }

    /** Callbacks scheduled from four threads at once are all run, none lost. */
    @Test
    void callSoonThreadsafeFromFourThreadsLosesNoCallback() throws Exception {
        int perThread = 10_000;
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        loop.callSoon(started::countDown);
        Thread runner = new Thread(loop::runForever);
        runner.start();
        started.await();
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            producers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    loop.callSoonThreadsafe(ran::incrementAndGet);
                }
            }));
        }
        for (Thread p : producers) {
            p.join();
        }
        loop.callSoonThreadsafe(loop::stop);
        runner.join();
        assertThat(ran.get()).isEqualTo(4 * perThread);
    }

    /** A loop already running refuses to be run from a second thread. */
    @Test
    void runningFromASecondThreadFails() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoon(running::countDown);
        Thread runner = new Thread(loop::runForever);
        runner.start();
        running.await();
        try {
            assertThatThrownBy(loop::runForever)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
        } finally {
            loop.stop();
            runner.join();
        }
    }

    /** Every scheduling call on a closed loop fails clearly. */
    @Test
    void callsOnAClosedLoopFail() {
        loop.close();
        assertThat(loop.isClosed()).isTrue();
        assertThatThrownBy(() -> loop.callSoon(() -> { })).hasMessageContaining("Event loop is closed");
        assertThatThrownBy(() -> loop.callLater(1, () -> { })).hasMessageContaining("Event loop is closed");
        assertThatThrownBy(() -> loop.callSoonThreadsafe(() -> { })).hasMessageContaining("Event loop is closed");
        assertThatThrownBy(loop::runForever).hasMessageContaining("Event loop is closed");
        assertThatThrownBy(() -> loop.createTask(() -> 1)).hasMessageContaining("Event loop is closed");
        assertThatThrownBy(() -> loop.runUntilComplete(() -> 1)).hasMessageContaining("Event loop is closed");
    }

    /** Closing twice is harmless; closing while running fails. */
    @Test
    void closeIsIdempotentButNotWhileRunning() throws Exception {
        AtomicReference<Throwable> error = new AtomicReference<>();
        loop.callSoon(() -> {
            try {
                loop.close();
            } catch (Throwable e) {
                error.set(e);
            }
            loop.stop();
        });
        loop.runForever();
        assertThat(error.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot close a running event loop");
        loop.close();
        loop.close();
        assertThat(loop.isClosed()).isTrue();
    }

    /** stop() called before runForever makes it run one iteration and return. */
    @Test
    void stopBeforeRunForeverRunsOneIteration() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        loop.callSoon(() -> ran.add("first"));
        loop.stop();
        loop.runForever();
        assertThat(ran).containsExactly("first");
        assertThat(loop.isRunning()).isFalse();
    }

    /** In debug mode a non-thread-safe call from a foreign thread while the loop runs throws. */
    @Test
    void debugModeRejectsCallSoonFromForeignThread() throws Exception {
        loop.setDebug(true);
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoon(running::countDown);
        Thread runner = new Thread(loop::runForever);
        runner.start();
        running.await();
        try {
            assertThatThrownBy(() -> loop.callSoon(() -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not thread-safe")
                    .hasMessageContaining("callSoonThreadsafe");
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            runner.join();
        }
    }

    /** Without debug mode, a callSoon from a foreign thread is routed safely and runs. */
    @Test
    void callSoonFromForeignThreadWithoutDebugStillRuns() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoon(running::countDown);
        Thread runner = new Thread(loop::runForever);
        runner.start();
        running.await();
        CountDownLatch ran = new CountDownLatch(1);
        loop.callSoon(ran::countDown);
        ran.await();
        loop.callSoonThreadsafe(loop::stop);
        runner.join();
        assertThat(ran.getCount()).isZero();
    }

    /** Null arguments are rejected with the parameter's name. */
    @Test
    void nullArgumentsAreRejected() {
        assertThatThrownBy(() -> loop.callSoon(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("callback");
        assertThatThrownBy(() -> loop.callLater(1, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("callback");
        assertThatThrownBy(() -> loop.createTask((Coroutine<Object>) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> loop.runUntilComplete((Future<Object>) null)).isInstanceOf(NullPointerException.class);
    }

    /** A loop whose clock jumps to the next timer sleeps an hour of loop time in no real time. */
    @Test
    void loopSchedulesByItsInjectedClock() throws Exception {
        long[] now = {0};
        Clock jumping = new Clock() {
            @Override
            public long nanoTime() {
                return now[0];
            }

            @Override
            public long beforeWait(long timeoutNanos) {
                if (timeoutNanos > 0) {
                    now[0] += timeoutNanos;
                    return 0;
                }
                return timeoutNanos;
            }
        };
        try (EventLoop virtual = EventLoop.create(jumping)) {
            long realStart = System.nanoTime();
            double slept = virtual.runUntilComplete(() -> {
                double t0 = Asyncio.getRunningLoop().time();
                Asyncio.sleep(3600);
                return Asyncio.getRunningLoop().time() - t0;
            });
            assertThat(slept).isEqualTo(3600.0);
            assertThat(System.nanoTime() - realStart).isLessThan(30_000_000_000L);
        }
    }
}
