package io.jasyncio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The virtual clock end to end: manual advance, auto-jump, threshold, ownership (Trio's test_mock_clock); the rule's decisions are in AutoJumpRuleTest. */
@Timeout(60)
class VirtualClockTest {

    private static boolean fastEngine() {
        try (EventLoop loop = EventLoop.create()) {
            return loop.engineName().equals("fast");
        }
    }

    /** The clock starts at 0 and moves only when advanced; it refuses to go backwards. */
    @Test
    void manualAdvanceMovesTimeForwardOnly() {
        VirtualClock clock = new VirtualClock();
        assertThat(clock.time()).isEqualTo(0.0);
        clock.advance(1.5);
        clock.advance(Duration.ofMillis(500));
        assertThat(clock.time()).isEqualTo(2.0);
        assertThat(clock.nanoTime()).isEqualTo(2_000_000_000L);
        assertThatThrownBy(() -> clock.advance(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backwards");
        assertThatThrownBy(() -> clock.advance(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.time()).isEqualTo(2.0);
    }

    /** Auto-jump lands exactly on the next timer's deadline, once per idle point. */
    @Test
    void autoJumpLandsOnTheNextDeadline() throws Exception {
        TestLoop loop = VirtualTime.loop();
        double woke = VirtualTime.run(loop, () -> {
            Asyncio.sleep(7.25);
            return Asyncio.getRunningLoop().time();
        });
        assertThat(woke).isEqualTo(7.25);
        assertThat(loop.virtualClock().autoJumps()).isEqualTo(1);
    }

    /** With auto-jump off time is frozen; a raw advance makes the due timers run on the next iteration. */
    @Test
    void withoutAutoJumpOnlyAdvanceMovesTime() {
        try (TestLoop loop = TestLoop.builder().autoJump(false).build()) {
            Task<Double> sleeper = loop.createTask(() -> {
                Asyncio.sleep(5);
                return Asyncio.getRunningLoop().time();
            });
            loop.runUntilIdle();
            assertThat(sleeper.done()).isFalse();
            loop.virtualClock().advance(4.999);
            loop.runUntilIdle();
            assertThat(sleeper.done()).isFalse();
            loop.virtualClock().advance(0.101);
            loop.runUntilIdle();
            assertThat(sleeper.done()).isTrue();
            assertThat(loop.time()).isEqualTo(5.1, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** An advance from another thread wakes a loop that waits with time frozen. */
    @Test
    void advanceFromAnotherThreadWakesTheLoop() throws Exception {
        TestLoop loop = TestLoop.builder().autoJump(false).build();
        double woke = VirtualTime.run(loop, () -> {
            Task<Double> sleeper = Asyncio.createTask(() -> {
                Asyncio.sleep(5);
                return Asyncio.getRunningLoop().time();
            });
            AsyncTesting.waitAllTasksBlocked(); // the sleeper's timer is set
            Thread.ofPlatform().start(() -> loop.virtualClock().advance(5));
            return Asyncio.await(sleeper);
        });
        assertThat(woke).isEqualTo(5.0);
    }

    /**
     * Fast engine: once the grace has passed, the clock jumps even though a task is parked in a
     * blocking call, so a JDK lock held across a virtual sleep does not deadlock.
     */
    @Test
    void clockJumpsAfterTheGraceDespiteAParkedTask() throws Exception {
        assumeTrue(fastEngine(), "on the fallback engine a blocked lock() blocks the whole loop");
        ReentrantLock lock = new ReentrantLock();
        List<String> log = VirtualTime.run(TestLoop.builder().externalGrace(Duration.ofMillis(5)).build(), () -> {
            List<String> out = new ArrayList<>();
            Task<Void> holder = Asyncio.createTask(() -> {
                lock.lock();
                try {
                    Asyncio.sleep(60);
                    out.add("released@" + Asyncio.getRunningLoop().time());
                } finally {
                    lock.unlock();
                }
            });
            Task<Void> waiter = Asyncio.createTask(() -> {
                lock.lock();
                try {
                    out.add("acquired@" + Asyncio.getRunningLoop().time());
                } finally {
                    lock.unlock();
                }
            });
            Asyncio.gather(holder, waiter);
            return out;
        });
        assertThat(log).containsExactly("released@60.0", "acquired@60.0");
    }

    /** With an auto-jump threshold, the loop stays idle that long in real time before each jump. */
    @Test
    void thresholdDelaysEachJumpInRealTime() throws Exception {
        TestLoop loop = TestLoop.builder().autoJumpThreshold(Duration.ofMillis(50)).build();
        long start = System.nanoTime();
        VirtualTime.run(loop, () -> {
            Asyncio.sleep(3600);
            Asyncio.sleep(3600);
        });
        double realSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(realSeconds).isGreaterThanOrEqualTo(0.1);
        assertThat(loop.virtualClock().time()).isEqualTo(7200.0);
        assertThat(loop.virtualClock().autoJumpThreshold()).isEqualTo(Duration.ofMillis(50));
    }

    /** A virtual clock drives one loop: a second loop that runs on it fails. */
    @Test
    void clockDrivesOneLoopOnly() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (EventLoop first = EventLoop.create(clock)) {
            first.runUntilComplete(() -> Asyncio.sleep(1));
            assertThat(clock.loop()).isSameAs(first);
        }
        try (EventLoop second = EventLoop.create(clock)) {
            assertThatThrownBy(() -> second.runUntilComplete(() -> Asyncio.sleep(1)))
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .rootCause().hasMessageContaining("already drives");
        }
    }

    /** A plain EventLoop on a VirtualClock auto-jumps too. */
    @Test
    void plainLoopOnVirtualClockAutoJumps() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (EventLoop loop = EventLoop.create(clock)) {
            loop.runUntilComplete(() -> Asyncio.sleep(86_400));
            assertThat(loop.time()).isEqualTo(86_400.0);
        }
    }
}
