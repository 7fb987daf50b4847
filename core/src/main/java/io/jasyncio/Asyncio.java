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
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=asyncio}
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
        } else {
            task.sleepNanos(seconds >= 9.2e9 ? Long.MAX_VALUE / 4 : (long) (seconds * 1e9));
        }
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
        } else {
            long nanos;
            try {
                nanos = Math.min(delay.toNanos(), Long.MAX_VALUE / 4);
            } catch (ArithmeticException e) {
                nanos = Long.MAX_VALUE / 4;
            }
            task.sleepNanos(nanos);
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

    // ---------------------------------------------------------------- cancellation, timeouts, structure

    /**
     * Protects a future from cancellation: Python's {@code asyncio.shield}. Awaiting the returned
     * future gives the inner one's outcome; cancelling it (for example by cancelling the task that
     * awaits it) leaves the inner future running. A done future is returned as it is.
     *
     * {@snippet class=io.jasyncio.snippets.CoreSnippets region=shield}
     *
     * @param future the future or task to protect
     * @param <T> its result type
     * @return a future to await instead of {@code future}
     */
    public static <T> Future<T> shield(Future<T> future) {
        Objects.requireNonNull(future, "future");
        return io.jasyncio.internal.task.Shield.of(future);
    }

    /**
     * Runs a coroutine as a task on the running loop and shields it: {@code shield(coro())}.
     *
     * @param coroutine the body
     * @param <T> its result type
     * @return a future to await; cancelling it leaves the task running
     */
    public static <T> Future<T> shield(Coroutine<T> coroutine) {
        return shield(createTask(coroutine));
    }

    /**
     * @param coroutine a value-less body, run as a task
     * @return a future to await; cancelling it leaves the task running
     */
    public static Future<Void> shield(VoidCoroutine coroutine) {
        return shield(createTask(coroutine));
    }

    /**
     * Awaits a future with a timeout: Python's {@code asyncio.wait_for} (3.12+ semantics). On
     * expiry the future is cancelled (a task: its cancellation is requested) and this waits until
     * it is done, then raises {@link TimeoutError}; if it ignored the cancellation and finished,
     * its outcome is returned. A result that arrives in the same loop iteration as the expiry is
     * returned, never lost. A future already done gives its outcome at once.
     *
     * @param future the future or task
     * @param timeoutSeconds the longest wait; {@link Double#POSITIVE_INFINITY} for none; zero or
     *     less cancels a pending future at once
     * @param <T> its result type
     * @return its result
     * @throws TimeoutError if the timeout passed and the future ended cancelled
     * @throws Exception the future's exception, unchanged
     */
    public static <T> T waitFor(Future<T> future, double timeoutSeconds) throws Exception {
        return WaitFor.future(future, timeoutSeconds);
    }

    /**
     * @param future the future or task
     * @param timeout the longest wait
     * @param <T> its result type
     * @return its result
     * @throws TimeoutError if the timeout passed and the future ended cancelled
     * @throws Exception the future's exception, unchanged
     */
    public static <T> T waitFor(Future<T> future, Duration timeout) throws Exception {
        return WaitFor.future(future, WaitFor.seconds(timeout));
    }

    /**
     * Runs a coroutine inline in the current task with a timeout: {@code wait_for(coro(), t)}. On
     * expiry the coroutine sees {@link CancelledError} at its suspension point; when it has
     * unwound, {@link TimeoutError} is raised. If it catches the cancellation and returns, its
     * result is returned. With a timeout of zero or less it does not run at all.
     *
     * @param coroutine the body
     * @param timeoutSeconds the longest run; {@link Double#POSITIVE_INFINITY} for none
     * @param <T> its result type
     * @return its result
     * @throws TimeoutError if the timeout passed first
     * @throws Exception the coroutine's exception, unchanged
     */
    public static <T> T waitFor(Coroutine<T> coroutine, double timeoutSeconds) throws Exception {
        return WaitFor.coroutine(coroutine, timeoutSeconds);
    }

    /**
     * @param coroutine the body
     * @param timeout the longest run
     * @param <T> its result type
     * @return its result
     * @throws TimeoutError if the timeout passed first
     * @throws Exception the coroutine's exception, unchanged
     */
    public static <T> T waitFor(Coroutine<T> coroutine, Duration timeout) throws Exception {
        return WaitFor.coroutine(coroutine, WaitFor.seconds(timeout));
    }

    /**
     * @param coroutine a value-less body
     * @param timeoutSeconds the longest run; {@link Double#POSITIVE_INFINITY} for none
     * @throws TimeoutError if the timeout passed first
     * @throws Exception the coroutine's exception, unchanged
     */
    public static void waitFor(VoidCoroutine coroutine, double timeoutSeconds) throws Exception {
        WaitFor.coroutine(Coroutine.of(coroutine), timeoutSeconds);
    }

    /**
     * @param coroutine a value-less body
     * @param timeout the longest run
     * @throws TimeoutError if the timeout passed first
     * @throws Exception the coroutine's exception, unchanged
     */
    public static void waitFor(VoidCoroutine coroutine, Duration timeout) throws Exception {
        WaitFor.coroutine(Coroutine.of(coroutine), WaitFor.seconds(timeout));
    }

    /**
     * Makes a reschedulable timeout that expires {@code delaySeconds} from now: Python's
     * {@code asyncio.timeout(delay)}. Run its block with {@link Timeout#run(Coroutine)}; see
     * {@link Timeout} for why it is not used with try-with-resources.
     *
     * @param delaySeconds the delay; {@link Double#POSITIVE_INFINITY} for no deadline (Python's
     *     {@code None}); zero or less expires on the next loop iteration
     * @return the timeout, not yet entered
     * @throws IllegalStateException if no loop is running in the caller's context
     */
    public static Timeout timeout(double delaySeconds) {
        if (Double.isNaN(delaySeconds)) {
            throw new IllegalArgumentException("timeout delay is NaN");
        }
        EventLoop loop = getRunningLoop();
        return new Timeout(loop, delaySeconds == Double.POSITIVE_INFINITY ? delaySeconds : loop.time() + delaySeconds);
    }

    /**
     * @param delay the delay
     * @return the timeout, not yet entered
     */
    public static Timeout timeout(Duration delay) {
        return timeout(WaitFor.seconds(delay));
    }

    /**
     * Makes a reschedulable timeout with an absolute deadline: Python's
     * {@code asyncio.timeout_at(when)}.
     *
     * @param when the deadline in seconds on the loop's clock ({@link EventLoop#time()});
     *     {@link Double#POSITIVE_INFINITY} for none
     * @return the timeout, not yet entered
     */
    public static Timeout timeoutAt(double when) {
        return new Timeout(getRunningLoop(), when);
    }

    /**
     * Runs a block inline in the current task with a deadline {@code delaySeconds} from now:
     * {@code async with asyncio.timeout(delay): ...}. The primary form: the block's cancellation
     * by the deadline becomes {@link TimeoutError}, and only that one (see {@link Timeout}).
     *
     * @param delaySeconds the delay; {@link Double#POSITIVE_INFINITY} for none
     * @param body the block
     * @param <T> its result type
     * @return the block's result
     * @throws TimeoutError if the deadline passed and the block ended by the cancellation
     * @throws Exception the block's exception, unchanged
     */
    public static <T> T timeout(double delaySeconds, Coroutine<T> body) throws Exception {
        return timeout(delaySeconds).run(body);
    }

    /**
     * @param delaySeconds the delay; {@link Double#POSITIVE_INFINITY} for none
     * @param body a value-less block
     * @throws TimeoutError if the deadline passed and the block ended by the cancellation
     * @throws Exception the block's exception, unchanged
     */
    public static void timeout(double delaySeconds, VoidCoroutine body) throws Exception {
        timeout(delaySeconds).run(body);
    }

    /**
     * @param delay the delay
     * @param body the block
     * @param <T> its result type
     * @return the block's result
     * @throws TimeoutError if the deadline passed and the block ended by the cancellation
     * @throws Exception the block's exception, unchanged
     */
    public static <T> T timeout(Duration delay, Coroutine<T> body) throws Exception {
        return timeout(delay).run(body);
    }

    /**
     * @param delay the delay
     * @param body a value-less block
     * @throws TimeoutError if the deadline passed and the block ended by the cancellation
     * @throws Exception the block's exception, unchanged
     */
    public static void timeout(Duration delay, VoidCoroutine body) throws Exception {
        timeout(delay).run(body);
    }

    /**
     * Runs a block inline with an absolute deadline: {@code async with asyncio.timeout_at(when)}.
     *
     * @param when the deadline on the loop's clock; {@link Double#POSITIVE_INFINITY} for none
     * @param body the block
     * @param <T> its result type
     * @return the block's result
     * @throws TimeoutError if the deadline passed and the block ended by the cancellation
     * @throws Exception the block's exception, unchanged
     */
    public static <T> T timeoutAt(double when, Coroutine<T> body) throws Exception {
        return timeoutAt(when).run(body);
    }

    /**
     * @param when the deadline on the loop's clock; {@link Double#POSITIVE_INFINITY} for none
     * @param body a value-less block
     * @throws TimeoutError if the deadline passed and the block ended by the cancellation
     * @throws Exception the block's exception, unchanged
     */
    public static void timeoutAt(double when, VoidCoroutine body) throws Exception {
        timeoutAt(when).run(body);
    }

    /**
     * Iterates over futures in completion order: Python 3.13's {@code as_completed} with a plain
     * {@code for}. Each element is a future to await; the k-th completes like the k-th input to
     * complete. Duplicates count once. Nothing is cancelled.
     *
     * @param futures the futures or tasks
     * @param <T> their result type
     * @return a single-use iterator (and iterable) with one element per distinct input
     */
    public static <T> AsCompleted<T> asCompleted(Collection<? extends Future<? extends T>> futures) {
        return new AsCompleted<>(getRunningLoop(), Objects.requireNonNull(futures, "futures"), Double.POSITIVE_INFINITY);
    }

    /**
     * Like {@link #asCompleted(Collection)}, but the elements not completed when the timeout
     * passes fail with {@link TimeoutError} when awaited.
     *
     * @param futures the futures or tasks
     * @param timeoutSeconds the timeout, from now
     * @param <T> their result type
     * @return a single-use iterator (and iterable)
     */
    public static <T> AsCompleted<T> asCompleted(Collection<? extends Future<? extends T>> futures, double timeoutSeconds) {
        return new AsCompleted<>(getRunningLoop(), Objects.requireNonNull(futures, "futures"), timeoutSeconds);
    }

    /**
     * @param futures the futures or tasks
     * @param timeout the timeout, from now
     * @param <T> their result type
     * @return a single-use iterator (and iterable)
     */
    public static <T> AsCompleted<T> asCompleted(Collection<? extends Future<? extends T>> futures, Duration timeout) {
        return asCompleted(futures, WaitFor.seconds(timeout));
    }

    /**
     * A snapshot of the running loop's pending tasks as a tree (parent → children, what each
     * awaits and where), printable with {@code toString()}: the answer to
     * {@code python -m asyncio pstree}. From another thread, use {@link TaskTree#of(EventLoop)}.
     *
     * @return the snapshot
     * @throws IllegalStateException if no loop is running in the caller's context
     */
    public static TaskTree taskTree() {
        return TaskTree.of(getRunningLoop());
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
