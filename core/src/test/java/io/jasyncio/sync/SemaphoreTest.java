package io.jasyncio.sync;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import io.jasyncio.VirtualTimeLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Semaphore and BoundedSemaphore (test_locks.SemaphoreTests, BoundedSemaphore). */
@Timeout(60)
class SemaphoreTest {

    /** Permits count down without suspending until none is left. */
    @Test
    void permitsCountDown() throws Exception {
        VirtualTimeLoop.run(() -> {
            Semaphore s = new Semaphore(2);
            s.acquire();
            assertThat(s.value()).isEqualTo(1);
            assertThat(s.locked()).isFalse();
            s.acquire();
            assertThat(s.locked()).isTrue();
            s.release();
            s.release();
            assertThat(s.statistics()).isEqualTo(new Semaphore.Statistics(2, 0));
        });
    }

    /** At most value tasks hold the semaphore at a time. */
    @Test
    void boundsConcurrency() throws Exception {
        int[] inside = new int[2];
        VirtualTimeLoop.run(() -> {
            Semaphore s = new Semaphore(3);
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ts.add(createTask(() -> {
                    try (var _ = s.acquire()) {
                        inside[0]++;
                        inside[1] = Math.max(inside[1], inside[0]);
                        sleep(0.1);
                        inside[0]--;
                    }
                }));
            }
            for (Task<Void> t : ts) {
                await(t);
            }
        });
        assertThat(inside[1]).isEqualTo(3);
    }

    /** Waiters get released permits in FIFO order. */
    @Test
    void waitersAreServedInFifoOrder() throws Exception {
        List<Integer> order = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Semaphore s = new Semaphore(0);
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int id = i;
                ts.add(createTask(() -> {
                    s.acquire();
                    order.add(id);
                }));
            }
            sleep(0);
            for (int i = 0; i < 4; i++) {
                s.release();
            }
            for (Task<Void> t : ts) {
                await(t);
            }
        });
        assertThat(order).containsExactly(0, 1, 2, 3);
    }

    /** A released permit goes to the waiter, not to a task that arrives before the waiter resumes. */
    @Test
    void newcomerQueuesBehindAWaiterThatWasHandedAPermit() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Semaphore s = new Semaphore(0);
            Task<Void> waiter = createTask(() -> {
                s.acquire();
                trace.add("waiter");
            });
            sleep(0);
            s.release();
            assertThat(s.value()).isZero();
            assertThat(s.locked()).isTrue();
            Task<Void> newcomer = createTask(() -> {
                s.acquire();
                trace.add("newcomer");
            });
            await(waiter);
            sleep(0);
            assertThat(newcomer.done()).isFalse();
            s.release();
            await(newcomer);
        });
        assertThat(trace).containsExactly("waiter", "newcomer");
    }

    /** A waiter cancelled after a permit was handed to it passes the permit to the next waiter. */
    @Test
    void waiterCancelledAfterHandoffPassesThePermitOn() throws Exception {
        VirtualTimeLoop.run(() -> {
            Semaphore s = new Semaphore(0);
            Task<Void> a = createTask(() -> { s.acquire(); });
            Task<String> b = createTask(() -> {
                s.acquire();
                return "b";
            });
            sleep(0);
            s.release();
            a.cancel();
            assertThat(await(b)).isEqualTo("b");
            assertThat(a.cancelled()).isTrue();
            assertThat(s.value()).isZero();
        });
    }

    /** With nobody else waiting, a permit handed to a waiter that was then cancelled returns to the count. */
    @Test
    void lastWaiterCancelledAfterHandoffRestoresTheValue() throws Exception {
        VirtualTimeLoop.run(() -> {
            Semaphore s = new Semaphore(0);
            Task<Void> a = createTask(() -> { s.acquire(); });
            sleep(0);
            s.release();
            a.cancel();
            assertThatThrownBy(() -> await(a)).isInstanceOf(CancelledError.class);
            assertThat(s.value()).isEqualTo(1);
        });
    }

    /** A waiter cancelled before any release leaves the count unchanged. */
    @Test
    void waiterCancelledBeforeWakeUpLeavesTheValueUnchanged() throws Exception {
        VirtualTimeLoop.run(() -> {
            Semaphore s = new Semaphore(0);
            Task<Void> a = createTask(() -> { s.acquire(); });
            sleep(0);
            a.cancel();
            sleep(0);
            s.release();
            assertThat(s.statistics()).isEqualTo(new Semaphore.Statistics(1, 0));
        });
    }

    /** A negative initial value is refused. */
    @Test
    void negativeInitialValueIsRefused() {
        assertThatThrownBy(() -> new Semaphore(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A bounded semaphore refuses a release beyond its initial value. */
    @Test
    void boundedSemaphoreRefusesAnExtraRelease() throws Exception {
        VirtualTimeLoop.run(() -> {
            BoundedSemaphore s = new BoundedSemaphore(2);
            try (var _ = s.acquire()) {
                assertThat(s.value()).isEqualTo(1);
            }
            assertThatThrownBy(s::release).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("released too many times");
            assertThat(s.value()).isEqualTo(2);
        });
    }

    /** A bounded semaphore hands a release to a waiter even at value zero. */
    @Test
    void boundedSemaphoreHandsReleasesToWaiters() throws Exception {
        VirtualTimeLoop.run(() -> {
            BoundedSemaphore s = new BoundedSemaphore(1);
            s.acquire();
            Task<Void> w = createTask(() -> { s.acquire(); });
            sleep(0);
            s.release();
            await(w);
            assertThat(s.value()).isZero();
            s.release();
            assertThat(s.value()).isEqualTo(1);
            assertThat(s.toString()).isEqualTo("<BoundedSemaphore [unlocked, value:1]>");
        });
    }
}
