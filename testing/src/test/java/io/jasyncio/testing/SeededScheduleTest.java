package io.jasyncio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded schedules: reproducible, varied, able to find races, and within asyncio's guarantees. */
class SeededScheduleTest {

    /** Four workers that yield four times, then sleep until the same instant: many open choices. */
    private static List<String> workerTrace(OptionalLong seed) throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTime.run(TestLoop.builder().seed(seed).build(), () -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String name = "w" + w;
                tasks.add(Asyncio.createTask(() -> {
                    for (int step = 0; step < 4; step++) {
                        trace.add(name + ":" + step);
                        Asyncio.sleep(0);
                    }
                    Asyncio.sleep(1);
                    trace.add(name + ":woke");
                }, name));
            }
            return Asyncio.gather(tasks);
        });
        return trace;
    }

    /** The same seed yields the same trace twice. */
    @Test
    void sameSeedYieldsSameTrace() throws Exception {
        for (long seed : new long[] {7, 12345, -3}) {
            assertThat(workerTrace(OptionalLong.of(seed))).isEqualTo(workerTrace(OptionalLong.of(seed)));
        }
    }

    /** Different seeds reach different orders. */
    @Test
    void differentSeedsReachDifferentOrders() throws Exception {
        Set<List<String>> traces = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            traces.add(workerTrace(OptionalLong.of(seed)));
        }
        assertThat(traces).hasSizeGreaterThan(10);
    }

    /** Without a seed the loop runs plain FIFO: workers step round-robin in creation order. */
    @Test
    void noSeedMeansFifo() throws Exception {
        List<String> trace = workerTrace(OptionalLong.empty());
        assertThat(trace.subList(0, 8)).containsExactly("w0:0", "w1:0", "w2:0", "w3:0", "w0:1", "w1:1", "w2:1", "w3:1");
        assertThat(trace.subList(16, 20)).containsExactly("w0:woke", "w1:woke", "w2:woke", "w3:woke");
    }

    /** Tasks woken at the same instant by different timers resume in an order that depends on the seed. */
    @Test
    void tasksWokenBySameInstantTimersArePermuted() throws Exception {
        Set<String> firstToWake = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            List<String> trace = workerTrace(OptionalLong.of(seed));
            firstToWake.add(trace.get(16));
        }
        assertThat(firstToWake).hasSizeGreaterThan(1);
    }

    // Scenario: alice checks the balance, awaits an audit (one yield), then withdraws 80. Bob first
    // awaits a connection (one yield), then does the same. In FIFO order alice's act comes before
    // bob's check, so bob is refused. If bob's check is scheduled between alice's check and act,
    // both withdraw and the account is overdrawn: the check-then-act race.
    private static int balanceAfterWithdrawals(OptionalLong seed) throws Exception {
        int[] balance = {100};
        VirtualTime.run(TestLoop.builder().seed(seed).build(), () -> {
            Task<Void> alice = Asyncio.createTask(() -> withdraw(balance, 80), "alice");
            Task<Void> bob = Asyncio.createTask(() -> {
                Asyncio.sleep(0);
                withdraw(balance, 80);
            }, "bob");
            return Asyncio.gather(alice, bob);
        });
        return balance[0];
    }

    private static void withdraw(int[] balance, int amount) {
        if (balance[0] >= amount) {
            Asyncio.sleep(0);
            balance[0] -= amount;
        }
    }

    /** A check-then-act race that FIFO order hides is found within 100 seeds, and its seed replays it. */
    @Test
    void knownRaceIsFoundWithin100SeedsAndReplays() throws Exception {
        assertThat(balanceAfterWithdrawals(OptionalLong.empty())).isEqualTo(20);
        Long failing = null;
        for (long seed = 0; seed < 100 && failing == null; seed++) {
            if (balanceAfterWithdrawals(OptionalLong.of(seed)) < 0) {
                failing = seed;
            }
        }
        assertThat(failing).as("a seed that overdraws the account").isNotNull();
        for (int replay = 0; replay < 3; replay++) {
            assertThat(balanceAfterWithdrawals(OptionalLong.of(failing))).isEqualTo(-60);
        }
    }

    /** Under every seed, callbacks scheduled by one task run in the order it scheduled them. */
    @Test
    void callSoonFromOneSourceStaysFifoUnderEverySeed() throws Exception {
        for (long seed = 0; seed < 50; seed++) {
            List<String> log = new ArrayList<>();
            VirtualTime.run(TestLoop.builder().seed(seed).build(), () -> {
                Task<Void> a = Asyncio.createTask(() -> {
                    for (int i = 0; i < 5; i++) {
                        int n = i;
                        Asyncio.getRunningLoop().callSoon(() -> log.add("a" + n));
                    }
                    Asyncio.sleep(0);
                    log.add("a-resumed");
                });
                Task<Void> b = Asyncio.createTask(() -> {
                    for (int i = 0; i < 5; i++) {
                        int n = i;
                        Asyncio.getRunningLoop().callSoon(() -> log.add("b" + n));
                    }
                });
                return Asyncio.gather(a, b);
            });
            List<String> fromA = log.stream().filter(s -> s.startsWith("a")).toList();
            List<String> fromB = log.stream().filter(s -> s.startsWith("b")).toList();
            assertThat(fromA).as("seed %d", seed).containsExactly("a0", "a1", "a2", "a3", "a4", "a-resumed");
            assertThat(fromB).as("seed %d", seed).containsExactly("b0", "b1", "b2", "b3", "b4");
        }
    }

    /** Under every seed, a future's done callbacks and waiters run in registration order. */
    @Test
    void futureCallbacksAndWaitersStayInRegistrationOrderUnderEverySeed() throws Exception {
        for (long seed = 0; seed < 50; seed++) {
            List<String> log = new ArrayList<>();
            VirtualTime.run(TestLoop.builder().seed(seed).build(), () -> {
                Future<String> f = Asyncio.getRunningLoop().createFuture();
                List<Task<Void>> waiters = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int n = i;
                    waiters.add(Asyncio.createTask(() -> {
                        Asyncio.await(f);
                        log.add("w" + n);
                    }));
                }
                AsyncTesting.waitAllTasksBlocked();
                f.addDoneCallback(x -> log.add("cb0"));
                f.addDoneCallback(x -> log.add("cb1"));
                f.setResult("go");
                return Asyncio.gather(waiters);
            });
            assertThat(log).as("seed %d", seed).containsExactly("w0", "w1", "w2", "w3", "cb0", "cb1");
        }
    }

    /** Under every seed, timers that come due together run in deadline order. */
    @Test
    void dueTimersStayInDeadlineOrderUnderEverySeed() {
        for (long seed = 0; seed < 50; seed++) {
            List<Double> fired = new ArrayList<>();
            try (TestLoop loop = TestLoop.builder().seed(seed).autoJump(false).build()) {
                for (double when : new double[] {5, 1, 4, 2, 3, 2}) {
                    loop.callLater(when, () -> fired.add(when));
                }
                loop.virtualClock().advance(10);
                loop.runUntilIdle();
            }
            assertThat(fired).as("seed %d", seed).containsExactly(1.0, 2.0, 2.0, 3.0, 4.0, 5.0);
        }
    }

    /** A seeded loop reports its seed; a FIFO loop has none. */
    @Test
    void loopReportsItsSeed() {
        try (TestLoop seeded = TestLoop.builder().seed(42).build(); TestLoop fifo = TestLoop.builder().build()) {
            assertThat(seeded.seed()).hasValue(42);
            assertThat(fifo.seed()).isEmpty();
        }
    }
}
