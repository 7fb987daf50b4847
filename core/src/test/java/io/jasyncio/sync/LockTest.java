package io.jasyncio.sync;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.VirtualTimeLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lock: mutual exclusion, FIFO handoff, cancellation at each point (test_locks.LockTests, Trio's test_sync). */
@Timeout(60)
class LockTest {

    /** An unlocked lock is acquired without suspending and released by closing what acquire returned. */
    @Test
    void acquireAndReleaseWithTryWithResources() throws Exception {
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            assertThat(lock.locked()).isFalse();
            try (var _ = lock.acquire()) {
                assertThat(lock.locked()).isTrue();
                assertThat(lock.statistics().owner()).isSameAs(Asyncio.currentTask());
            }
            assertThat(lock.locked()).isFalse();
        });
    }

    /** An exception inside the try-with-resources body still releases the lock. */
    @Test
    void exceptionInBodyReleasesTheLock() throws Exception {
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            assertThatThrownBy(() -> {
                try (var _ = lock.acquire()) {
                    throw new IllegalArgumentException("boom");
                }
            }).isInstanceOf(IllegalArgumentException.class);
            assertThat(lock.locked()).isFalse();
        });
    }

    /** Tasks waiting for a held lock get it in the order they asked for it. */
    @Test
    void waitersAcquireInFifoOrder() throws Exception {
        List<Integer> order = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int id = i;
                tasks.add(createTask(() -> {
                    try (var _ = lock.acquire()) {
                        order.add(id);
                        sleep(0.01);
                    }
                }));
            }
            sleep(0);
            assertThat(lock.statistics().waiters()).isEqualTo(5);
            lock.release();
            for (Task<Void> t : tasks) {
                await(t);
            }
        });
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
    }

    /** release hands the lock to the first waiter: it stays locked and a newcomer queues behind. */
    @Test
    void releaseHandsTheLockToTheFirstWaiterSoNewcomersCannotBarge() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            Task<Void> waiter = createTask(() -> {
                try (var _ = lock.acquire()) {
                    trace.add("waiter");
                }
            });
            sleep(0);
            lock.release();
            assertThat(lock.locked()).isTrue();
            try (var _ = lock.acquire()) {
                trace.add("newcomer");
            }
            await(waiter);
        });
        assertThat(trace).containsExactly("waiter", "newcomer");
    }

    /** A waiter cancelled before it is woken is skipped: the next one gets the lock. */
    @Test
    void waiterCancelledBeforeWakeUpIsSkipped() throws Exception {
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            Task<Void> a = createTask(() -> { lock.acquire(); });
            Task<Void> b = createTask(() -> { lock.acquire(); });
            sleep(0);
            a.cancel();
            sleep(0);
            assertThat(a.cancelled()).isTrue();
            assertThat(lock.statistics().waiters()).isEqualTo(1);
            lock.release();
            await(b);
            assertThat(lock.locked()).isTrue();
            assertThat(lock.statistics().waiters()).isZero();
        });
    }

    /** A waiter cancelled after the lock was handed to it, before it resumed, passes the lock on. */
    @Test
    void waiterCancelledAfterHandoffPassesTheLockOn() throws Exception {
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            Task<Void> a = createTask(() -> { lock.acquire(); });
            Task<String> b = createTask(() -> {
                lock.acquire();
                return "b has it";
            });
            sleep(0);
            lock.release();
            a.cancel();
            assertThat(await(b)).isEqualTo("b has it");
            assertThat(a.cancelled()).isTrue();
            assertThat(lock.locked()).isTrue();
        });
    }

    /** With no other waiter, a waiter cancelled after the handoff leaves the lock unlocked. */
    @Test
    void lastWaiterCancelledAfterHandoffUnlocks() throws Exception {
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            Task<Void> a = createTask(() -> { lock.acquire(); });
            sleep(0);
            lock.release();
            a.cancel();
            assertThatThrownBy(() -> await(a)).isInstanceOf(CancelledError.class);
            assertThat(lock.locked()).isFalse();
        });
    }

    /** CPython's cancel/release race (bpo-32734): cancelling one waiter and releasing lets exactly one in. */
    @Test
    void cancelAndReleaseInOneCallbackLetsExactlyOneTaskIn() throws Exception {
        int[] holders = new int[1];
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ts.add(createTask(() -> {
                    lock.acquire();
                    holders[0]++;
                }));
            }
            sleep(0);
            Asyncio.getRunningLoop().callSoon(() -> {
                ts.get(0).cancel();
                lock.release();
            });
            assertThatThrownBy(() -> await(ts.get(0))).isInstanceOf(CancelledError.class);
            await(ts.get(1));
            assertThat(holders[0]).isEqualTo(1);
            assertThat(ts.get(2).done()).isFalse();
            ts.get(2).cancel();
        });
    }

    /** Releasing an unlocked lock fails as in Python. */
    @Test
    void releasingAnUnlockedLockFails() throws Exception {
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Lock is not acquired");
        });
    }

    /** statistics and toString report the state and the number of waiters. */
    @Test
    void statisticsReportStateAndWaiters() throws Exception {
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            assertThat(lock.statistics()).isEqualTo(new Lock.Statistics(false, null, 0));
            lock.acquire();
            Task<?> me = Asyncio.currentTask();
            createTask(() -> { lock.acquire(); });
            createTask(() -> { lock.acquire(); });
            sleep(0);
            assertThat(lock.statistics()).isEqualTo(new Lock.Statistics(true, me, 2));
            assertThat(lock.toString()).isEqualTo("<Lock [locked, waiters:2]>");
        });
    }

    /** A lock used by one loop and then by another fails with a clear message. */
    @Test
    void useFromASecondLoopFails() throws Exception {
        Lock lock = new Lock();
        Asyncio.run(() -> {
            lock.acquire();
            lock.release();
        });
        assertThatThrownBy(() -> Asyncio.run(() -> { lock.acquire(); }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bound to a different event loop");
    }

    /** Using a lock from a foreign thread while its loop runs fails instead of racing. */
    @Test
    void useFromAForeignThreadWhileItsLoopRunsFails() throws Exception {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Asyncio.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    lock.release();
                } catch (Throwable e) {
                    seen.set(e);
                }
            });
            t.join();
        });
        assertThat(seen.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("not thread-safe");
    }

    /** Waiting for a held lock outside any task fails with a message that says to use a task. */
    @Test
    void waitingOutsideATaskFails() {
        Lock lock = new Lock();
        lock.acquire();
        assertThatThrownBy(lock::acquire).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a task");
    }

    /** A plain loop callback may take a free lock: only waiting needs a task. */
    @Test
    void callbackMayTakeAFreeLock() throws Exception {
        boolean[] held = new boolean[1];
        try (EventLoop loop = EventLoop.create()) {
            Lock lock = new Lock();
            loop.callSoon(() -> {
                lock.acquire();
                held[0] = lock.locked();
                lock.release();
                loop.stop();
            });
            loop.runForever();
        }
        assertThat(held[0]).isTrue();
    }
}
