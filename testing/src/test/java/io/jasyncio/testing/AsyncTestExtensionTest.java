package io.jasyncio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The @AsyncTest extension, seen from JUnit: fixture tests (nested classes, which Surefire does not
 * run by itself) are executed with EngineTestKit and their outcome is checked.
 */
class AsyncTestExtensionTest {

    private static Events run(String method, String... parameterTypes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(Fixtures.class.getName(), method, String.join(",", parameterTypes)))
                .execute()
                .testEvents();
    }

    private static Throwable failureOf(Events events) {
        events.assertStatistics(s -> s.started(1).failed(1));
        return events.failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @AfterEach
    void clearReplayProperty() {
        System.clearProperty(SeedPlan.PROPERTY);
        Fixtures.captured.clear();
    }

    /** A body that sleeps an hour of virtual time passes at once, with the clock at the hour. */
    @Test
    void passingBodyPasses() {
        run("sleepsAnHour", VirtualClock.class.getName()).assertStatistics(s -> s.started(1).succeeded(1));
    }

    /** A test that leaves a task pending fails with the task's name, and the task is cancelled. */
    @Test
    void pendingTaskFailsTheTestWithItsName() {
        Throwable failure = failureOf(run("leavesATaskPending"));
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("test left 1 task(s) pending")
                .hasMessageContaining("'forgotten-worker'");
        assertThat(((Task<?>) Fixtures.captured.getFirst()).cancelled()).isTrue();
    }

    /** A task exception that nobody retrieved fails the test, naming the task. */
    @Test
    void unretrievedExceptionFailsTheTestWithTheTaskName() {
        Throwable failure = failureOf(run("leavesAnExceptionUnretrieved"));
        assertThat(failure).hasMessageContaining("exception was never retrieved")
                .hasMessageContaining("doomed")
                .hasMessageContaining("disk on fire");
        assertThat(failure.getSuppressed()).anySatisfy(e -> assertThat(e).isInstanceOf(IOException.class));
    }

    /** An exception in a callback, reported to the loop's handler, fails the test. */
    @Test
    void exceptionInCallbackFailsTheTest() {
        Throwable failure = failureOf(run("callbackThrows"));
        assertThat(failure).hasMessageContaining("the loop reported").hasMessageContaining("callback blew up");
    }

    /** The body's own failure comes first and unchanged; leftovers are added to it as suppressed. */
    @Test
    void bodyFailureComesFirstWithLeftoversSuppressed() {
        Throwable failure = failureOf(run("failsAndLeavesATask"));
        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessage("the body's own failure");
        assertThat(failure.getSuppressed()).anySatisfy(e -> assertThat(e).hasMessageContaining("'straggler'"));
    }

    /** Under 100 seeds the race is found; the failure names the seed, and that seed replays it. */
    @Test
    void seedsFindTheRaceAndNameTheFailingSeed() {
        run("withdrawalsUnderFifo").assertStatistics(s -> s.started(1).succeeded(1));
        Throwable failure = failureOf(run("withdrawalsUnder100Seeds"));
        assertThat(failure).isInstanceOf(SeedFailure.class).hasMessageContaining("overdrawn");
        long seed = ((SeedFailure) failure).seed();
        assertThat(seed).isBetween(0L, 99L);
        assertThat(failure).hasMessageContaining("seed " + seed).hasMessageContaining("@AsyncTest(seed = " + seed + ")");
        Fixtures.captured.clear();
        System.setProperty(SeedPlan.PROPERTY, Long.toString(seed));
        Throwable replay = failureOf(run("withdrawalsUnder100Seeds"));
        assertThat(((SeedFailure) replay).seed()).isEqualTo(seed);
        assertThat(Fixtures.captured).as("the replay ran that one seed only").hasSize(1);
    }

    /** Each seed runs on a fresh loop with its own seed, time starting at 0. */
    @Test
    void eachSeedRunsOnAFreshLoop() {
        run("recordsItsLoop", TestLoop.class.getName()).assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(Fixtures.captured).hasSize(5);
        assertThat(Fixtures.captured.stream().map(o -> ((Object[]) o)[0]).distinct()).hasSize(5);
        assertThat(Fixtures.captured.stream().map(o -> ((Object[]) o)[1]))
                .containsExactly(OptionalLong.of(10), OptionalLong.of(11), OptionalLong.of(12), OptionalLong.of(13),
                        OptionalLong.of(14));
        assertThat(Fixtures.captured.stream().map(o -> ((Object[]) o)[2])).containsOnly(0.0);
    }

    /** The injected EventLoop, TestLoop and VirtualClock are those of the loop running the body. */
    @Test
    void injectsTheRunningLoopAndItsClock() {
        run("injected", EventLoop.class.getName(), TestLoop.class.getName(), VirtualClock.class.getName(),
                TestInfo.class.getName()).assertStatistics(s -> s.started(1).succeeded(1));
    }

    /** A test that outlives its real-time limit fails with a dump of the pending tasks. */
    @Test
    void timeoutFailsWithADumpOfPendingTasks() {
        Throwable failure = failureOf(run("hangs"));
        assertThat(failure).hasMessageContaining("timed out after 0.3 s of real time")
                .hasMessageContaining("stuck")
                .hasMessageContaining("Fixtures.lambda$hangs");
    }

    /** On virtual time, a deadlock (all blocked, no timer, nothing outside) fails at once with a dump. */
    @Test
    void deadlockFailsFastWithADump() {
        long start = System.nanoTime();
        Throwable failure = failureOf(run("deadlocks"));
        assertThat((System.nanoTime() - start) / 1e9).as("seconds, far below the 30 s limit").isLessThan(10);
        assertThat(failure).hasMessageContaining("deadlock").hasMessageContaining("'first'")
                .hasMessageContaining("'second'").hasMessageContaining("Fixtures.lambda$deadlocks");
    }

    /** virtualTime = false runs on real time, and has no VirtualClock to inject. */
    @Test
    void realTimeOption() {
        run("realTime", TestLoop.class.getName()).assertStatistics(s -> s.started(1).succeeded(1));
        Throwable failure = failureOf(run("realTimeWithClock", VirtualClock.class.getName()));
        assertThat(failure).hasMessageContaining("no VirtualClock");
    }

    /** Fixture tests: each one is run by EngineTestKit from a test above. */
    static class Fixtures {

        static final List<Object> captured = Collections.synchronizedList(new ArrayList<>());

        @AsyncTest
        void sleepsAnHour(VirtualClock clock) {
            Asyncio.sleep(3600);
            assertThat(clock.time()).isEqualTo(3600.0);
        }

        @AsyncTest
        void leavesATaskPending() {
            captured.add(Asyncio.createTask(() -> Asyncio.sleep(1e6), "forgotten-worker"));
            Asyncio.sleep(1);
        }

        @AsyncTest
        void leavesAnExceptionUnretrieved() {
            Asyncio.createTask(() -> {
                throw new IOException("disk on fire");
            }, "doomed");
            Asyncio.sleep(1);
        }

        @AsyncTest
        void callbackThrows() {
            Asyncio.getRunningLoop().callSoon(() -> {
                throw new IllegalStateException("callback blew up");
            });
            Asyncio.sleep(1);
        }

        @AsyncTest
        void failsAndLeavesATask() {
            Asyncio.createTask(() -> Asyncio.sleep(1e6), "straggler");
            throw new IllegalArgumentException("the body's own failure");
        }

        // Scenario: alice checks the balance, awaits an audit (one yield) and withdraws; bob first
        // awaits a connection (one yield), then does the same. FIFO runs alice's withdrawal before
        // bob's check; a schedule that runs bob's check first overdraws the account.
        private static void withdrawals() throws Exception {
            int[] balance = {100};
            Task<Void> alice = Asyncio.createTask(() -> withdraw(balance), "alice");
            Task<Void> bob = Asyncio.createTask(() -> {
                Asyncio.sleep(0);
                withdraw(balance);
            }, "bob");
            Asyncio.gather(alice, bob);
            captured.add(balance[0]);
            assertThat(balance[0]).as("balance (overdrawn if negative)").isNotNegative();
        }

        private static void withdraw(int[] balance) {
            if (balance[0] >= 80) {
                Asyncio.sleep(0);
                balance[0] -= 80;
            }
        }

        @AsyncTest
        void withdrawalsUnderFifo() throws Exception {
            withdrawals();
        }

        @AsyncTest(seeds = 100)
        void withdrawalsUnder100Seeds() throws Exception {
            withdrawals();
        }

        @AsyncTest(seed = 10, seeds = 5)
        void recordsItsLoop(TestLoop loop) {
            captured.add(new Object[] {loop, loop.seed(), loop.time()});
            Asyncio.sleep(1);
        }

        @AsyncTest
        void injected(EventLoop loop, TestLoop testLoop, VirtualClock clock, TestInfo info) {
            assertThat(loop).isSameAs(Asyncio.getRunningLoop()).isSameAs(testLoop);
            assertThat(clock).isSameAs(testLoop.virtualClock());
            assertThat(info.getDisplayName()).startsWith("injected");
        }

        @AsyncTest(timeout = 0.3, virtualTime = false)
        void hangs() throws Exception {
            Task<Void> stuck = Asyncio.createTask(() -> Asyncio.await(Asyncio.getRunningLoop().createFuture()),
                    "stuck");
            Asyncio.await(stuck);
        }

        @AsyncTest
        void deadlocks() throws Exception {
            io.jasyncio.Future<Void> a = Asyncio.getRunningLoop().createFuture();
            io.jasyncio.Future<Void> b = Asyncio.getRunningLoop().createFuture();
            Task<Void> first = Asyncio.createTask(() -> {
                Asyncio.await(a);
                b.setResult(null);
            }, "first");
            Task<Void> second = Asyncio.createTask(() -> {
                Asyncio.await(b);
                a.setResult(null);
            }, "second");
            Asyncio.gather(first, second);
        }

        @AsyncTest(virtualTime = false)
        void realTime(TestLoop loop) {
            assertThat(loop.isVirtualTime()).isFalse();
            double start = loop.time();
            Asyncio.sleep(0.01);
            assertThat(loop.time() - start).isGreaterThanOrEqualTo(0.01);
        }

        @AsyncTest(virtualTime = false)
        void realTimeWithClock(VirtualClock clock) {
        }
    }
}
