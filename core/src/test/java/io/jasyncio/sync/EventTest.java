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

/** Event: set, clear, waiters (test_locks.EventTests). */
@Timeout(60)
class EventTest {

    /** await on a set event returns at once, without letting other tasks run. */
    @Test
    void awaitOnASetEventReturnsAtOnce() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Event e = new Event();
            e.set();
            createTask(() -> { trace.add("other"); });
            e.await();
            assertThat(trace).isEmpty();
        });
    }

    /** set wakes every waiter, in the order they began waiting. */
    @Test
    void setWakesEveryWaiterInOrder() throws Exception {
        List<Integer> order = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Event e = new Event();
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int id = i;
                ts.add(createTask(() -> {
                    e.await();
                    order.add(id);
                }));
            }
            sleep(0);
            assertThat(order).isEmpty();
            assertThat(e.statistics()).isEqualTo(new Event.Statistics(false, 4));
            e.set();
            for (Task<Void> t : ts) {
                await(t);
            }
            assertThat(e.statistics()).isEqualTo(new Event.Statistics(true, 0));
        });
        assertThat(order).containsExactly(0, 1, 2, 3);
    }

    /** Waiters woken by set return even if the event is cleared before they resume. */
    @Test
    void wokenWaitersReturnEvenIfClearedBeforeTheyResume() throws Exception {
        VirtualTimeLoop.run(() -> {
            Event e = new Event();
            Task<String> t = createTask(() -> {
                e.await();
                return "woke";
            });
            sleep(0);
            e.set();
            e.clear();
            assertThat(await(t)).isEqualTo("woke");
            assertThat(e.isSet()).isFalse();
        });
    }

    /** clear makes later waiters wait again. */
    @Test
    void clearMakesLaterWaitersWait() throws Exception {
        VirtualTimeLoop.run(() -> {
            Event e = new Event();
            e.set();
            e.clear();
            Task<Void> t = createTask(() -> { e.await(); });
            sleep(1);
            assertThat(t.done()).isFalse();
            e.set();
            await(t);
        });
    }

    /** A cancelled waiter raises CancelledError and the others are still woken. */
    @Test
    void cancelledWaiterRaisesAndOthersAreStillWoken() throws Exception {
        VirtualTimeLoop.run(() -> {
            Event e = new Event();
            Task<Void> a = createTask(() -> { e.await(); });
            Task<Void> b = createTask(() -> { e.await(); });
            sleep(0);
            a.cancel();
            assertThatThrownBy(() -> await(a)).isInstanceOf(CancelledError.class);
            e.set();
            await(b);
            assertThat(e.statistics().waiters()).isZero();
        });
    }
}
