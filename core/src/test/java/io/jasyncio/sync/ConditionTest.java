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

/** Condition: await/signal/signalAll, re-acquisition, cancellation (test_locks.ConditionTests). */
@Timeout(60)
class ConditionTest {

    /** await and signal without the lock held fail as in Python. */
    @Test
    void awaitAndSignalNeedTheLock() throws Exception {
        VirtualTimeLoop.run(() -> {
            Condition c = new Condition();
            assertThatThrownBy(c::await).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot wait on un-acquired lock");
            assertThatThrownBy(c::signal).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot notify on un-acquired lock");
            assertThatThrownBy(c::signalAll).isInstanceOf(IllegalStateException.class);
        });
    }

    /** signal wakes one waiter at a time, first come first woken. */
    @Test
    void signalWakesOneWaiterAtATimeInFifoOrder() throws Exception {
        List<Integer> order = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Condition c = new Condition();
            List<Task<Void>> ts = waiters(c, 3, order);
            sleep(0);
            for (int i = 0; i < 3; i++) {
                try (var _ = c.acquire()) {
                    c.signal();
                }
                sleep(0);
                assertThat(order).hasSize(i + 1);
            }
            for (Task<Void> t : ts) {
                await(t);
            }
        });
        assertThat(order).containsExactly(0, 1, 2);
    }

    /** signalAll wakes every waiter; they return one by one, in order, as each re-acquires the lock. */
    @Test
    void signalAllWakesEveryWaiterInOrder() throws Exception {
        List<Integer> order = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Condition c = new Condition();
            List<Task<Void>> ts = waiters(c, 4, order);
            sleep(0);
            assertThat(c.statistics()).isEqualTo(new Condition.Statistics(false, 4, 0));
            try (var _ = c.acquire()) {
                c.signalAll();
            }
            for (Task<Void> t : ts) {
                await(t);
            }
        });
        assertThat(order).containsExactly(0, 1, 2, 3);
    }

    /** A signalled waiter returns from await only once it holds the lock again. */
    @Test
    void signalledWaiterReturnsOnlyWithTheLockHeld() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Condition c = new Condition();
            Task<Void> w = createTask(() -> {
                try (var _ = c.acquire()) {
                    c.await();
                    trace.add("waiter returns, locked=" + c.locked());
                }
            });
            sleep(0);
            c.acquire();
            c.signal();
            sleep(1);
            trace.add("signaller still holds the lock");
            c.release();
            await(w);
        });
        assertThat(trace).containsExactly("signaller still holds the lock", "waiter returns, locked=true");
    }

    /** A waiter cancelled before it is signalled raises CancelledError, holding the lock again. */
    @Test
    void waiterCancelledWhileWaitingRaisesWithTheLockHeld() throws Exception {
        boolean[] lockedInHandler = new boolean[1];
        VirtualTimeLoop.run(() -> {
            Condition c = new Condition();
            Task<Void> w = createTask(() -> {
                c.acquire();
                try {
                    c.await();
                } catch (CancelledError e) {
                    lockedInHandler[0] = c.locked();
                    c.release();
                    throw e;
                }
            });
            sleep(0);
            w.cancel();
            assertThatThrownBy(() -> await(w)).isInstanceOf(CancelledError.class);
            assertThat(c.locked()).isFalse();
        });
        assertThat(lockedInHandler[0]).isTrue();
    }

    /** A waiter cancelled after it was signalled, before it resumed, passes the signal to the next waiter. */
    @Test
    void signalledWaiterCancelledBeforeResumingPassesTheSignalOn() throws Exception {
        VirtualTimeLoop.run(() -> {
            Condition c = new Condition();
            List<Integer> order = new ArrayList<>();
            List<Task<Void>> ts = waiters(c, 2, order);
            sleep(0);
            try (var _ = c.acquire()) {
                c.signal();
                ts.get(0).cancel();
            }
            await(ts.get(1));
            assertThatThrownBy(() -> await(ts.get(0))).isInstanceOf(CancelledError.class);
            assertThat(order).containsExactly(1);
            assertThat(c.locked()).isFalse();
        });
    }

    /** A signalled waiter cancelled while it waits to re-acquire the lock still re-acquires it, then raises, and passes the signal on. */
    @Test
    void waiterCancelledWhileReacquiringHoldsTheLockAndPassesTheSignalOn() throws Exception {
        boolean[] lockedInHandler = new boolean[1];
        VirtualTimeLoop.run(() -> {
            Condition c = new Condition();
            List<Integer> order = new ArrayList<>();
            Task<Void> a = createTask(() -> {
                c.acquire();
                try {
                    c.await();
                } catch (CancelledError e) {
                    lockedInHandler[0] = c.locked();
                    c.release();
                    throw e;
                }
            });
            List<Task<Void>> others = waiters(c, 1, order);
            sleep(0);
            c.acquire();
            c.signal();
            sleep(0);
            assertThat(a.done()).isFalse();
            a.cancel();
            sleep(0);
            c.release();
            assertThatThrownBy(() -> await(a)).isInstanceOf(CancelledError.class);
            await(others.get(0));
            assertThat(order).containsExactly(0);
        });
        assertThat(lockedInHandler[0]).isTrue();
    }

    /** waitFor evaluates the predicate under the lock and waits until it holds. */
    @Test
    void waitForWaitsUntilThePredicateHolds() throws Exception {
        VirtualTimeLoop.run(() -> {
            Condition c = new Condition();
            int[] value = {0};
            Task<Integer> w = createTask(() -> {
                try (var _ = c.acquire()) {
                    c.waitFor(() -> value[0] == 3);
                    return value[0];
                }
            });
            for (int i = 1; i <= 3; i++) {
                sleep(1);
                try (var _ = c.acquire()) {
                    value[0] = i;
                    c.signalAll();
                }
            }
            assertThat(await(w)).isEqualTo(3);
        });
    }

    /** Two conditions may share one lock. */
    @Test
    void conditionsMayShareALock() throws Exception {
        VirtualTimeLoop.run(() -> {
            Lock lock = new Lock();
            Condition a = new Condition(lock);
            Condition b = new Condition(lock);
            Task<String> w = createTask(() -> {
                try (var _ = a.acquire()) {
                    a.await();
                    return "a signalled";
                }
            });
            sleep(0);
            try (var _ = b.acquire()) {
                assertThat(a.locked()).isTrue();
                b.signalAll();
                a.signal();
            }
            assertThat(await(w)).isEqualTo("a signalled");
            assertThat(a.lock()).isSameAs(lock);
        });
    }

    private static List<Task<Void>> waiters(Condition c, int n, List<Integer> order) {
        List<Task<Void>> ts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            ts.add(createTask(() -> {
                try (var _ = c.acquire()) {
                    c.await();
                    order.add(id);
                }
            }));
        }
        return ts;
    }
}
