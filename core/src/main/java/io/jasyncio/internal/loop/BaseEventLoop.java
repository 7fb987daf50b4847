package io.jasyncio.internal.loop;

import io.jasyncio.Clock;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionHandler;
import io.jasyncio.Future;
import io.jasyncio.Handle;
import io.jasyncio.Task;
import io.jasyncio.TimerHandle;
import io.jasyncio.VoidCoroutine;
import io.jasyncio.internal.engine.Engines;
import io.jasyncio.internal.engine.TaskEngine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduling core of an event loop, as CPython's {@code base_events.py}: a FIFO ready queue, a
 * timer heap, the exception handler, debug mode, the registry of live tasks, and
 * {@link #runOnce()}. Subclasses supply the multiplexer ({@link #waitForEvents(long)} and
 * {@link #wakeup()}).
 *
 * <p>Invariants:
 * <ul>
 *   <li>{@code ready}, the timer heap and the task registry are touched only from the loop's
 *       context: its thread while running, one of its tasks (which run on that thread), or the
 *       preparing thread while it is not running. Other threads go through {@code inbox}, a
 *       lock-free queue drained into {@code ready} once per iteration.
 *   <li>One iteration runs exactly the items that were ready when it began; what they schedule
 *       runs on the next iteration (so {@code sleep(0)} yields once to everything else).
 *   <li>Timers are ordered by deadline, then by scheduling order; cancelled timers are dropped
 *       lazily when they reach the top, or all at once when they are more than half of a heap
 *       of over 100, as in CPython.
 *   <li>The loop's thread is a platform thread the loop owns and never holds a monitor while it
 *       runs an item, because mounting a virtual thread under a held monitor crashes the JVM.
 *   <li>Testing hooks ({@link #setBatchOrder}, {@link #callWhenIdle}, {@link #isIdle},
 *       {@link #externalWorkStarted}) are inert unless used: with no {@link BatchOrder}
 *       installed, the ready queue holds the entries themselves and runs them FIFO.
 * </ul>
 */
public abstract class BaseEventLoop implements EventLoop {

    /** Bound on the loop's thread while the loop runs. */
    public static final ScopedValue<BaseEventLoop> RUNNING = ScopedValue.newInstance();

    private static final System.Logger LOG = System.getLogger("io.jasyncio");
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int MIN_SCHEDULED_TIMER_HANDLES = 100;
    private static final long INFINITE = -1;
    /** Timers scheduled from other threads sort after same-deadline ones made on the loop. */
    private static final java.util.concurrent.atomic.AtomicLong FOREIGN_SEQUENCE = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE / 2);

    private final int id = IDS.incrementAndGet();
    private final Clock clock;
    private final TaskEngine.FiberFactory fibers;
    private final String engineName;
    private final boolean fastEngine;
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>(256);
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<TimerHandle> timers = new PriorityQueue<>(TimerHandle::compare);
    private final Set<Task<?>> tasks = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Set<UnretrievedError> unretrieved = Collections.newSetFromMap(new LinkedHashMap<>());
    private int cancelledTimers;
    private long timerSequence;
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile boolean closed;
    private volatile boolean debug;
    private double slowCallbackSeconds = 0.1;
    private ExceptionHandler exceptionHandler;
    private Task<?> stepping;
    /** Steps to run right after the item now running, before the rest of the ready queue. */
    private final ArrayDeque<Runnable> immediate = new ArrayDeque<>(4);
    private boolean captureSchedule;
    private final io.jasyncio.internal.interop.DefaultExecutor defaultExecutor = new io.jasyncio.internal.interop.DefaultExecutor();

    // Testing hooks (used by io.jasyncio.testing; inert unless set): see the section "testing hooks".
    private static final Object EACH_OWN_SOURCE = new Object();
    private BatchOrder batchOrder;
    private Object enqueueSource = EACH_OWN_SOURCE;
    private final ArrayDeque<Handle> idleCallbacks = new ArrayDeque<>();
    private final AtomicInteger externalWork = new AtomicInteger();

    /** The executor that task engines schedule steps on: thread-safe, runs on the loop thread. */
    private final Executor scheduler = this::schedule;

    /**
     * @param clock the time source to schedule by
     */
    protected BaseEventLoop(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        TaskEngine engine = Engines.get();
        this.engineName = engine.name();
        this.fastEngine = engine.isFast();
        this.fibers = engine.forLoop(scheduler);
    }

    // ---------------------------------------------------------------- waiting for events

    /**
     * Waits for I/O events up to the given time and queues their callbacks with
     * {@link #addReady(Runnable)}.
     *
     * @param timeoutNanos 0 to poll, -1 to wait until woken, else the longest wait
     */
    protected abstract void waitForEvents(long timeoutNanos);

    /** Makes a current or next {@link #waitForEvents(long)} return at once. Thread-safe. */
    protected abstract void wakeup();

    /** Releases the multiplexer. Called once by {@link #close()}. */
    protected abstract void closeMultiplexer();

    /** @return whether work arrived from other threads and is waiting to be drained */
    protected final boolean hasInbox() {
        return !inbox.isEmpty();
    }

    // ---------------------------------------------------------------- identity and context

    /** @return the task engine's fiber factory for this loop */
    public final TaskEngine.FiberFactory fibers() {
        return fibers;
    }

    /** @return the clock this loop schedules by */
    public final Clock clock() {
        return clock;
    }

    @Override
    public final String engineName() {
        return engineName;
    }

    /** @return whether the caller runs in this loop's context: its thread or one of its tasks */
    public final boolean inLoop() {
        Thread current = Thread.currentThread();
        if (current == thread) {
            return true;
        }
        if (current.isVirtual()) {
            Task<?> task = Task.currentOrNull();
            return task != null && task.getLoop() == this;
        }
        return false;
    }

    /** @return whether a foreign thread may touch the loop's state: it is not running */
    private boolean confined() {
        return thread == null || inLoop();
    }

    private void checkThread(String what) {
        if (!confined()) {
            if (debug) {
                throw new IllegalStateException(what + " was called from thread " + Thread.currentThread().getName()
                        + " while the loop runs on " + thread.getName()
                        + ": it is not thread-safe. Use loop.callSoonThreadsafe(...) or "
                        + "loop.runCoroutineThreadsafe(...) from other threads.");
            }
        }
    }

    private void checkClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed: create a new one with EventLoop.create() "
                    + "or use Asyncio.run(...), which makes and closes its own.");
        }
    }

    // ---------------------------------------------------------------- scheduling

    /**
     * Queues a runnable for the next iteration; thread-safe. Task engines schedule their steps
     * here. Work for a closed loop is dropped, since the JDK's threads may still wake its tasks.
     *
     * @param r what to run on the loop
     */
    public final void schedule(Runnable r) {
        if (inLoop()) {
            if (captureSchedule) {
                captureSchedule = false;
                immediate.addLast(r);
            } else {
                ready.addLast(tagged(r));
            }
        } else if (!closed) {
            inbox.offer(r);
            wakeup();
        }
    }

    /**
     * Adds to the ready queue directly; only from the loop's context (multiplexers use it).
     *
     * @param r what to run in this iteration's batch or the next
     */
    protected final void addReady(Runnable r) {
        ready.addLast(tagged(r));
    }

    @Override
    public double time() {
        return clock.nanoTime() / 1e9;
    }

    @Override
    public Handle callSoon(Runnable callback) {
        checkClosed();
        Handle h = new Handle(callback, this);
        if (inLoop()) {
            ready.addLast(tagged(h));
        } else {
            checkThread("callSoon");
            inbox.offer(h);
            wakeup();
        }
        return h;
    }

    @Override
    public Handle callSoonThreadsafe(Runnable callback) {
        checkClosed();
        Handle h = new Handle(callback, this);
        schedule(h);
        return h;
    }

    @Override
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        if (Double.isNaN(delaySeconds)) {
            throw new IllegalArgumentException("delay is NaN");
        }
        long delay = delaySeconds <= 0 ? 0 : delaySeconds >= 9.2e9 ? Long.MAX_VALUE / 4 : (long) (delaySeconds * 1e9);
        return callAtNanos(clock.nanoTime() + delay, callback);
    }

    @Override
    public TimerHandle callLater(Duration delay, Runnable callback) {
        Objects.requireNonNull(delay, "delay");
        long nanos = delay.isNegative() ? 0 : saturatedNanos(delay);
        return callAtNanos(clock.nanoTime() + nanos, callback);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return Math.min(d.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    @Override
    public TimerHandle callAt(double whenSeconds, Runnable callback) {
        if (Double.isNaN(whenSeconds)) {
            throw new IllegalArgumentException("when is NaN");
        }
        return callAtNanos((long) (whenSeconds * 1e9), callback);
    }

    /**
     * @param whenNanos the deadline on the loop's clock
     * @param callback what to run
     * @return the timer
     */
    public TimerHandle callAtNanos(long whenNanos, Runnable callback) {
        checkClosed();
        Objects.requireNonNull(callback, "callback");
        if (!confined()) {
            checkThread("callLater/callAt");
            TimerHandle h = new TimerHandle(whenNanos, FOREIGN_SEQUENCE.incrementAndGet(), callback, this);
            schedule(() -> pushTimer(h));
            return h;
        }
        TimerHandle h = new TimerHandle(whenNanos, timerSequence++, callback, this);
        timers.add(h);
        return h;
    }

    private void pushTimer(TimerHandle h) {
        if (!h.cancelled()) {
            timers.add(h);
        }
    }

    /** Called by a scheduled {@link TimerHandle} when it is cancelled. */
    public final void timerHandleCancelled() {
        cancelledTimers++;
    }

    // ---------------------------------------------------------------- running

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void stop() {
        stopping = true;
        if (!inLoop()) {
            wakeup();
        }
    }

    @Override
    public void runForever() {
        runForever(null);
    }

    /**
     * Runs the loop on its own thread until stopped; the caller waits.
     *
     * @param onInterrupt what to do (on the loop, thread-safely) if the waiting caller is
     *     interrupted; {@code null} stops the loop
     */
    protected void runForever(Runnable onInterrupt) {
        checkClosed();
        checkNotRunning();
        // The fast engine mounts tasks on the loop's thread, which must be a platform thread that
        // holds no monitor. The fallback hands a baton between virtual threads of the default
        // scheduler, which is cheapest when the loop is one of them too (no OS thread switch).
        Thread.Builder builder = fastEngine
                ? Thread.ofPlatform().daemon(true)
                : Thread.ofVirtual();
        Thread loopThread = builder
                .name("jasyncio-loop-" + id)
                .unstarted(() -> ScopedValue.where(RUNNING, this).run(this::runLoop));
        Throwable[] crash = new Throwable[1];
        loopThread.setUncaughtExceptionHandler((t, e) -> crash[0] = e);
        thread = loopThread;
        loopThread.start();
        boolean interrupted = false;
        while (true) {
            try {
                loopThread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                if (onInterrupt != null) {
                    callSoonThreadsafe(onInterrupt);
                } else {
                    stop();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (crash[0] != null) {
            throw new IllegalStateException("the event loop's thread failed", crash[0]);
        }
    }

    private void checkNotRunning() {
        Thread t = thread;
        if (t != null) {
            throw new IllegalStateException("This event loop is already running (on thread " + t.getName()
                    + "); a loop runs on one thread at a time.");
        }
        BaseEventLoop other = currentRunningLoop();
        if (other != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running: "
                    + "this call cannot be made from a running event loop. Inside a task, await the work "
                    + "(Asyncio.await(...)) or create a task instead.");
        }
    }

    /** @return the loop whose context the caller is in, or {@code null} */
    public static BaseEventLoop currentRunningLoop() {
        BaseEventLoop loop = (RUNNING.isBound() ? RUNNING.get() : null);
        if (loop != null) {
            return loop;
        }
        Task<?> task = Task.currentOrNull();
        return task == null ? null : (BaseEventLoop) task.getLoop();
    }

    private void runLoop() {
        try {
            while (true) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            thread = null;
        }
    }

    /** One iteration, as CPython's {@code _run_once}: wait for events, due timers, then the batch. */
    protected final void runOnce() {
        purgeCancelledTimers();
        long timeout;
        if (!ready.isEmpty() || !immediate.isEmpty() || stopping || !inbox.isEmpty()) {
            timeout = 0;
        } else if (!timers.isEmpty()) {
            timeout = Math.max(0, timers.peek().whenNanos() - clock.nanoTime());
        } else {
            timeout = INFINITE;
        }
        if (timeout != 0 && !idleCallbacks.isEmpty()) {
            // Testing hook: this is an idle point (nothing ready, no timer due, nothing inbound),
            // so the callbacks waiting for one run now, before the clock may jump.
            while (!idleCallbacks.isEmpty()) {
                Handle h = idleCallbacks.pollFirst();
                ready.addLast(batchOrder == null ? h : new Sourced(h, BatchOrder.Origin.IDLE));
            }
            timeout = 0;
        }
        waitForEvents(clock.beforeWait(timeout));
        long now = timers.isEmpty() ? 0 : clock.nanoTime();
        while (!timers.isEmpty()) {
            TimerHandle h = timers.peek();
            if (h.cancelled()) {
                timers.poll();
                cancelledTimers--;
                h.unscheduled();
                continue;
            }
            if (h.whenNanos() > now) {
                break;
            }
            timers.poll();
            h.unscheduled();
            ready.addLast(h);
        }
        Runnable r;
        while ((r = inbox.poll()) != null) {
            ready.addLast(r);
        }
        runHandoffs();
        int n = ready.size();
        if (batchOrder != null) {
            runOrderedBatch(n); // testing hook: a BatchOrder decides the order of this batch
            return;
        }
        if (debug) {
            for (int i = 0; i < n; i++) {
                runTimed(ready.pollFirst());
                runHandoffs();
            }
        } else {
            for (int i = 0; i < n; i++) {
                ready.pollFirst().run();
                runHandoffs();
            }
        }
    }

    private void purgeCancelledTimers() {
        int size = timers.size();
        if (size > MIN_SCHEDULED_TIMER_HANDLES && cancelledTimers * 2 > size) {
            List<TimerHandle> live = new ArrayList<>(size - cancelledTimers);
            for (TimerHandle h : timers) {
                if (h.cancelled()) {
                    h.unscheduled();
                } else {
                    live.add(h);
                }
            }
            timers.clear();
            timers.addAll(live);
            cancelledTimers = 0;
        } else {
            while (!timers.isEmpty() && timers.peek().cancelled()) {
                timers.poll().unscheduled();
                cancelledTimers--;
            }
        }
    }

    private void runTimed(Runnable r) {
        stepping = null;
        long start = System.nanoTime();
        r.run();
        long took = System.nanoTime() - start;
        if (took > slowCallbackSeconds * 1e9) {
            String what = r instanceof Handle ? r.toString()
                    : stepping != null ? "a step of " + stepping : "a task step";
            LOG.log(System.Logger.Level.WARNING, String.format("Executing %s took %.3f seconds", what, took / 1e9));
        }
    }

    /**
     * Called by a task when it starts or resumes a step, so that debug mode can name it.
     *
     * @param task the task now running
     */
    public final void stepping(Task<?> task) {
        stepping = task;
    }

    @Override
    public <T> T runUntilComplete(Future<T> future) throws Exception {
        checkClosed();
        Objects.requireNonNull(future, "future");
        if (future.getLoop() != this) {
            throw new IllegalArgumentException("The future belongs to a different loop than the one given to runUntilComplete");
        }
        java.util.function.Consumer<Future<T>> stopper = f -> stop();
        future.addDoneCallback(stopper);
        try {
            runForever(future instanceof Task<?> t ? () -> t.cancel("the thread running the loop was interrupted") : null);
        } finally {
            future.removeDoneCallback(stopper);
        }
        if (!future.done()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    @Override
    public <T> T runUntilComplete(Coroutine<T> coroutine) throws Exception {
        checkClosed();
        checkNotRunning();
        return runUntilComplete(createTask(coroutine));
    }

    @Override
    public void runUntilComplete(VoidCoroutine coroutine) throws Exception {
        runUntilComplete(Coroutine.of(coroutine));
    }

    // ---------------------------------------------------------------- futures and tasks

    @Override
    public <T> Future<T> createFuture() {
        checkClosed();
        return new Future<>(this);
    }

    @Override
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    @Override
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        checkCreateTask(coroutine);
        return new Task<>(this, coroutine, name);
    }

    private void checkCreateTask(Object coroutine) {
        checkClosed();
        Objects.requireNonNull(coroutine, "coroutine");
        if (!confined()) {
            throw new IllegalStateException("createTask was called from thread " + Thread.currentThread().getName()
                    + " while the loop runs on another: use loop.runCoroutineThreadsafe(...) from other threads.");
        }
    }

    @Override
    public Task<Void> createTask(VoidCoroutine coroutine) {
        return createTask(coroutine, null);
    }

    @Override
    public Task<Void> createTask(VoidCoroutine coroutine, String name) {
        checkCreateTask(coroutine);
        return Task.create(this, coroutine, name);
    }

    /**
     * Called by a new task, so that the loop holds it strongly until it is done.
     *
     * @param task the new task
     */
    public final void registerTask(Task<?> task) {
        checkClosed();
        tasks.add(task);
    }

    /**
     * Called by a task when it is done, to drop the loop's strong reference.
     *
     * @param task the finished task
     */
    public final void taskDone(Task<?> task) {
        tasks.remove(task);
    }

    @Override
    public Set<Task<?>> allTasks() {
        List<Task<?>> sorted = new ArrayList<>(tasks);
        sorted.sort(java.util.Comparator.comparingLong(Task::creationOrder));
        return new LinkedHashSet<>(sorted);
    }

    /** @return the number of tasks not done yet */
    public final int liveTaskCount() {
        return tasks.size();
    }

    /**
     * Records a future's exception that nobody has retrieved yet, to report at close.
     *
     * @param e the record; removed again when retrieved
     */
    public final void trackUnretrieved(UnretrievedError e) {
        if (confined()) {
            unretrieved.add(e);
        }
    }

    /** @param e a record whose exception was retrieved or reported */
    public final void untrackUnretrieved(UnretrievedError e) {
        if (confined()) {
            unretrieved.remove(e);
        }
    }

    // ---------------------------------------------------------------- testing hooks
    //
    // Used by the testing module (io.jasyncio.testing): seeded schedules, runUntilIdle,
    // waitAllTasksBlocked and the virtual clock's auto-jump rule. None of them costs anything
    // unless a test uses it.

    /**
     * Testing hook: installs the policy that orders each iteration's batch, or removes it. While
     * one is installed, every entry queued from the loop's context records its source (see
     * {@link BatchOrder}). Only while the loop is not running.
     *
     * @param order the policy, or {@code null} for plain FIFO
     */
    public final void setBatchOrder(BatchOrder order) {
        if (thread != null) {
            throw new IllegalStateException("setBatchOrder is only allowed while the loop is not running");
        }
        this.batchOrder = order;
    }

    /** @return the installed batch policy, or {@code null} */
    public final BatchOrder batchOrder() {
        return batchOrder;
    }

    /** The entry wrapped with its source, when a {@link BatchOrder} is installed. */
    private Runnable tagged(Runnable r) {
        if (batchOrder == null) {
            return r;
        }
        return new Sourced(r, enqueueSource == EACH_OWN_SOURCE ? r : enqueueSource);
    }

    /** Runs the first {@code n} ready entries in the order the installed policy chooses. */
    private void runOrderedBatch(int n) {
        List<Runnable> batch = new ArrayList<>(n);
        List<Object> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Runnable r = ready.pollFirst();
            if (r instanceof Sourced s) {
                batch.add(s.entry());
                sources.add(s.source());
            } else {
                // Not queued from the loop's context: a due timer, or work that came through the inbox.
                batch.add(r);
                sources.add(r instanceof TimerHandle ? BatchOrder.Origin.TIMERS : BatchOrder.Origin.INBOUND);
            }
        }
        if (n > 1) {
            batchOrder.order(batch, sources);
        }
        try {
            for (Runnable r : batch) {
                enqueueSource = r; // what r schedules has r as its source
                if (debug) {
                    runTimed(r);
                } else {
                    r.run();
                }
                runHandoffs();
            }
        } finally {
            enqueueSource = EACH_OWN_SOURCE;
        }
    }

    /** A ready entry and what made it ready. */
    private record Sourced(Runnable entry, Object source) implements Runnable {
        @Override
        public void run() {
            entry.run();
        }
    }

    /**
     * Testing hook: runs {@code callback} at the loop's next idle point, where nothing is ready,
     * no timer is due and nothing came from other threads: every task is blocked. Idle callbacks
     * run before a virtual clock may jump. Only from the loop's context, or while not running.
     *
     * @param callback what to run
     * @return a handle that can cancel it
     */
    public final Handle callWhenIdle(Runnable callback) {
        checkClosed();
        if (!confined()) {
            throw new IllegalStateException("callWhenIdle must be called from the loop's context");
        }
        Handle h = new Handle(callback, this);
        idleCallbacks.addLast(h);
        return h;
    }

    /**
     * Testing hook: whether nothing would run if the loop iterated now: no ready entry, no work
     * from other threads, no idle callback, no timer due. Only from the loop's context, or while
     * not running. A cancelled timer at the top of the heap counts as due (it is purged on the next
     * iteration), so this may say {@code false} once too often, never {@code true} too early.
     *
     * @return whether the loop is idle
     */
    public final boolean isIdle() {
        return ready.isEmpty() && inbox.isEmpty() && idleCallbacks.isEmpty()
                && (timers.isEmpty() || timers.peek().whenNanos() > clock.nanoTime());
    }

    /**
     * Testing hook, for bridges that hand work to another thread which will report back to this
     * loop ({@code toThread}, {@code runInExecutor}, awaiting a {@code CompletableFuture}): call
     * this before handing the work over, and {@link #externalWorkFinished()} after its result has
     * been posted with {@code callSoonThreadsafe}. A virtual clock does not auto-jump while such
     * work is in flight. Thread-safe.
     */
    public final void externalWorkStarted() {
        externalWork.incrementAndGet();
    }

    /** Testing hook: the end of {@link #externalWorkStarted()}; wakes the loop. Thread-safe. */
    public final void externalWorkFinished() {
        if (externalWork.decrementAndGet() < 0) {
            externalWork.incrementAndGet();
            throw new IllegalStateException("externalWorkFinished without a matching externalWorkStarted");
        }
        wakeup();
    }

    /** @return how much work handed to other threads has not reported back yet (testing hook) */
    public final int externalWorkInFlight() {
        return externalWork.get();
    }

    // ---------------------------------------------------------------- errors and debug

    @Override
    public void setExceptionHandler(ExceptionHandler handler) {
        this.exceptionHandler = handler;
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    @Override
    public void callExceptionHandler(Map<String, Object> context) {
        ExceptionHandler handler = exceptionHandler;
        if (handler == null) {
            defaultExceptionHandler(context);
            return;
        }
        try {
            handler.handle(this, context);
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "Unhandled error in exception handler " + handler
                    + " while handling: " + context.get("message"), e);
            defaultExceptionHandler(context);
        }
    }

    @Override
    public void defaultExceptionHandler(Map<String, Object> context) {
        Object message = context.getOrDefault("message", "Unhandled exception in event loop");
        Object exc = context.get("exception");
        StringBuilder sb = new StringBuilder(String.valueOf(message));
        for (Map.Entry<String, Object> e : context.entrySet()) {
            if (!e.getKey().equals("message") && !e.getKey().equals("exception")) {
                sb.append("\n").append(e.getKey()).append(": ").append(e.getValue());
            }
        }
        if (exc instanceof Throwable t) {
            LOG.log(System.Logger.Level.ERROR, sb.toString(), t);
        } else {
            LOG.log(System.Logger.Level.ERROR, sb.toString());
        }
    }

    @Override
    public void setDebug(boolean enabled) {
        this.debug = enabled;
    }

    @Override
    public boolean getDebug() {
        return debug;
    }

    @Override
    public void setSlowCallbackDuration(double seconds) {
        this.slowCallbackSeconds = seconds;
    }

    @Override
    public double getSlowCallbackDuration() {
        return slowCallbackSeconds;
    }

    // ---------------------------------------------------------------- closing

    @Override
    public void close() {
        if (isRunning()) {
            throw new IllegalStateException("Cannot close a running event loop: stop it first (loop.stop()).");
        }
        if (closed) {
            return;
        }
        for (UnretrievedError e : List.copyOf(unretrieved)) {
            e.report();
        }
        unretrieved.clear();
        if (debug) {
            PendingTasks.reportAtClose(this, List.copyOf(tasks));
        }
        finishPendingTasks();
        closed = true;
        defaultExecutor.closeNoWait();
        ready.clear();
        immediate.clear();
        inbox.clear();
        timers.clear();
        idleCallbacks.clear();
        closeMultiplexer();
    }

    /**
     * Cancels the tasks still pending at close and runs the loop until they finish (at most one
     * second on the loop's clock), so that their {@code finally} blocks run and their threads end:
     * a virtual thread parked forever would stay reachable, since the JDK tracks every live one.
     * Python's {@code loop.close()} simply drops them; {@code asyncio.run} cancels them first, as
     * this does. Skipped when called from inside another running loop.
     */
    private void finishPendingTasks() {
        if (tasks.isEmpty() || currentRunningLoop() != null) {
            return;
        }
        Set<Task<?>> pending = allTasks();
        int[] left = {pending.size()};
        for (Task<?> t : pending) {
            t.cancel("the event loop is closing");
            t.addDoneCallback(f -> {
                if (--left[0] == 0) {
                    stop();
                }
            });
        }
        TimerHandle limit = callLater(1.0, this::stop);
        runForever();
        limit.cancel();
        for (Task<?> t : pending) {
            if (t.done() && !t.cancelled() && t.exception() != null) {
                callExceptionHandler(Map.of(
                        "message", "unhandled exception in a task cancelled at loop close",
                        "exception", t.exception(),
                        "task", t));
            }
        }
    }

    // ---------------------------------------------------------------- threads and context

    /**
     * Runs {@code step} right after the item now running returns, before anything else in the
     * ready queue: the strict handoff between a generator's caller and its body. Loop context only.
     *
     * @param step a continuation step
     */
    public final void runNext(Runnable step) {
        immediate.addLast(step);
    }

    /**
     * Runs the steps handed over with {@link #runNext}, and what they hand over in turn. Called
     * after every ready item (a batch runner that runs items some other way must call it too).
     */
    private void runHandoffs() {
        Runnable r;
        while ((r = immediate.pollFirst()) != null) {
            if (debug) {
                runTimed(r);
            } else {
                r.run();
            }
        }
    }

    /**
     * While on, the next step scheduled from the loop's context goes to {@link #runNext} instead
     * of the ready queue (so that unparking a task resumes it next). Loop context only.
     *
     * @param on whether to capture
     */
    public final void captureNextSchedule(boolean on) {
        captureSchedule = on;
    }

    /** @return this loop's default executor (for {@code runInExecutor(null, ...)}) */
    public final io.jasyncio.internal.interop.DefaultExecutor defaultExecutor() {
        return defaultExecutor;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " #" + id + " running=" + isRunning() + " closed=" + closed
                + " debug=" + debug + " engine=" + engineName + ">";
    }
}
