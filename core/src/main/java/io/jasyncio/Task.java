package io.jasyncio;

import io.jasyncio.internal.context.Context;
import io.jasyncio.internal.context.Vars;
import io.jasyncio.internal.engine.Fiber;
import io.jasyncio.internal.gen.GeneratorCore;
import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.task.Frames;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A coroutine running on an event loop: Python's {@code asyncio.Task}. Each task has its own
 * thread of control (on the fast engine, a virtual thread whose scheduler is the loop), so it keeps
 * Java's thread semantics: its own stack, ThreadLocals and locks, and a name in thread dumps.
 *
 * <p><b>Scheduling.</b> The loop runs one task at a time. A task runs until it suspends: in
 * {@link Asyncio#await(Future)} on a pending future, in {@link Asyncio#sleep(double)}, or (fast
 * engine) in a blocking JDK call, which parks only this task. Nothing else on the loop runs between
 * two suspension points.
 *
 * <p><b>Cancellation</b> (CPython 3.13 semantics). {@link #cancel(String)} asks the task to stop: if
 * it is waiting on a future, that future is cancelled and the task wakes with
 * {@link CancelledError}; otherwise the error is raised at its next suspension point (and a task
 * parked in a blocking JDK call is interrupted). A task that catches the error and returns
 * normally is not cancelled; {@link #cancelling()} counts pending requests and {@link #uncancel()}
 * withdraws one. A task whose body ends with {@code CancelledError} (or with an interruption while
 * a cancel was pending) ends cancelled.
 *
 * <p>The loop keeps a strong reference to every task that is not done, so a fire-and-forget task
 * is never collected while pending.
 *
 * <p><b>Introspection.</b> A pending task knows its {@linkplain #getParent() parent} (the task that
 * created it, or the parent of the {@link TaskGroup} it was created in) and, in debug mode, its
 * {@linkplain #getCreationSite() creation site}; {@link TaskTree} prints a loop's tasks as a tree.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=task}
 *
 * @param <T> the type of the coroutine's result
 */
public final class Task<T> extends Future<T> {

    private static final AtomicLong COUNTER = new AtomicLong();

    /**
     * @return the task whose thread is calling, or {@code null}. A task's thread carries its task
     *     in the thread's uncaught-exception-handler slot, a field every thread has anyway: the
     *     lookup is one field read, and a suspended task holds no extra binding or frame for it.
     */
    static Task<?> current() {
        Thread t = Thread.currentThread();
        if (!t.isVirtual()) {
            return null;
        }
        return t.getUncaughtExceptionHandler() instanceof Marker m ? m.task : GeneratorCore.drivingTask();
    }

    /**
     * For loop implementations: the task whose thread is calling, or {@code null}.
     *
     * @return the current task or {@code null}
     */
    public static Task<?> currentOrNull() {
        return current();
    }

    /** The body: a {@link Coroutine} or, kept unwrapped to save an object, a {@link VoidCoroutine}. */
    private final Object body;
    private final long creationOrder;
    private final Fiber fiber;
    private String name;
    private boolean started;
    private boolean mustCancel;
    private String mustCancelMessage;
    private int cancelRequests;
    private Future<?> waitingOn;
    /** The timer of the lean sleep this task is in, or {@code null} (see {@link #sleepNanos}). */
    private TimerHandle sleepTimer;
    private Task<?> parent;
    private final StackTraceElement[] createdAt;
    /**
     * This task's context-variable context: a copy of its creator's (see {@link Context}). Until a
     * variable is set in the task it is only the creator's {@link Vars} snapshot; the
     * {@link Context} holder is made on first need.
     */
    private Object context;

    /**
     * Creates a task and schedules its first step; {@link EventLoop#createTask(Coroutine)} and
     * {@link Asyncio#createTask(Coroutine)} are the usual ways.
     *
     * @param loop the loop to run on
     * @param coroutine the body
     * @param name the name, or {@code null} for {@code Task-N}
     */
    public Task(EventLoop loop, Coroutine<T> coroutine, String name) {
        this(loop, (Object) Objects.requireNonNull(coroutine, "coroutine"), name);
    }

    /**
     * Creates a task whose body returns nothing and schedules its first step; for loop
     * implementations ({@link EventLoop#createTask(VoidCoroutine)} is the usual way).
     *
     * @param loop the loop to run on
     * @param body the body
     * @param name the name, or {@code null} for {@code Task-N}
     * @return the task
     */
    public static Task<Void> create(EventLoop loop, VoidCoroutine body, String name) {
        return new Task<>(loop, (Object) Objects.requireNonNull(body, "body"), name);
    }

    private Task(EventLoop loop, Object body, String name) {
        super(loop);
        Task<?> creator = current();
        this.parent = creator != null && creator.loop == this.loop ? creator : null;
        this.createdAt = this.loop.getDebug() ? new Throwable().getStackTrace() : null;
        this.body = body;
        this.creationOrder = COUNTER.incrementAndGet();
        this.name = name != null ? name : "Task-" + creationOrder;
        this.context = Context.captureVars();
        Marker marker = new Marker(this);
        this.fiber = this.loop.fibers().newFiber(this.name, marker);
        this.fiber.thread().setUncaughtExceptionHandler(marker);
        this.loop.registerTask(this);
        fiber.start();
    }

    @SuppressWarnings("unchecked")
    private static <T> T call(Object body) throws Exception {
        if (body instanceof Coroutine<?> c) {
            return (T) c.call();
        }
        ((VoidCoroutine) body).run();
        return null;
    }

    private void runCoroutine() {
        started = true;
        loop.stepping(this);
        if (mustCancel) {
            mustCancel = false;
            finishCancelled(mustCancelMessage);
            return;
        }
        T value;
        try {
            value = call(body);
        } catch (CancelledError e) {
            Thread.interrupted();
            ExceptionGroup replacement = Cancellations.replacementFor(e);
            if (replacement != null) {
                finished();
                super.setException(replacement);
                return;
            }
            finishCancelled(e.getMessage());
            return;
        } catch (Throwable e) {
            if (cancelRequests > 0 && isInterruption(e)) {
                Thread.interrupted();
                finishCancelled(mustCancelMessage);
            } else {
                finished();
                super.setException(e);
            }
            return;
        }
        if (mustCancel) {
            mustCancel = false;
            finishCancelled(mustCancelMessage);
        } else {
            finished();
            super.setResult(value);
        }
    }

    private static boolean isInterruption(Throwable e) {
        return e instanceof InterruptedException || e instanceof ClosedByInterruptException
                || e instanceof InterruptedIOException;
    }

    private void finishCancelled(String message) {
        finished();
        super.cancel(message);
    }

    private void finished() {
        loop.taskDone(this);
        parent = null;
    }

    // ---------------------------------------------------------------- suspension (task's own thread)

    /**
     * Suspends this task until {@code f} is done; called on this task's thread by
     * {@link Asyncio#await(Future)} with a pending future.
     */
    <R> R awaitPending(Future<R> f) throws Exception {
        if (Thread.currentThread() != fiber.thread()) {
            return GeneratorCore.awaitOnDriver(f); // a generator body running for this task
        }
        if (f == this) {
            throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        if (f.getLoop() != loop) {
            throw new IllegalStateException("Task " + name + " got Future " + f + " attached to a different loop");
        }
        waitingOn = f;
        f.addWaiter(this);
        boolean foreignInterrupt = false;
        try {
            if (mustCancel) {
                Thread.interrupted();
                if (f.cancel(mustCancelMessage)) {
                    mustCancel = false;
                }
                fiber.yieldNow();
            }
            while (!f.done()) {
                fiber.park();
                if (Thread.interrupted()) {
                    if (mustCancel) {
                        if (f.cancel(mustCancelMessage)) {
                            mustCancel = false;
                        }
                    } else {
                        foreignInterrupt = true;
                    }
                }
            }
        } finally {
            waitingOn = null;
            if (!f.done()) {
                f.removeWaiter(this);
            }
            loop.stepping(this);
            if (foreignInterrupt) {
                Thread.currentThread().interrupt();
            }
        }
        if (mustCancel) {
            mustCancel = false;
            throw new CancelledError(mustCancelMessage);
        }
        return f.result();
    }

    /**
     * Suspends this task for a delay; called on this task's thread by {@link Asyncio#sleep}.
     *
     * <p>The common case holds nothing but a timer whose callback is the fiber's own unparker: a
     * sleeping task costs one {@link TimerHandle} and no future (this matters with a million
     * sleepers). {@link #cancel} cancels that timer and wakes the task, which then raises
     * {@link CancelledError}, as a cancelled sleep future would. A sleep inside a generator body,
     * or with a cancellation already pending, goes through an ordinary future instead.
     */
    void sleepNanos(long delayNanos) {
        if (Thread.currentThread() != fiber.thread() || mustCancel) {
            sleepOnFuture(delayNanos);
            return;
        }
        long deadline = loop.clock().nanoTime() + delayNanos;
        TimerHandle timer = loop.callAtNanos(deadline, fiber.unparker());
        sleepTimer = timer;
        boolean foreignInterrupt = false;
        try {
            do {
                fiber.park();
                if (Thread.interrupted()) {
                    foreignInterrupt = true; // cancel() never interrupts a sleeping task
                }
            } while (!timer.cancelled() && loop.clock().nanoTime() < deadline);
        } finally {
            sleepTimer = null;
            loop.stepping(this);
            if (foreignInterrupt) {
                Thread.currentThread().interrupt();
            }
        }
        if (timer.cancelled() || mustCancel) {
            mustCancel = false;
            throw new CancelledError(mustCancelMessage);
        }
    }

    private void sleepOnFuture(long delayNanos) {
        Sleep sleep = new Sleep(loop);
        TimerHandle timer = loop.callAtNanos(loop.clock().nanoTime() + delayNanos, sleep);
        try {
            awaitPending(sleep);
        } catch (CancelledError e) {
            timer.cancel();
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a sleep's future failed", e);
        }
    }

    /** The future a sleeping task waits on; the timer runs it to wake the task. */
    private static final class Sleep extends Future<Void> implements Runnable {
        Sleep(EventLoop loop) {
            super(loop);
        }

        @Override
        public void run() {
            if (!done()) {
                setResult(null);
            }
        }
    }

    /** Lets every other ready callback and task run once; called on this task's thread. */
    void yieldOnce() {
        if (Thread.currentThread() != fiber.thread()) {
            GeneratorCore.yieldOnDriver(); // a generator body running for this task
            return;
        }
        fiber.yieldNow();
        loop.stepping(this);
        if (mustCancel) {
            mustCancel = false;
            Thread.interrupted();
            throw new CancelledError(mustCancelMessage);
        }
    }

    /** Called by a future this task waits on, when it completes. */
    void wakeUp() {
        if (Thread.currentThread() != fiber.thread()) {
            fiber.unpark();
        }
    }

    // ---------------------------------------------------------------- cancellation

    /**
     * Requests cancellation: see the class comment.
     *
     * @param message the message the {@link CancelledError} will carry, or {@code null}
     * @return {@code false} if the task is already done, else {@code true}
     */
    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        cancelRequests++;
        TimerHandle sleeping = sleepTimer;
        if (sleeping != null) {
            // A sleeping task: the first request ends the sleep, as cancelling its future would; a
            // further one before the task resumes still yields a single CancelledError.
            if (!sleeping.cancelled()) {
                sleeping.cancel();
                fiber.unpark();
            } else {
                mustCancel = true;
            }
            mustCancelMessage = message;
            return true;
        }
        Future<?> w = waitingOn;
        if (w != null && w.cancel(message)) {
            return true;
        }
        mustCancel = true;
        mustCancelMessage = message;
        if (w == null && started && Thread.currentThread() != fiber.thread()) {
            fiber.interrupt();
        }
        return true;
    }

    /** @return how many cancellation requests are pending (not withdrawn by {@link #uncancel()}) */
    public int cancelling() {
        return cancelRequests;
    }

    /**
     * Withdraws one cancellation request, for code that deliberately ignores one (as
     * {@link Asyncio#timeout} does when it converts its own cancellation into a timeout).
     *
     * @return the number of requests still pending
     */
    public int uncancel() {
        if (cancelRequests > 0) {
            cancelRequests--;
            if (cancelRequests == 0) {
                mustCancel = false;
            }
        }
        return cancelRequests;
    }

    /** Not supported: a task's result is what its coroutine returns. */
    @Override
    public void setResult(T value) {
        throw new UnsupportedOperationException("Task does not support setResult: its result is what its coroutine returns");
    }

    /** Not supported: a task's exception is what its coroutine throws. */
    @Override
    public void setException(Throwable e) {
        throw new UnsupportedOperationException("Task does not support setException: its exception is what its coroutine throws");
    }

    // ---------------------------------------------------------------- introspection

    /** @return a number that orders tasks by creation, across all loops of this JVM */
    public long creationOrder() {
        return creationOrder;
    }

    /** @return the task's name */
    public String getName() {
        return name;
    }

    /** @param name the new name; also the thread's name */
    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
        fiber.thread().setName(name);
    }

    /** @return the coroutine this task runs */
    @SuppressWarnings("unchecked")
    public Coroutine<T> getCoroutine() {
        return body instanceof Coroutine<?> c ? (Coroutine<T>) c : () -> call(body);
    }

    /** @return the thread the task's body runs on (a virtual thread) */
    public Thread thread() {
        return fiber.thread();
    }

    /** @return the future this task is suspended on, or {@code null} */
    public Future<?> waitingOn() {
        return waitingOn;
    }

    /**
     * @return whether this task is suspended on its loop: in an await of a future (see
     *     {@link #waitingOn()}) or in {@link Asyncio#sleep}, as opposed to running, ready, or
     *     blocked in a JDK call the loop does not see (a virtual-time clock needs the difference)
     */
    public boolean isSuspendedOnLoop() {
        return waitingOn != null || sleepTimer != null;
    }

    /** @return the timer of the sleep this task is suspended in, or {@code null} */
    TimerHandle sleepTimer() {
        return sleepTimer;
    }

    /**
     * @return the task that created this one (for a task of a {@link TaskGroup}: the group's
     *     parent task), while this task is pending; {@code null} for a task created outside any
     *     task, and once this task is done (so that finished ancestors can be collected)
     */
    public Task<?> getParent() {
        return parent;
    }

    /** Called by a {@link TaskGroup}: the group's parent task is this task's parent. */
    void adoptParent(Task<?> groupParent) {
        if (!done()) {
            parent = groupParent;
        }
    }

    /** @return whether the task's body has begun (its first step ran) */
    boolean isStarted() {
        return started;
    }

    /**
     * @return where the task was created, from the first frame outside jasyncio, innermost first;
     *     recorded only when the loop was in debug mode then, else an empty array
     */
    public StackTraceElement[] getCreationSite() {
        return createdAt == null ? new StackTraceElement[0] : Frames.fromFirstUserFrame(createdAt);
    }

    /**
     * @return where the task is: its thread's stack while it is suspended (the frames of the
     *     await it waits in), or an empty array when it is done or has not started
     */
    public StackTraceElement[] getStack() {
        return done() || !started ? new StackTraceElement[0] : fiber.thread().getStackTrace();
    }

    @Override
    protected String describe() {
        String s = super.describe();
        if (!done() && waitingOn != null) {
            s += " wait_for=" + waitingOn;
        }
        TimerHandle sleeping = sleepTimer;
        if (!done() && sleeping != null) {
            s += " sleeping until=" + sleeping.when();
        }
        if (createdAt != null) {
            StackTraceElement[] site = getCreationSite();
            if (site.length > 0) {
                s += " created at " + site[0];
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "<Task " + describe() + " name='" + name + "'>";
    }

    /**
     * Marks a task's thread with its task (see {@link #current()}) and its context, reports to the
     * loop's exception handler anything that would escape the task's body uncaught, and is the
     * thread's body: one object per task for the three jobs.
     */
    private record Marker(Task<?> task) implements Thread.UncaughtExceptionHandler, Context.Owner, Runnable {
        @Override
        public void run() {
            task.runCoroutine();
        }

        @Override
        public Context context() {
            if (task.context instanceof Context c) {
                return c;
            }
            Context c = new Context((Vars) task.context);
            task.context = c;
            return c;
        }

        @Override
        public Vars vars() {
            return task.context instanceof Context c ? c.vars : (Vars) task.context;
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            task.loop.callExceptionHandler(java.util.Map.of(
                    "message", "Uncaught error on the thread of " + task, "exception", e, "task", task));
        }
    }
}
