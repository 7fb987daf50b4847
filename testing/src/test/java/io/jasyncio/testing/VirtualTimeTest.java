package io.jasyncio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** VirtualTime.run: Asyncio.run's contract on a virtual clock. */
class VirtualTimeTest {

    /** An hour of virtual sleeps takes less than a second of real time, and loop.time() reports the hour. */
    @Test
    void hourOfSleepsFinishesUnderOneRealSecond() throws Exception {
        long realStart = System.nanoTime();
        double elapsed = VirtualTime.run(() -> {
            double start = Asyncio.getRunningLoop().time();
            for (int i = 0; i < 3600; i++) {
                Asyncio.sleep(1);
            }
            return Asyncio.getRunningLoop().time() - start;
        });
        double realSeconds = (System.nanoTime() - realStart) / 1e9;
        assertThat(elapsed).isEqualTo(3600.0);
        assertThat(realSeconds).isLessThan(1.0);
    }

    /** Concurrent sleepers wake in deadline order, each at its own virtual time. */
    @Test
    void concurrentSleepersWakeAtTheirDeadlines() throws Exception {
        List<String> woke = VirtualTime.run(() -> {
            List<String> out = new ArrayList<>();
            List<Task<Void>> tasks = new ArrayList<>();
            for (int s : new int[] {30, 10, 20}) {
                tasks.add(Asyncio.createTask(() -> {
                    Asyncio.sleep(s);
                    out.add(s + "@" + Asyncio.getRunningLoop().time());
                }));
            }
            Asyncio.gather(tasks);
            return out;
        });
        assertThat(woke).containsExactly("10@10.0", "20@20.0", "30@30.0");
    }

    /** The main coroutine's exception reaches the caller unchanged. */
    @Test
    void exceptionPropagatesUnchanged() {
        IOException boom = new IOException("boom");
        assertThatThrownBy(() -> VirtualTime.run(() -> {
            Asyncio.sleep(5);
            throw boom;
        })).isSameAs(boom);
    }

    /** Tasks still pending when the main coroutine returns are cancelled, and the loop is closed. */
    @Test
    void leftoverTasksAreCancelledAndLoopClosed() throws Exception {
        AtomicReference<Task<?>> leftover = new AtomicReference<>();
        AtomicReference<TestLoop> loop = new AtomicReference<>();
        VirtualTime.run(() -> {
            loop.set(TestLoop.current());
            leftover.set(Asyncio.createTask(() -> Asyncio.sleep(1e6), "leftover"));
            Asyncio.sleep(0);
        });
        assertThat(leftover.get().cancelled()).isTrue();
        assertThat(loop.get().isClosed()).isTrue();
    }

    /** Calling it from a running loop fails at once, as Asyncio.run does. */
    @Test
    void cannotBeCalledFromARunningLoop() throws Exception {
        Throwable t = VirtualTime.run(() -> {
            try {
                VirtualTime.run(() -> 1);
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        assertThat(t).isInstanceOf(IllegalStateException.class).hasMessageContaining("running event loop");
    }

    /** A cancelled main task surfaces as CancelledError. */
    @Test
    void cancelledMainRaisesCancelledError() {
        assertThatThrownBy(() -> VirtualTime.run(() -> {
            Asyncio.currentTask().cancel();
            Asyncio.sleep(1);
        })).isInstanceOf(CancelledError.class);
    }
}
