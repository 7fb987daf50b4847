package io.jasyncio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stepping a TestLoop from the test's thread: runUntilIdle and advance (OkHttp's TaskFaker). */
class TestLoopTest {

    private final TestLoop loop = TestLoop.builder().autoJump(false).build();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void tearDown() {
        loop.close();
    }

    /** runUntilIdle runs ready callbacks and everything they schedule, but no timer in the future. */
    @Test
    void runUntilIdleRunsReadyWorkButNotFutureTimers() {
        loop.callSoon(() -> {
            log.add("a");
            loop.callSoon(() -> log.add("b"));
        });
        loop.callLater(1, () -> log.add("timer"));
        loop.runUntilIdle();
        assertThat(log).containsExactly("a", "b");
        assertThat(loop.time()).isEqualTo(0.0);
        assertThat(loop.isIdle()).isTrue();
    }

    /** runUntilIdle runs tasks until each is blocked, and leaves them blocked. */
    @Test
    void runUntilIdleStopsWhenEveryTaskIsBlocked() {
        Future<String> gate = loop.createFuture();
        Task<String> t = loop.createTask(() -> {
            log.add("started");
            return Asyncio.await(gate) + "!";
        }, "waiter");
        loop.runUntilIdle();
        assertThat(log).containsExactly("started");
        assertThat(t.done()).isFalse();
        gate.setResult("open");
        loop.runUntilIdle();
        assertThat(t.done()).isTrue();
    }

    /** Manual advance fires exactly the timers due within it, each seeing its own deadline. */
    @Test
    void advanceFiresExactlyTheDueTimers() {
        for (double when : new double[] {3, 1, 2, 2.5}) {
            loop.callLater(when, () -> log.add(when + "@" + loop.time()));
        }
        loop.advance(Duration.ofSeconds(2));
        assertThat(log).containsExactly("1.0@1.0", "2.0@2.0");
        assertThat(loop.time()).isEqualTo(2.0);
        loop.advance(0.5);
        assertThat(log).containsExactly("1.0@1.0", "2.0@2.0", "2.5@2.5");
        loop.advance(10);
        assertThat(log).containsExactly("1.0@1.0", "2.0@2.0", "2.5@2.5", "3.0@3.0");
        assertThat(loop.time()).isEqualTo(12.5);
    }

    /** A timer scheduled during an advance runs within it when it falls inside the window. */
    @Test
    void advanceRunsTimersScheduledDuringIt() {
        loop.callLater(1, () -> {
            log.add("first@" + loop.time());
            loop.callLater(0.5, () -> log.add("second@" + loop.time()));
            loop.callLater(5, () -> log.add("too late"));
        });
        loop.advance(2);
        assertThat(log).containsExactly("first@1.0", "second@1.5");
    }

    /** Advance leaves the clock's manual setting as it was. */
    @Test
    void advanceRestoresAutoJumpSetting() {
        loop.callLater(100, () -> log.add("far"));
        loop.advance(1);
        assertThat(loop.virtualClock().autoJump()).isFalse();
        loop.runUntilIdle();
        assertThat(log).isEmpty();
        assertThat(loop.time()).isEqualTo(1.0);
    }

    /** A task's sleep ends when advance reaches its deadline, and not before. */
    @Test
    void advanceWakesSleepingTask() {
        Task<Void> sleeper = loop.createTask(() -> {
            Asyncio.sleep(10);
            log.add("woke@" + loop.time());
        });
        loop.advance(9.999);
        assertThat(sleeper.done()).isFalse();
        loop.advance(0.001);
        assertThat(sleeper.done()).isTrue();
        assertThat(log).containsExactly("woke@10.0");
    }

    /** Negative advances are refused: time cannot go backwards. */
    @Test
    void negativeAdvanceIsRefused() {
        assertThatThrownBy(() -> loop.advance(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> loop.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A real-time loop has no virtual clock to advance. */
    @Test
    void realTimeLoopCannotAdvance() {
        try (TestLoop real = TestLoop.builder().virtualTime(false).build()) {
            assertThat(real.isVirtualTime()).isFalse();
            assertThatThrownBy(() -> real.advance(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("real time");
        }
    }

    /** Stepping from inside the running loop is refused with a pointer to the in-task helpers. */
    @Test
    void steppingFromInsideTheLoopIsRefused() throws Exception {
        Throwable t = loop.runUntilComplete(() -> {
            try {
                loop.runUntilIdle();
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        assertThat(t).hasMessageContaining("waitAllTasksBlocked");
    }

    /** TestLoop.current() finds the running test loop from a task. */
    @Test
    void currentFindsTheRunningLoop() throws Exception {
        assertThat(loop.runUntilComplete(TestLoop::current)).isSameAs(loop);
        assertThatThrownBy(TestLoop::current).isInstanceOf(IllegalStateException.class);
    }
}
