package io.jasyncio.testing;

import static io.jasyncio.testing.AsyncTesting.waitAllTasksBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** waitAllTasksBlocked (Trio's wait_all_tasks_blocked), on @AsyncTest loops. */
class AsyncTestingTest {

    /** It returns only once every other task is blocked, however many steps they take to get there. */
    @AsyncTest
    void returnsOnceEveryOtherTaskIsBlocked(EventLoop loop) throws Exception {
        List<String> record = new ArrayList<>();
        Future<Void> event = loop.createFuture();
        List<Task<Void>> children = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            children.add(Asyncio.createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    Asyncio.sleep(0);
                }
                record.add(name + " waiting");
                Asyncio.await(event);
                record.add(name + " woke");
            }, name));
        }
        waitAllTasksBlocked();
        assertThat(record).containsExactly("a waiting", "b waiting");
        event.setResult(null);
        Asyncio.gather(children);
        assertThat(record).containsExactly("a waiting", "b waiting", "a woke", "b woke");
    }

    /** It takes priority over auto-jump: time does not move before it returns (Trio's autojump_0 test). */
    @AsyncTest
    void takesPriorityOverAutoJump(VirtualClock clock) throws Exception {
        List<String> record = new ArrayList<>();
        Task<Void> sleeper = Asyncio.createTask(() -> {
            Asyncio.sleep(100);
            record.add("yawn@" + clock.time());
        }, "sleeper");
        Task<Void> waiter = Asyncio.createTask(() -> {
            waitAllTasksBlocked();
            record.add("waiter woke@" + clock.time());
            Asyncio.sleep(1000);
            record.add("waiter done@" + clock.time());
        }, "waiter");
        Asyncio.gather(sleeper, waiter);
        assertThat(record).containsExactly("waiter woke@0.0", "yawn@100.0", "waiter done@1000.0");
    }

    /** Several callers waiting at once all resume at the same idle point. */
    @AsyncTest
    void severalWaitersResumeTogether(VirtualClock clock) throws Exception {
        List<String> record = new ArrayList<>();
        List<Task<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            waiters.add(Asyncio.createTask(() -> {
                waitAllTasksBlocked();
                record.add("w" + n + "@" + clock.time());
            }));
        }
        Asyncio.createTask(() -> Asyncio.sleep(5), "sleeper");
        Asyncio.gather(waiters);
        assertThat(record).containsExactlyInAnyOrder("w0@0.0", "w1@0.0", "w2@0.0");
        Asyncio.sleep(10);
    }

    /** A cancelled waiter gets CancelledError, and its idle callback never fires. */
    @AsyncTest
    void cancelledWaiterRaisesCancelledError() throws Exception {
        Task<Void> waiter = Asyncio.createTask(AsyncTesting::waitAllTasksBlocked, "waiter");
        Asyncio.sleep(0);
        waiter.cancel();
        assertThatThrownBy(() -> Asyncio.await(waiter)).isInstanceOf(CancelledError.class);
        assertThat(waiter.cancelled()).isTrue();
    }

    /** Called outside a task it fails at once. */
    @Test
    void outsideATaskItFails() {
        assertThatThrownBy(AsyncTesting::waitAllTasksBlocked).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a task");
    }

    /** It works on a plain EventLoop, on real time, too. */
    @Test
    void worksOnAPlainLoop() throws Exception {
        List<String> record = new ArrayList<>();
        Asyncio.run(() -> {
            Future<Void> never = Asyncio.getRunningLoop().createFuture();
            Task<Void> child = Asyncio.createTask(() -> {
                Asyncio.sleep(0);
                record.add("child blocked");
                Asyncio.await(never);
            });
            waitAllTasksBlocked();
            record.add("main");
            child.cancel();
        });
        assertThat(record).containsExactly("child blocked", "main");
    }
}
