package io.jasyncio;

import io.jasyncio.internal.engine.Fiber;
import io.jasyncio.internal.gen.GeneratorCore;
import io.jasyncio.internal.loop.BaseEventLoop;
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
 * @param <T> the type of the coroutine's result
 */
public final class Task<T> extends Future<T> {

    /** Bound on a task's own thread for the whole of its body. */
    public static final ScopedValue<Task<?>> CURRENT = ScopedValue.newInstance();

    private static final AtomicLong COUNTER = new AtomicLong();

    /** @return the task whose thread is calling (or that a generator body runs for), or {@code null} */
    static Task<?> current() {
        return CURRENT.isBound() ? CURRENT.get() : GeneratorCore.drivingTask();
    }

    /**
     * For loop implementations: the task whose thread is calling, or {@code null}.
     *
     * @return the current task or {@code null}
     */
    public static Task<?> currentOrNull() {
        return current();
    }

    private final BaseEventLoop loop;
    private final Coroutine<T> coroutine;
    private final Fiber fiber;
    private String name;
    private boolean started;
    private boolean mustCancel;
    private String mustCancelMessage;
    private int cancelRequests;
    private Future<?> waitingOn;

    /**
     * Creates a task and schedules its first step; {@link EventLoop#createTask(Coroutine)} and
     * {@link Asyncio#createTask(Coroutine)} are the usual ways.
     *
     * @param loop the loop to run on
     * @param coroutine the body
     * @param name the name, or {@code null} for {@code Task-N}
     */
    public Task(EventLoop loop, Coroutine<T> coroutine, String name) {
        super(loop);
        this.loop = (BaseEventLoop) loop;
        this.coroutine = Objects.requireNonNull(coroutine, "coroutine");
        this.name = name != null ? name : "Task-" + COUNTER.incrementAndGet();
        this.fiber = this.loop.fibers().newFiber(this.name, this::body);
        this.loop.registerTask(this);
        fiber.start();
    }

    private void body() {
        ScopedValue.where(CURRENT, this).run(this::runCoroutine);
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
            value = coroutine.call();
        } catch (CancelledError e) {
            Thread.interrupted();
            finishCancelled(e.getMessage());
            return;
        } catch (Throwable e) {
            if (cancelRequests > 0 && isInterruption(e)) {
                Thread.interrupted();
                finishCancelled(mustCancelMessage);
            } else {
                loop.taskDone(this);
                super.setException(e);
            }
            return;
        }
        if (mustCancel) {
            mustCancel = false;
            finishCancelled(mustCancelMessage);
        } else {
            loop.taskDone(this);
            super.setResult(value);
        }
    }

    private static boolean isInterruption(Throwable e) {
        return e instanceof InterruptedException || e instanceof ClosedByInterruptException
                || e instanceof InterruptedIOException;
    }

    private void finishCancelled(String message) {
        loop.taskDone(this);
        super.cancel(message);
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
    public Coroutine<T> getCoroutine() {
        return coroutine;
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
        return s;
    }

    @Override
    public String toString() {
        return "<Task " + describe() + " name='" + name + "'>";
    }
}
