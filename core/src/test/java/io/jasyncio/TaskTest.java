package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** Tasks: scheduling, results, names, registry, thread semantics (test_tasks). */
class TaskTest {

    /** Two tasks that sleep(0) in turn interleave step by step. */
    @Test
    void sleepZeroInterleavesTwoTasksStepByStep() throws Exception {
        List<String> trace = new ArrayList<>();
        Asyncio.run(() -> {
            Task<Void> a = createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    trace.add("a" + i);
                    sleep(0);
                }
            });
            Task<Void> b = createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    trace.add("b" + i);
                    sleep(0);
                }
            });
            await(a);
            await(b);
        });
        assertThat(trace).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
    }

    /** sleep(0) yields exactly once: a callback scheduled before it runs before the task resumes. */
    @Test
    void sleepZeroYieldsExactlyOnce() throws Exception {
        List<String> trace = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.callSoon(() -> {
                trace.add("callback-1");
                loop.callSoon(() -> trace.add("callback-2"));
            });
            sleep(0);
            trace.add("resumed");
            sleep(0);
            trace.add("resumed-again");
        });
        assertThat(trace).containsExactly("callback-1", "resumed", "callback-2", "resumed-again");
    }

    /** A task does not start until the creator suspends. */
    @Test
    void newTaskStartsOnlyWhenTheCreatorSuspends() throws Exception {
        List<String> trace = new ArrayList<>();
        Asyncio.run(() -> {
            Task<Void> t = createTask(() -> { trace.add("child"); });
            trace.add("parent before await");
            await(t);
            trace.add("parent after await");
        });
        assertThat(trace).containsExactly("parent before await", "child", "parent after await");
    }

    /** Awaiting a task returns its result. */
    @Test
    void awaitReturnsTheTaskResult() throws Exception {
        int r = Asyncio.run(() -> {
            Task<Integer> t = createTask(() -> {
                sleep(0.001);
                return 42;
            });
            return await(t);
        });
        assertThat(r).isEqualTo(42);
    }

    /** A checked exception from a task reaches the awaiter unchanged. */
    @Test
    void checkedExceptionReachesTheAwaiterUnchanged() {
        IOException io = new IOException("connection reset");
        assertThatThrownBy(() -> Asyncio.run(() -> {
            Task<Object> t = createTask(() -> {
                sleep(0);
                throw io;
            });
            return await(t);
        })).isSameAs(io);
    }

    /** An exception from the main coroutine leaves Asyncio.run unchanged. */
    @Test
    void asyncioRunRethrowsTheMainException() {
        IllegalArgumentException e = new IllegalArgumentException("bad");
        assertThatThrownBy(() -> Asyncio.run(() -> {
            throw e;
        })).isSameAs(e);
    }

    /** await(coroutine) runs it inline in the current task. */
    @Test
    void awaitCoroutineRunsInlineInTheCurrentTask() throws Exception {
        Task<?>[] seen = new Task<?>[2];
        Asyncio.run(() -> {
            seen[0] = Asyncio.currentTask();
            int v = await(() -> {
                seen[1] = Asyncio.currentTask();
                return 7;
            });
            assertThat(v).isEqualTo(7);
        });
        assertThat(seen[1]).isSameAs(seen[0]);
    }

    /** Tasks are named Task-N by default, take a given name, and can be renamed. */
    @Test
    void tasksHaveNames() throws Exception {
        Asyncio.run(() -> {
            Task<Void> unnamed = createTask(() -> { });
            Task<Void> named = createTask(() -> { }, "fetcher");
            assertThat(unnamed.getName()).matches("Task-\\d+");
            assertThat(named.getName()).isEqualTo("fetcher");
            named.setName("renamed");
            assertThat(named.getName()).isEqualTo("renamed");
            assertThat(named.thread().getName()).isEqualTo("renamed");
            assertThat(named.toString()).contains("name='renamed'");
            await(unnamed);
            await(named);
        });
    }

    /** currentTask is the running task inside one and null in a plain callback. */
    @Test
    void currentTaskInsideTaskAndCallback() throws Exception {
        AtomicReference<Object> inCallback = new AtomicReference<>("unset");
        Asyncio.run(() -> {
            Task<?> me = Asyncio.currentTask();
            assertThat(me).isNotNull();
            assertThat(me.getName()).isEqualTo("main");
            Future<Void> f = Asyncio.getRunningLoop().createFuture();
            Asyncio.getRunningLoop().callSoon(() -> {
                inCallback.set(Asyncio.currentTask());
                f.setResult(null);
            });
            await(f);
        });
        assertThat(inCallback.get()).isNull();
        assertThat(Asyncio.currentTask()).isNull();
    }

    /** allTasks lists the pending tasks and drops finished ones. */
    @Test
    void allTasksListsPendingTasksOnly() throws Exception {
        Asyncio.run(() -> {
            Future<Void> gate = Asyncio.getRunningLoop().createFuture();
            Task<Void> waiting = createTask(() -> {
                await(gate);
            });
            Task<Void> quick = createTask(() -> { });
            sleep(0);
            assertThat(Asyncio.allTasks()).contains(waiting, Asyncio.currentTask()).doesNotContain(quick);
            gate.setResult(null);
            await(waiting);
            assertThat(Asyncio.allTasks()).containsExactly(Asyncio.currentTask());
        });
    }

    /** A fire-and-forget task is kept alive by its loop while it is pending. */
    @Test
    void pendingTaskIsNotGarbageCollected() throws Exception {
        Asyncio.run(() -> {
            WeakReference<Task<Void>> ref = new WeakReference<>(createTask(() -> {
                Future<Void> never = Asyncio.getRunningLoop().createFuture();
                await(never);
            }));
            sleep(0);
            for (int i = 0; i < 3; i++) {
                System.gc();
                sleep(0);
            }
            assertThat(ref.get()).isNotNull();
            assertThat(ref.get().done()).isFalse();
            ref.get().cancel();
        });
    }

    /** A task exception nobody retrieved is reported when the loop closes. */
    @Test
    void unretrievedTaskExceptionIsReported() throws Exception {
        List<Map<String, Object>> reports = new ArrayList<>();
        IllegalStateException lost = new IllegalStateException("lost");
        try (EventLoop loop = EventLoop.create()) {
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            loop.runUntilComplete(() -> {
                createTask(() -> {
                    throw lost;
                });
                sleep(0);
                sleep(0);
            });
        }
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("message")).isEqualTo("Task exception was never retrieved");
        assertThat(reports.get(0).get("exception")).isSameAs(lost);
    }

    /** Asyncio.run cancels the tasks still pending when the main coroutine returns. */
    @Test
    void runCancelsLeftoverTasks() throws Exception {
        List<String> trace = new ArrayList<>();
        Task<?>[] leftover = new Task<?>[1];
        Asyncio.run(() -> {
            leftover[0] = createTask(() -> {
                try {
                    sleep(3600);
                } catch (CancelledError e) {
                    trace.add("leftover cancelled");
                    throw e;
                }
            });
            sleep(0);
        });
        assertThat(trace).containsExactly("leftover cancelled");
        assertThat(leftover[0].cancelled()).isTrue();
    }

    /** Closing a loop by hand cancels its pending tasks and lets their finally blocks run. */
    @Test
    void closingALoopFinishesPendingTasks() throws Exception {
        List<String> trace = new ArrayList<>();
        Task<?>[] pending = new Task<?>[1];
        EventLoop loop = EventLoop.create();
        loop.runUntilComplete(() -> {
            pending[0] = createTask(() -> {
                try {
                    sleep(3600);
                } finally {
                    trace.add("finally ran");
                }
            });
            sleep(0);
        });
        assertThat(pending[0].done()).isFalse();
        loop.close();
        assertThat(pending[0].cancelled()).isTrue();
        assertThat(pending[0].thread().isAlive()).isFalse();
        assertThat(trace).containsExactly("finally ran");
    }

    /** allTasks lists tasks in creation order, so teardown is deterministic. */
    @Test
    void allTasksIsInCreationOrder() throws Exception {
        Asyncio.run(() -> {
            List<Task<?>> made = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                made.add(createTask(() -> sleep(10)));
            }
            List<Task<?>> listed = new ArrayList<>(Asyncio.allTasks());
            listed.remove(Asyncio.currentTask());
            assertThat(listed).containsExactlyElementsOf(made);
        });
    }

    /** The seed's loop API: create a task on a loop that is not running, then run until complete. */
    @Test
    void taskCreatedBeforeTheLoopRunsStartsWhenItRuns() throws Exception {
        try (EventLoop loop = EventLoop.create()) {
            List<String> trace = new ArrayList<>();
            Task<Void> t = loop.createTask(() -> {
                sleep(0.001);
                trace.add("hello");
            });
            assertThat(trace).isEmpty();
            loop.runUntilComplete(t);
            assertThat(trace).containsExactly("hello");
        }
    }

    /** A ReentrantLock held across a suspension excludes other tasks: each task is its own thread. */
    @Test
    void javaLockHeldAcrossSuspensionStillExcludes() throws Exception {
        assumeTrue(Engine.isFast(), "on the fallback engine a blocking lock wait blocks the loop, as in Python");
        ReentrantLock lock = new ReentrantLock();
        List<String> trace = new ArrayList<>();
        Asyncio.run(() -> {
            Task<Void> a = createTask(() -> {
                lock.lock();
                try {
                    trace.add("a in");
                    sleep(0.002);
                    trace.add("a out");
                } finally {
                    lock.unlock();
                }
            });
            Task<Void> b = createTask(() -> {
                sleep(0);
                lock.lock();
                try {
                    trace.add("b in");
                } finally {
                    lock.unlock();
                }
            });
            await(a);
            await(b);
        });
        assertThat(trace).containsExactly("a in", "a out", "b in");
    }

    /** ThreadLocals belong to the task, not to the loop thread. */
    @Test
    void threadLocalsAreIsolatedBetweenTasks() throws Exception {
        ThreadLocal<String> local = new ThreadLocal<>();
        List<String> seen = new ArrayList<>();
        Asyncio.run(() -> {
            Task<Void> a = createTask(() -> {
                local.set("a");
                sleep(0);
                seen.add("a sees " + local.get());
            });
            Task<Void> b = createTask(() -> {
                local.set("b");
                sleep(0);
                seen.add("b sees " + local.get());
            });
            await(a);
            await(b);
        });
        assertThat(seen).containsExactly("a sees a", "b sees b");
    }

    /** A blocking JDK call inside a task parks only that task: another task runs and unblocks it. */
    @Test
    void blockingJdkCallParksOnlyThatTask() throws Exception {
        assumeTrue(Engine.isFast(), "the fallback engine blocks the loop in a blocking call, as Python does");
        ArrayBlockingQueue<Integer> q = new ArrayBlockingQueue<>(1);
        int got = Asyncio.run(() -> {
            Task<Integer> consumer = createTask(q::take);
            Task<Void> producer = createTask(() -> {
                sleep(0);
                q.put(42);
            });
            await(producer);
            return await(consumer);
        });
        assertThat(got).isEqualTo(42);
    }

    /** Cancelling a task parked in a blocking JDK call interrupts it and the task ends cancelled. */
    @Test
    void cancellingATaskInABlockingCallInterruptsIt() throws Exception {
        assumeTrue(Engine.isFast(), "the fallback engine cannot run anything while a task blocks");
        ArrayBlockingQueue<Integer> q = new ArrayBlockingQueue<>(1);
        Asyncio.run(() -> {
            Task<Integer> blocked = createTask(q::take);
            for (int i = 0; i < 1000 && blocked.thread().getState() != Thread.State.WAITING; i++) {
                sleep(0.001);
            }
            assertThat(blocked.thread().getState()).isEqualTo(Thread.State.WAITING);
            blocked.cancel("stop waiting");
            assertThatThrownBy(() -> await(blocked)).isInstanceOf(CancelledError.class);
            assertThat(blocked.cancelled()).isTrue();
        });
    }

    /** A task cannot await itself. */
    @Test
    void taskCannotAwaitItself() {
        assertThatThrownBy(() -> Asyncio.run(() -> {
            Task<?> me = Asyncio.currentTask();
            await(me);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot await on itself");
    }

    /** setResult on a task is refused. */
    @Test
    void taskRefusesSetResult() throws Exception {
        Asyncio.run(() -> {
            Task<Integer> t = createTask(() -> 1);
            assertThatThrownBy(() -> t.setResult(2)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(await(t)).isEqualTo(1);
        });
    }
}
