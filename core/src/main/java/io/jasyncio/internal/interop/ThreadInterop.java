package io.jasyncio.internal.interop;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.internal.loop.BaseEventLoop;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Bridges between an event loop and other threads: Python's {@code run_in_executor},
 * {@code wrap_future}, {@code run_coroutine_threadsafe} and {@code shutdown_default_executor}.
 *
 * <p>Invariants: a loop future is only ever completed on its loop (completions that happen on
 * other threads are posted with {@code callSoonThreadsafe}, and dropped if the loop has closed);
 * results and exceptions cross unchanged (a {@link CompletionException} or
 * {@link ExecutionException} wrapper added by {@code java.util.concurrent} is removed); cancelling
 * either side cancels the other, as Python's {@code _chain_future} does.
 */
public final class ThreadInterop {

    private static final System.Logger LOG = System.getLogger("io.jasyncio");

    private ThreadInterop() {
    }

    /**
     * Runs {@code fn} on {@code executor} (the loop's default executor if {@code null}) and returns
     * a future of the loop for its outcome. Cancelling the future cancels the job, interrupting it
     * if it already runs.
     *
     * @param loop the loop
     * @param executor where to run it, or {@code null}
     * @param fn the job
     * @param <T> its result type
     * @return a future of {@code loop}
     */
    public static <T> Future<T> runInExecutor(EventLoop loop, Executor executor, Callable<T> fn) {
        Objects.requireNonNull(fn, "fn");
        BaseEventLoop base = (BaseEventLoop) loop;
        if (base.isClosed()) {
            throw new IllegalStateException("Event loop is closed");
        }
        Executor ex = executor != null ? executor : base.defaultExecutor().get();
        Future<T> out = loop.createFuture();
        FutureTask<T> job = new FutureTask<>(fn) {
            @Override
            protected void done() {
                post(base, () -> copyState(this, out));
            }
        };
        out.addDoneCallback(f -> {
            if (f.cancelled()) {
                job.cancel(true);
            }
        });
        ex.execute(job);
        return out;
    }

    private static <T> void copyState(java.util.concurrent.Future<T> src, Future<T> dst) {
        if (dst.done()) {
            return;
        }
        if (src.isCancelled()) {
            dst.cancel();
            return;
        }
        try {
            dst.setResult(src.get());
        } catch (ExecutionException e) {
            dst.setException(unwrap(e));
        } catch (InterruptedException | CancellationException e) {
            dst.cancel();
        }
    }

    /**
     * Python's {@code wrap_future}: a future of {@code loop} that completes as {@code cf} does.
     * Cancelling it cancels {@code cf}.
     *
     * @param cf the foreign future
     * @param loop the loop
     * @param <T> the result type
     * @return a future of {@code loop}
     */
    public static <T> Future<T> wrap(CompletableFuture<T> cf, EventLoop loop) {
        BaseEventLoop base = (BaseEventLoop) loop;
        Future<T> out = loop.createFuture();
        out.addDoneCallback(f -> {
            if (f.cancelled()) {
                cf.cancel(true);
            }
        });
        cf.whenComplete((v, e) -> post(base, () -> {
            if (out.done()) {
                return;
            }
            if (e == null) {
                out.setResult(v);
            } else {
                Throwable cause = unwrap(e);
                if (cause instanceof CancellationException) {
                    out.cancel();
                } else {
                    out.setException(cause);
                }
            }
        }));
        return out;
    }

    /**
     * The outcome of a completed {@link CompletableFuture}, unwrapped: its value, or its exception
     * unchanged ({@link CancelledError} if it was cancelled).
     *
     * @param cf a done future
     * @param <T> the result type
     * @return its value
     * @throws Exception its exception
     */
    public static <T> T resultOf(CompletableFuture<T> cf) throws Exception {
        try {
            return cf.get();
        } catch (CancellationException e) {
            throw new CancelledError("the CompletableFuture was cancelled");
        } catch (ExecutionException e) {
            throw rethrowable(unwrap(e));
        }
    }

    /**
     * A {@link CompletableFuture} that completes as {@code f} does; cancelling it cancels {@code f}
     * (on its loop).
     *
     * @param f a loop future
     * @param <T> the result type
     * @return the bridge
     */
    public static <T> CompletableFuture<T> toCompletableFuture(Future<T> f) {
        BaseEventLoop loop = (BaseEventLoop) f.getLoop();
        Bridge<T> cf = new Bridge<>(loop);
        cf.source = f;
        Runnable hook = () -> f.addDoneCallback(cf::completeFrom);
        if (loop.isRunning() && !loop.inLoop()) {
            loop.callSoonThreadsafe(hook);
        } else {
            hook.run();
        }
        return cf;
    }

    /**
     * Python's {@code run_coroutine_threadsafe}: starts {@code coroutine} as a task of
     * {@code loop}, from any thread, and returns a {@link CompletableFuture} of its outcome.
     * Cancelling that future cancels the task.
     *
     * @param loop the loop
     * @param coroutine the coroutine
     * @param <T> its result type
     * @return the task's outcome
     * @throws IllegalStateException if the loop is closed
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(EventLoop loop, Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        BaseEventLoop base = (BaseEventLoop) loop;
        Bridge<T> cf = new Bridge<>(base);
        loop.callSoonThreadsafe(() -> {
            if (cf.isDone()) {
                return;
            }
            try {
                Task<T> task = loop.createTask(coroutine);
                cf.source = task;
                task.addDoneCallback(cf::completeFrom);
            } catch (Throwable e) {
                cf.completeExceptionally(e);
            }
        });
        return cf;
    }

    /**
     * Python's {@code loop.shutdown_default_executor(timeout)}: refuses new jobs, then suspends the
     * current task until the default executor's threads have finished (the loop keeps running),
     * or the timeout passes (then a warning is logged).
     *
     * @param loop the running loop
     * @param timeoutSeconds the longest wait
     * @throws Exception if the current task is cancelled
     */
    public static void shutdownDefaultExecutor(EventLoop loop, double timeoutSeconds) throws Exception {
        ExecutorService ex = ((BaseEventLoop) loop).defaultExecutor().markShutdown();
        if (ex == null) {
            return;
        }
        Future<Boolean> done = loop.createFuture();
        long nanos = timeoutSeconds >= 9e9 ? Long.MAX_VALUE : (long) (Math.max(0, timeoutSeconds) * 1e9);
        Thread.ofPlatform().daemon(true).name("jasyncio-executor-shutdown").start(() -> {
            ex.shutdown();
            boolean terminated;
            try {
                terminated = ex.awaitTermination(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                terminated = false;
            }
            boolean t = terminated;
            post((BaseEventLoop) loop, () -> {
                if (!done.done()) {
                    done.setResult(t);
                }
            });
        });
        if (!Asyncio.await(done)) {
            LOG.log(System.Logger.Level.WARNING, "The default executor did not finish joining its threads within "
                    + timeoutSeconds + " seconds.");
        }
    }

    /**
     * Shuts down a loop's default executor from outside the loop, running the loop while it waits:
     * what {@code Asyncio.run} does before it closes its loop.
     *
     * @param loop a loop that is not running
     * @throws Exception if the wait fails
     */
    public static void shutdownDefaultExecutorAndWait(EventLoop loop) throws Exception {
        if (((BaseEventLoop) loop).defaultExecutor().peek() == null) {
            ((BaseEventLoop) loop).defaultExecutor().markShutdown();
            return;
        }
        loop.runUntilComplete(() -> shutdownDefaultExecutor(loop, 300));
    }

    private static void post(BaseEventLoop loop, Runnable r) {
        if (loop.isClosed()) {
            return;
        }
        try {
            loop.callSoonThreadsafe(r);
        } catch (IllegalStateException closedMeanwhile) {
            // The loop closed between the check and the call: nobody is left to tell.
        }
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static Exception rethrowable(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new ExecutionException(t);
    }

    /** A {@link CompletableFuture} fed by a loop future; cancelling it cancels that future on its loop. */
    private static final class Bridge<T> extends CompletableFuture<T> {

        private final BaseEventLoop loop;
        volatile Future<T> source;

        Bridge(BaseEventLoop loop) {
            this.loop = loop;
        }

        void completeFrom(Future<T> f) {
            if (f.cancelled()) {
                super.cancel(false);
                return;
            }
            Throwable e = f.exception();
            if (e != null) {
                completeExceptionally(e);
            } else {
                try {
                    complete(f.result());
                } catch (Exception impossible) {
                    completeExceptionally(impossible);
                }
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                post(loop, () -> {
                    Future<T> s = source;
                    if (s != null) {
                        s.cancel();
                    }
                });
            }
            return cancelled;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }
}
