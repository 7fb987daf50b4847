package io.jasyncio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The auto-jump rule, decision by decision. Each test brings the loop to an idle point (another
 * task sleeps 10 s; the test task has just returned from waitAllTasksBlocked, so nothing else is
 * ready) and asks the clock what it would do there, as the loop does before it waits.
 */
@Timeout(60)
class AutoJumpRuleTest {

    private static final long TEN_SECONDS = 10_000_000_000L;

    private static boolean fastEngine() {
        try (EventLoop loop = EventLoop.create()) {
            return loop.engineName().equals("fast");
        }
    }

    /** Runs body as the main task of loop, next to a task that sleeps 10 s, from an idle point. */
    private static void atIdlePoint(TestLoop loop, io.jasyncio.VoidCoroutine body) throws Exception {
        VirtualTime.run(loop, () -> {
            Task<Void> sleeper = Asyncio.createTask(() -> Asyncio.sleep(10), "sleeper");
            AsyncTesting.waitAllTasksBlocked();
            body.run();
            sleeper.cancel();
        });
    }

    /** At a quiet idle point the clock jumps straight to the next deadline and lets the loop poll. */
    @Test
    void quietIdlePointJumps() throws Exception {
        TestLoop loop = VirtualTime.loop();
        VirtualClock clock = loop.virtualClock();
        atIdlePoint(loop, () -> {
            assertThat(clock.beforeWait(TEN_SECONDS)).isZero();
            assertThat(clock.time()).isEqualTo(10.0);
        });
    }

    /** The clock does not jump while declared external work is in flight: the loop waits until woken. */
    @Test
    void declaredExternalWorkPreventsTheJump() throws Exception {
        TestLoop loop = VirtualTime.loop();
        VirtualClock clock = loop.virtualClock();
        atIdlePoint(loop, () -> {
            try (ExternalWork work = loop.externalWork()) {
                assertThat(work.isOpen()).isTrue();
                assertThat(clock.beforeWait(TEN_SECONDS)).isEqualTo(-1);
                assertThat(clock.time()).isZero();
            }
            assertThat(clock.beforeWait(TEN_SECONDS)).isZero();
            assertThat(clock.time()).isEqualTo(10.0);
        });
    }

    /** Work that arrived from another thread is run before any jump. */
    @Test
    void inboundWorkIsRunBeforeAJump() throws Exception {
        TestLoop loop = VirtualTime.loop();
        VirtualClock clock = loop.virtualClock();
        atIdlePoint(loop, () -> {
            java.util.concurrent.atomic.AtomicBoolean posted = new java.util.concurrent.atomic.AtomicBoolean();
            Thread.ofPlatform().start(() -> {
                loop.callSoonThreadsafe(() -> { });
                posted.set(true);
            });
            while (!posted.get()) {
                Thread.onSpinWait(); // spin, not park: the loop must not run meanwhile
            }
            assertThat(clock.beforeWait(TEN_SECONDS)).isZero();
            assertThat(clock.time()).isZero();
        });
    }

    /** With auto-jump off the clock never jumps: the loop waits until woken. */
    @Test
    void autoJumpOffFreezesTime() throws Exception {
        TestLoop loop = VirtualTime.loop();
        VirtualClock clock = loop.virtualClock();
        atIdlePoint(loop, () -> {
            clock.setAutoJump(false);
            assertThat(clock.beforeWait(TEN_SECONDS)).isEqualTo(-1);
            assertThat(clock.time()).isZero();
            clock.setAutoJump(true);
        });
    }

    /** With no timer pending there is nothing to jump to: the loop waits until woken. */
    @Test
    void noTimerMeansWaitUntilWoken() throws Exception {
        TestLoop loop = VirtualTime.loop();
        VirtualClock clock = loop.virtualClock();
        atIdlePoint(loop, () -> assertThat(clock.beforeWait(-1)).isEqualTo(-1));
    }

    /** A threshold makes the loop wait that much real time (at most) before the first jump. */
    @Test
    void thresholdAsksForARealWaitFirst() throws Exception {
        TestLoop loop = TestLoop.builder().autoJumpThreshold(Duration.ofSeconds(30)).build();
        VirtualClock clock = loop.virtualClock();
        atIdlePoint(loop, () -> {
            long wait = clock.beforeWait(TEN_SECONDS);
            assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30).toNanos());
            assertThat(clock.time()).isZero();
            clock.setAutoJumpThreshold(Duration.ZERO);
            assertThat(clock.beforeWait(TEN_SECONDS)).isZero();
            assertThat(clock.time()).isEqualTo(10.0);
        });
    }

    /** Fast engine: a task parked in a blocking JDK call makes the clock wait for the external grace first. */
    @Test
    void parkedTaskAsksForTheExternalGrace() throws Exception {
        assumeTrue(fastEngine(), "only the fast engine parks a task (not the loop) in a blocking JDK call");
        TestLoop loop = TestLoop.builder().externalGrace(Duration.ofSeconds(30)).build();
        VirtualClock clock = loop.virtualClock();
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
        atIdlePoint(loop, () -> {
            Task<String> taker = Asyncio.createTask(queue::take, "taker");
            AsyncTesting.waitAllTasksBlocked();
            long wait = clock.beforeWait(TEN_SECONDS);
            assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30).toNanos());
            assertThat(clock.time()).isZero();
            clock.setExternalGrace(Duration.ZERO);
            assertThat(clock.beforeWait(TEN_SECONDS)).isZero();
            assertThat(clock.time()).isEqualTo(10.0);
            queue.add("done");
            assertThat(Asyncio.await(taker)).isEqualTo("done");
        });
    }

    /** A task suspended on the loop (an await, a sleep) does not count as work outside the loop. */
    @Test
    void tasksSuspendedOnTheLoopNeedNoGrace() throws Exception {
        TestLoop loop = TestLoop.builder().externalGrace(Duration.ofSeconds(30)).build();
        VirtualClock clock = loop.virtualClock();
        atIdlePoint(loop, () -> {
            Asyncio.createTask(() -> Asyncio.await(Asyncio.getRunningLoop().createFuture()), "awaiting");
            AsyncTesting.waitAllTasksBlocked();
            assertThat(clock.beforeWait(TEN_SECONDS)).isZero();
            assertThat(clock.time()).isEqualTo(10.0);
        });
    }
}
