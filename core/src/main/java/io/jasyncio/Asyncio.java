package io.jasyncio;

import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.task.GatheringFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code asyncio} namespace: run a program, create tasks, await, sleep, gather and wait.
 *
 * <p>Every method that suspends (Python's coroutine functions) must be called from inside a task;
 * it suspends the calling task and returns its result directly. Called anywhere else, it fails at
 * once with a message that says to use {@link #run(Coroutine)}.
 *
 * <pre>{@code
 * import static io.jasyncio.Asyncio.*;
 *
 * public static void main(String[] args) throws Exception {
 *     run(() -> {
 *         Task<Void> task = createTask(() -> {
 *             sleep(1);
 *             System.out.println("Hello, world!");
 *         });
 *         await(task);
 *     });
 * }
 * }</pre>
 *
 * <p>{@link #wait(Collection, double, ReturnWhen)} keeps Python's name; inside a class it must be
 * called qualified ({@code Asyncio.wait(...)}), since {@code Object.wait} shadows a static import.
 */
public final class Asyncio {

    private Asyncio() {
    }

    // ---------------------------------------------------------------- running a program

    /**
     * Runs a coroutine on a new event loop and returns its result: Python's {@code asyncio.run}.
     * When it returns, tasks still pending have been cancelled and the loop is closed.
     *
     * @param main the main coroutine
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged
     * @throws IllegalStateException if called from a running event loop
     */
    public static <T> T run(Coroutine<T> main) throws Exception {
        return run(main, false);
    }

    /**
     * Runs a value-less coroutine on a new event loop: Python's {@code asyncio.run}.
     *
     * @param main the main coroutine
     * @throws Exception its exception, unchanged
     */
    public static void run(VoidCoroutine main) throws Exception {
        run(Coroutine.of(main), false);
    }

    /**
     * @param main the main coroutine
     * @param debug whether the loop runs in debug mode
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged
     */
    public static <T> T run(Coroutine<T> main, boolean debug) throws Exception {
        Objects.requireNonNull(main, "main");
        if (BaseEventLoop.currentRunningLoop() != null) {
            throw new IllegalStateException("Asyncio.run() cannot be called from a running event loop: "
                    + "inside a task, call the code directly, or create a task with Asyncio.createTask(...)");
        }
        EventLoop loop = EventLoop.create();
        try {
            loop.setDebug(debug);
            return loop.runUntilComplete(loop.createTask(main, "main"));
        } finally {
            try {
                cancelAllTasks(loop);
                shutdownDefaultExecutor(loop);
            } finally {
                loop.close();
            }
        }
    }

    private static void cancelAllTasks(EventLoop loop) throws Exception {
        Set<Task<?>> pending = loop.allTasks();
        if (pending.isEmpty()) {
            return;
        }
        for (Task<?> t : pending) {
            t.cancel();
        }
        List<Future<?>> all = new ArrayList<>(pending);
        loop.runUntilComplete(GatheringFuture.<Object>of(loop, castList(all), true));
        for (Task<?> t : pending) {
            if (!t.cancelled() && t.exception() != null) {
                loop.callExceptionHandler(Map.of(
                        "message", "unhandled exception during Asyncio.run() shutdown",
                        "exception", t.exception(),
                        "task", t));
            }
        }
    }

    // ---------------------------------------------------------------- loop and task context

    /**
     * @return the loop running the caller: Python's {@code asyncio.get_running_loop()}
     * @throws IllegalStateException if no loop is running in the caller's context
     */
    public static EventLoop getRunningLoop() {
        BaseEventLoop loop = BaseEventLoop.currentRunningLoop();
        if (loop == null) {
            throw new IllegalStateException("no running event loop: call this from a task or a callback, "
                    + "inside Asyncio.run(...) or loop.runUntilComplete(...)");
        }
        return loop;
    }

    /** @return the task running the caller, or {@code null} outside a task */
    public static Task<?> currentTask() {
        return Task.current();
    }

    /** @return the running loop's tasks that are not done */
    public static Set<Task<?>> allTasks() {
        return getRunningLoop().allTasks();
    }

    /**
     * Starts a coroutine as a task on the running loop: Python's {@code asyncio.create_task}.
     *
     * @param coroutine the body
     * @param <T> its result type
     * @return the task; it starts on the loop's next iteration
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return getRunningLoop().createTask(coroutine);
    }

    /**
     * @param coroutine the body
     * @param name the task's name
     * @param <T> its result type
     * @return the task
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return getRunningLoop().createTask(coroutine, name);
    }

    /**
     * @param coroutine a value-less body
     * @return the task
     */
    public static Task<Void> createTask(VoidCoroutine coroutine) {
        return getRunningLoop().createTask(coroutine);
    }

    /**
     * @param coroutine a value-less body
     * @param name the task's name
     * @return the task
     */
    public static Task<Void> createTask(VoidCoroutine coroutine, String name) {
        return getRunningLoop().createTask(coroutine, name);
    }

    static Task<?> requireTask(String what) {
        Task<?> t = Task.current();
        if (t != null) {
            return t;
        }
        if (BaseEventLoop.RUNNING.isBound()) {
            throw new IllegalStateException(what + " was called from a callback on the event loop's thread, which "
                    + "cannot suspend: run the code in a task (Asyncio.createTask(...)) instead");
        }
        throw new IllegalStateException(what + " must be called from inside a task: wrap the code in "
                + "Asyncio.run(() -> { ... }) or loop.runUntilComplete(...)");
    }

    // ---------------------------------------------------------------- await and sleep

    /**
     * Suspends the current task until the future is done and returns its result: Python's
     * {@code await fut}. A future that is already done gives its result without suspending.
     *
     * @param future the future or task to wait for
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged ({@link CancelledError} if it was cancelled, or if
     *     the current task was cancelled while waiting)
     */
    public static <T> T await(Future<T> future) throws Exception {
        Objects.requireNonNull(future, "future");
        Task<?> task = requireTask("Asyncio.await()");
        if (future.done()) {
            return future.result();
        }
        return task.awaitPending(future);
    }

    /**
     * Runs a coroutine inline in the current task and returns its result: Python's
     * {@code await coro()}.
     *
     * @param coroutine the coroutine
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged
     */
    public static <T> T await(Coroutine<T> coroutine) throws Exception {
        Objects.requireNonNull(coroutine, "coroutine");
        requireTask("Asyncio.await()");
        return coroutine.call();
    }

    /**
     * Suspends the current task for a number of seconds: Python's {@code asyncio.sleep}.
     * {@code sleep(0)} (or a negative delay) yields exactly once: every other ready callback and
     * task runs once before this task resumes.
     *
     * @param seconds the delay
     * @throws CancelledError if the task is cancelled while sleeping
     */
    public static void sleep(double seconds) {
        Task<?> task = requireTask("Asyncio.sleep()");
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("sleep(NaN)");
        }
        if (seconds <= 0) {
            task.yieldOnce();
            return;
        }
        sleepOn(task, seconds, null);
    }

    /**
     * @param delay how long to suspend the current task
     * @throws CancelledError if the task is cancelled while sleeping
     */
    public static void sleep(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        Task<?> task = requireTask("Asyncio.sleep()");
        if (delay.isNegative() || delay.isZero()) {
            task.yieldOnce();
            return;
        }
        sleepOn(task, 0, delay);
    }

    private static void sleepOn(Task<?> task, double seconds, Duration delay) {
        EventLoop loop = task.getLoop();
        Future<Void> f = new Future<>(loop);
        Runnable fire = () -> {
            if (!f.done()) {
                f.setResult(null);
            }
        };
        TimerHandle h = delay != null ? loop.callLater(delay, fire) : loop.callLater(seconds, fire);
        try {
            task.awaitPending(f);
        } catch (CancelledError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a sleep's future failed", e);
        } finally {
            h.cancel();
        }
    }

    // ---------------------------------------------------------------- gather

    /**
     * Waits for all futures and returns their results in argument order: Python's
     * {@code asyncio.gather}. The first exception (or cancellation) of a child propagates at
     * once; the other children keep running. Cancelling the caller cancels the children.
     *
     * @param futures the futures or tasks
     * @param <T> their result type
     * @return the results, in argument order
     * @throws Exception the first child's exception, unchanged
     */
    @SafeVarargs
    public static <T> List<T> gather(Future<? extends T>... futures) throws Exception {
        return gather(Arrays.asList(futures));
    }

    /**
     * @param futures the futures or tasks
     * @param <T> their result type
     * @return the results, in the collection's order
     * @throws Exception the first child's exception, unchanged
     */
    public static <T> List<T> gather(Collection<? extends Future<? extends T>> futures) throws Exception {
        requireTask("Asyncio.gather()");
        if (futures.isEmpty()) {
            return new ArrayList<>();
        }
        return await(GatheringFuture.<T>of(getRunningLoop(), List.copyOf(futures), false));
    }

    /**
     * Runs each coroutine as a task and waits for all: {@code gather(coro1(), coro2())}.
     *
     * @param coroutines the coroutines
     * @param <T> their result type
     * @return the results, in argument order
     * @throws Exception the first exception, unchanged
     */
    @SafeVarargs
    public static <T> List<T> gather(Coroutine<? extends T>... coroutines) throws Exception {
        return gather(tasksOf(coroutines));
    }

    /**
     * Runs each value-less coroutine as a task and waits for all.
     *
     * @param coroutines the coroutines
     * @return a list of {@code null}s, one per coroutine
     * @throws Exception the first exception, unchanged
     */
    public static List<Void> gather(VoidCoroutine... coroutines) throws Exception {
        List<Task<Void>> tasks = new ArrayList<>(coroutines.length);
        EventLoop loop = getRunningLoop();
        for (VoidCoroutine c : coroutines) {
            tasks.add(loop.createTask(c));
        }
        return gather(tasks);
    }

    /**
     * Like {@link #gather(Collection)} with {@code return_exceptions=True}: a child's exception
     * (or {@link CancelledError}) takes the place of its result instead of propagating.
     *
     * @param futures the futures or tasks
     * @return each child's result or exception, in the collection's order
     * @throws CancelledError if the caller is cancelled
     */
    public static List<Object> gatherReturnExceptions(Collection<? extends Future<?>> futures) throws Exception {
        requireTask("Asyncio.gatherReturnExceptions()");
        if (futures.isEmpty()) {
            return new ArrayList<>();
        }
        return await(GatheringFuture.<Object>of(getRunningLoop(), castList(new ArrayList<>(futures)), true));
    }

    /**
     * @param futures the futures or tasks
     * @return each child's result or exception, in argument order
     * @throws CancelledError if the caller is cancelled
     */
    public static List<Object> gatherReturnExceptions(Future<?>... futures) throws Exception {
        return gatherReturnExceptions(Arrays.asList(futures));
    }

    /**
     * @param coroutines coroutines, each run as a task
     * @return each one's result or exception, in argument order
     * @throws CancelledError if the caller is cancelled
     */
    public static List<Object> gatherReturnExceptions(Coroutine<?>... coroutines) throws Exception {
        return gatherReturnExceptions(tasksOf(coroutines));
    }

    @SafeVarargs
    private static <T> List<Task<? extends T>> tasksOf(Coroutine<? extends T>... coroutines) {
        EventLoop loop = getRunningLoop();
        List<Task<? extends T>> tasks = new ArrayList<>(coroutines.length);
        for (Coroutine<? extends T> c : coroutines) {
            tasks.add(loop.createTask(c));
        }
        return tasks;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<? extends Future<? extends T>> castList(List<? extends Future<?>> list) {
        return (List<? extends Future<? extends T>>) list;
    }

    // ---------------------------------------------------------------- wait

    /**
     * Waits until all the futures are done: {@code asyncio.wait(fs)}.
     *
     * @param futures futures or tasks (not coroutines: make tasks of them first)
     * @param <T> their result type
     * @return the done and pending sets
     */
    public static <T> WaitResult<T> wait(Collection<? extends Future<T>> futures) {
        return waitImpl(futures, -1, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * @param futures futures or tasks
     * @param returnWhen when to return
     * @param <T> their result type
     * @return the done and pending sets
     */
    public static <T> WaitResult<T> wait(Collection<? extends Future<T>> futures, ReturnWhen returnWhen) {
        return waitImpl(futures, -1, returnWhen);
    }

    /**
     * Waits until {@code returnWhen} is met or the timeout passes: Python's
     * {@code asyncio.wait(fs, timeout=..., return_when=...)}. A timeout does not raise: the
     * futures not done are in the pending set. Nothing is cancelled.
     *
     * @param futures futures or tasks
     * @param timeoutSeconds the longest wait in seconds
     * @param returnWhen when to return
     * @param <T> their result type
     * @return the done and pending sets
     */
    public static <T> WaitResult<T> wait(Collection<? extends Future<T>> futures, double timeoutSeconds,
            ReturnWhen returnWhen) {
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("timeout is NaN");
        }
        return waitImpl(futures, Math.max(0, timeoutSeconds), returnWhen);
    }

    /**
     * @param futures futures or tasks
     * @param timeout the longest wait
     * @param returnWhen when to return
     * @param <T> their result type
     * @return the done and pending sets
     */
    public static <T> WaitResult<T> wait(Collection<? extends Future<T>> futures, Duration timeout,
            ReturnWhen returnWhen) {
        return waitImpl(futures, Math.max(0, timeout.toNanos() / 1e9), returnWhen);
    }

    private static <T> WaitResult<T> waitImpl(Collection<? extends Future<T>> futures, double timeout,
            ReturnWhen returnWhen) {
        Objects.requireNonNull(futures, "futures");
        Objects.requireNonNull(returnWhen, "returnWhen");
        Task<?> task = requireTask("Asyncio.wait()");
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        Set<Future<T>> fs = new LinkedHashSet<>(futures);
        EventLoop loop = task.getLoop();
        Future<Void> waiter = new Future<>(loop);
        int[] counter = {fs.size()};
        TimerHandle timeoutHandle = timeout >= 0
                ? loop.callLater(timeout, () -> { if (!waiter.done()) { waiter.setResult(null); } })
                : null;
        Consumer<Future<T>> onCompletion = f -> {
            counter[0]--;
            if (counter[0] <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                    || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && f.exception() != null)) {
                if (timeoutHandle != null) {
                    timeoutHandle.cancel();
                }
                if (!waiter.done()) {
                    waiter.setResult(null);
                }
            }
        };
        for (Future<T> f : fs) {
            f.addDoneCallback(onCompletion);
        }
        try {
            task.awaitPending(waiter);
        } catch (CancelledError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("wait's internal future failed", e);
        } finally {
            if (timeoutHandle != null) {
                timeoutHandle.cancel();
            }
            for (Future<T> f : fs) {
                f.removeDoneCallback(onCompletion);
            }
        }
        Set<Future<T>> done = new LinkedHashSet<>();
        Set<Future<T>> pending = new LinkedHashSet<>();
        for (Future<T> f : fs) {
            (f.done() ? done : pending).add(f);
        }
        return new WaitResult<>(done, pending);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Rethrows a future's exception unchanged: returned as an {@link Exception} for the caller to
     * throw, thrown here if it is an {@link Error}.
     */
    static Exception rethrow(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new java.util.concurrent.ExecutionException(t);
    }

    // ---------------------------------------------------------------- threads and context

    /**
     * Runs a blocking function on the loop's default executor and suspends the current task until
     * it returns: Python's {@code asyncio.to_thread}. The function runs in a copy of the caller's
     * {@link ContextVar} context. Cancelling the task cancels the job (interrupting its thread if it
     * already runs).
     *
     * @param fn the blocking function
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged
     */
    public static <T> T toThread(java.util.concurrent.Callable<T> fn) throws Exception {
        java.util.Objects.requireNonNull(fn, "fn");
        requireTask("Asyncio.toThread()");
        io.jasyncio.internal.context.Vars ctx = io.jasyncio.internal.context.Context.captureVars();
        return await(getRunningLoop().runInExecutor(null,
                () -> io.jasyncio.internal.context.Context.callIn(ctx, fn)));
    }

    /**
     * Suspends the current task until a {@link java.util.concurrent.CompletableFuture} completes,
     * and returns its result: Python's {@code await asyncio.wrap_future(f)}. Its completion, on
     * whatever thread, reaches the loop through {@code callSoonThreadsafe}. Cancelling the task
     * cancels the CompletableFuture.
     *
     * @param future the future, completed by any thread
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged (not wrapped in a {@code CompletionException});
     *     {@link CancelledError} if it was cancelled
     */
    public static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        java.util.Objects.requireNonNull(future, "future");
        requireTask("Asyncio.await()");
        if (future.isDone()) {
            return io.jasyncio.internal.interop.ThreadInterop.resultOf(future);
        }
        return await(io.jasyncio.internal.interop.ThreadInterop.wrap(future, getRunningLoop()));
    }

    /** What {@link #run} does before closing its loop: Python's {@code shutdown_default_executor}. */
    private static void shutdownDefaultExecutor(EventLoop loop) throws Exception {
        io.jasyncio.internal.interop.ThreadInterop.shutdownDefaultExecutorAndWait(loop);
    }
}
