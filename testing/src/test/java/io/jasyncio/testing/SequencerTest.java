package io.jasyncio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;

/** Sequencer forces an order of steps across tasks (Trio's testing/_sequencer.py). */
class SequencerTest {

    /** Steps run in their numbered order, whatever order the tasks were created in. */
    @AsyncTest
    void forcesTheOrderOfStepsAcrossTasks() throws Exception {
        List<String> record = new ArrayList<>();
        Sequencer seq = new Sequencer();
        Task<Void> b = Asyncio.createTask(() -> {
            try (var s = seq.step(1)) {
                record.add("b1");
            }
            try (var s = seq.step(3)) {
                record.add("b3");
            }
        }, "b");
        Task<Void> a = Asyncio.createTask(() -> {
            try (var s = seq.step(4)) {
                record.add("a4");
            }
        }, "a");
        Task<Void> c = Asyncio.createTask(() -> {
            try (var s = seq.step(0)) {
                record.add("c0");
            }
            try (var s = seq.step(2)) {
                Asyncio.sleep(1); // a step may suspend: the next one still waits for it
                record.add("c2");
            }
        }, "c");
        Asyncio.gather(a, b, c);
        assertThat(record).containsExactly("c0", "b1", "c2", "b3", "a4");
    }

    /** The forced order holds under every schedule seed. */
    @AsyncTest(seeds = 30)
    void forcedOrderHoldsUnderEverySeed() throws Exception {
        List<Integer> record = new ArrayList<>();
        Sequencer seq = new Sequencer();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int first = t;
            tasks.add(Asyncio.createTask(() -> {
                for (int step = first; step < 9; step += 3) {
                    try (var s = seq.step(step)) {
                        Asyncio.sleep(0);
                        record.add(step);
                    }
                }
            }));
        }
        Asyncio.gather(tasks);
        assertThat(record).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    /** A step number can be used once only. */
    @AsyncTest
    void reusingAStepFails() {
        Sequencer seq = new Sequencer();
        try (var s = seq.step(0)) {
            assertThat(s.position()).isZero();
        }
        assertThatThrownBy(() -> seq.step(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already used");
        assertThatThrownBy(() -> seq.step(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Cancelling a task that waits for its step breaks the sequence for every other waiter. */
    @AsyncTest
    void cancelledWaiterBreaksTheSequence() throws Exception {
        Sequencer seq = new Sequencer();
        Task<Void> waitsFor2 = Asyncio.createTask(() -> {
            seq.step(2).close();
        }, "waits-for-2");
        Task<Void> waitsFor1 = Asyncio.createTask(() -> {
            seq.step(1).close();
        }, "waits-for-1");
        AsyncTesting.waitAllTasksBlocked();
        waitsFor1.cancel();
        assertThatThrownBy(() -> Asyncio.await(waitsFor1)).isInstanceOf(CancelledError.class);
        assertThatThrownBy(() -> Asyncio.await(waitsFor2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sequence broken");
        assertThatThrownBy(() -> seq.step(3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sequence broken");
    }
}
