package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** toThread, runInExecutor, await(CompletableFuture), runCoroutineThreadsafe, toCompletableFuture (test_threads, test_futures2). */
@Timeout(60)
class ThreadInteropTest {

    /** toThread runs the function on another thread and returns its result to the task. */
    @Test
    void toThreadRunsOffTheLoopAndReturnsTheResult() throws Exception {
        String[] names = new String[2];
        String r = Asyncio.run(() -> {
            names[0] = Thread.currentThread().getName();
            return Asyncio.toThread(() -> {
                names[1] = Thread.currentThread().getName();
                return "done";
            });
        });
        assertThat(r).isEqualTo("done");
        assertThat(names[1]).startsWith("jasyncio-executor-").isNotEqualTo(names[0]);
    }

    /** A checked exception from toThread's function reaches the task unchanged. */
    @Test
    void toThreadExceptionIsUnchanged() {
        IOException io = new IOException("blocked read failed");
        assertThatThrownBy(() -> Asyncio.run(() -> Asyncio.toThread(() -> {
            throw io;
        }))).isSameAs(io);
    }

    /** Other tasks run while toThread's function blocks. */
    @Test
    void otherTasksRunWhileToThreadBlocks() throws Exception {
        List<String> trace = new ArrayList<>();
        Asyncio.run(() -> {
            CountDownLatch release = new CountDownLatch(1);
            Task<Void> other = createTask(() -> {
                trace.add("other task");
                release.countDown();
            });
            trace.add(Asyncio.toThread(() -> {
                release.await();
                return "thread returned";
            }));
            await(other);
        });
        assertThat(trace).containsExactly("other task", "thread returned");
    }

    /** Cancelling a task in toThread cancels the job and interrupts its thread. */
    @Test
    void cancellingToThreadInterruptsTheJob() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Asyncio.run(() -> {
            CountDownLatch started = new CountDownLatch(1);
            Task<Object> t = createTask(() -> Asyncio.toThread(() -> {
                started.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return null;
            }));
            Asyncio.toThread(() -> {
                started.await();
                return null;
            });
            t.cancel();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
        });
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    /** runInExecutor uses the given executor and returns a future of the loop. */
    @Test
    void runInExecutorUsesTheGivenExecutor() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> new Thread(r, "custom-worker"));
        try {
            String name = Asyncio.run(() -> {
                Future<String> f = Asyncio.getRunningLoop().runInExecutor(ex, () -> Thread.currentThread().getName());
                assertThat(f.getLoop()).isSameAs(Asyncio.getRunningLoop());
                return await(f);
            });
            assertThat(name).isEqualTo("custom-worker");
        } finally {
            ex.shutdownNow();
        }
    }

    /** Asyncio.run shuts the default executor down and waits for its threads before returning. */
    @Test
    void asyncioRunShutsTheDefaultExecutorDown() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch slowJobStarted = new CountDownLatch(1);
        boolean[] slowJobFinished = new boolean[1];
        Asyncio.run(() -> {
            Asyncio.toThread(() -> {
                worker.set(Thread.currentThread());
                return null;
            });
            Asyncio.getRunningLoop().runInExecutor(null, () -> {
                slowJobStarted.countDown();
                Thread.sleep(20);
                slowJobFinished[0] = true;
                return null;
            });
            Asyncio.toThread(() -> {
                slowJobStarted.await();
                return null;
            });
        });
        assertThat(slowJobFinished[0]).isTrue();
        worker.get().join(10_000);
        assertThat(worker.get().isAlive()).isFalse();
    }

    /** After shutdownDefaultExecutor, runInExecutor(null, ...) is refused. */
    @Test
    void defaultExecutorRefusesWorkAfterShutdown() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            await(loop.runInExecutor(null, () -> 1));
            loop.shutdownDefaultExecutor();
            assertThatThrownBy(() -> loop.runInExecutor(null, () -> 2)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Executor shutdown has been called");
        });
    }

    /** A CompletableFuture completed by another thread is awaited from a task. */
    @Test
    void awaitCompletableFutureCompletedByAnotherThread() throws Exception {
        String r = Asyncio.run(() -> {
            CompletableFuture<String> cf = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> cf.complete("from thread"));
            return await(cf);
        });
        assertThat(r).isEqualTo("from thread");
    }

    /** A CompletableFuture's exception reaches the task unchanged, without CompletionException. */
    @Test
    void awaitCompletableFutureExceptionIsUnwrapped() {
        IOException io = new IOException("x");
        assertThatThrownBy(() -> Asyncio.run(() -> {
            CompletableFuture<String> cf = new CompletableFuture<>();
            CompletableFuture<String> dependent = cf.thenApply(s -> s + "!");
            Thread.ofPlatform().start(() -> cf.completeExceptionally(io));
            return await(dependent);
        })).isSameAs(io);
        assertThatThrownBy(() -> Asyncio.run(() -> await(CompletableFuture.failedFuture(io)))).isSameAs(io);
    }

    /** Awaiting a cancelled CompletableFuture raises CancelledError. */
    @Test
    void awaitCancelledCompletableFutureRaisesCancelledError() {
        assertThatThrownBy(() -> Asyncio.run(() -> {
            CompletableFuture<String> cf = new CompletableFuture<>();
            Asyncio.getRunningLoop().callLater(0.001, () -> cf.cancel(false));
            return await(cf);
        })).isInstanceOf(CancelledError.class);
    }

    /** Cancelling the task that awaits a CompletableFuture cancels the CompletableFuture. */
    @Test
    void cancellingTheAwaitingTaskCancelsTheCompletableFuture() throws Exception {
        CompletableFuture<String> cf = new CompletableFuture<>();
        VirtualTimeLoop.run(() -> {
            Task<String> t = createTask(() -> await(cf));
            sleep(1);
            t.cancel();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
        });
        assertThat(cf.isCancelled()).isTrue();
    }

    /** runCoroutineThreadsafe runs a coroutine on the loop from a foreign thread; result and exceptions cross unchanged. */
    @Test
    void runCoroutineThreadsafeFromAForeignThread() throws Exception {
        IOException io = new IOException("in task");
        Object[] seen = new Object[3];
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Asyncio.toThread(() -> {
                seen[0] = loop.runCoroutineThreadsafe(() -> {
                    sleep(0.001);
                    return Asyncio.currentTask() != null ? "ran in a task" : "no task";
                }).get();
                try {
                    loop.runCoroutineThreadsafe(() -> {
                        throw io;
                    }).get();
                } catch (ExecutionException e) {
                    seen[1] = e.getCause();
                }
                seen[2] = loop.runCoroutineThreadsafe(() -> { }).get();
                return null;
            });
        });
        assertThat(seen[0]).isEqualTo("ran in a task");
        assertThat(seen[1]).isSameAs(io);
        assertThat(seen[2]).isNull();
    }

    /** Cancelling the CompletableFuture from runCoroutineThreadsafe cancels the task. */
    @Test
    void cancellingTheReturnedFutureCancelsTheTask() throws Exception {
        boolean[] taskCancelled = new boolean[1];
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> started = loop.createFuture();
            CompletableFuture<String> cf = Asyncio.toThread(() -> loop.runCoroutineThreadsafe(() -> {
                try {
                    started.setResult(null);
                    sleep(3600);
                    return "not reached";
                } catch (CancelledError e) {
                    taskCancelled[0] = true;
                    throw e;
                }
            }));
            await(started);
            Asyncio.toThread(() -> cf.cancel(true));
            sleep(0);
            sleep(0);
            assertThat(cf.isCancelled()).isTrue();
            assertThatThrownBy(cf::get).isInstanceOf(CancellationException.class);
        });
        assertThat(taskCancelled[0]).isTrue();
    }

    /** 10,000 runCoroutineThreadsafe calls from 8 threads all run, once each, with their own results. */
    @Test
    void tenThousandCallsFromEightThreads() throws Exception {
        int threads = 8;
        int perThread = 1250;
        int[] runs = new int[1];
        List<String> wrong = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                CompletableFuture<Void> finished = new CompletableFuture<>();
                done.add(finished);
                Thread.ofPlatform().start(() -> {
                    try {
                        List<CompletableFuture<Integer>> pending = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            int v = id * perThread + i;
                            CompletableFuture<Integer> cf = loop.runCoroutineThreadsafe(() -> {
                                runs[0]++;
                                if (v % 7 == 0) {
                                    sleep(0);
                                }
                                return v * 2;
                            });
                            if (i % 2 == 0) {
                                check(cf.get(), v, wrong);
                            } else {
                                pending.add(cf);
                            }
                        }
                        for (int i = 0; i < pending.size(); i++) {
                            check(pending.get(i).get(), id * perThread + 2 * i + 1, wrong);
                        }
                        finished.complete(null);
                    } catch (Throwable e) {
                        finished.completeExceptionally(e);
                    }
                });
            }
            await(CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])));
        });
        assertThat(wrong).isEmpty();
        assertThat(runs[0]).isEqualTo(threads * perThread);
    }

    private static void check(int got, int v, List<String> wrong) {
        if (got != v * 2) {
            synchronized (wrong) {
                wrong.add(v + "->" + got);
            }
        }
    }

    /** toCompletableFuture carries the result, the exception unchanged, or the cancellation to other threads. */
    @Test
    void toCompletableFutureCarriesTheOutcome() throws Exception {
        IOException io = new IOException("x");
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<String> ok = loop.createFuture();
            Future<String> failed = loop.createFuture();
            Future<String> cancelled = loop.createFuture();
            CompletableFuture<String> a = ok.toCompletableFuture();
            CompletableFuture<String> b = failed.toCompletableFuture();
            CompletableFuture<String> c = cancelled.toCompletableFuture();
            ok.setResult("v");
            failed.setException(io);
            cancelled.cancel();
            Object[] seen = Asyncio.toThread(() -> {
                Object[] s = new Object[3];
                s[0] = a.get();
                try {
                    b.get();
                } catch (ExecutionException e) {
                    s[1] = e.getCause();
                }
                try {
                    c.get(); // wait for the loop to pass the cancellation over, as for a and b
                } catch (java.util.concurrent.CancellationException expected) {
                    // checked below
                }
                s[2] = c.isCancelled();
                return s;
            });
            assertThat(seen).containsExactly("v", io, true);
        });
    }

    /** Cancelling the CompletableFuture from toCompletableFuture cancels the loop's future. */
    @Test
    void cancellingTheBridgeCancelsTheFuture() throws Exception {
        Asyncio.run(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            CompletableFuture<String> cf = f.toCompletableFuture();
            Asyncio.toThread(() -> cf.cancel(false));
            assertThatThrownBy(() -> await(f)).isInstanceOf(CancelledError.class);
            assertThat(f.cancelled()).isTrue();
        });
    }
}
