package io.jasyncio.internal.gen;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.internal.context.Context;
import io.jasyncio.internal.engine.Engines;
import io.jasyncio.internal.loop.BaseEventLoop;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The engine behind {@code io.jasyncio.Generator}: a body running on its own virtual thread, and a
 * strict one-at-a-time handoff between it and whoever drives it (the <em>driver</em>: the thread
 * calling {@code send}). Exactly one of driver and body runs at a time; the other is suspended.
 *
 * <p><b>Protocol.</b> {@code turn} (volatile) says who may run. The side that holds the turn writes
 * the message ({@code kind}, {@code payload}) and then hands the turn over with a volatile write,
 * so the other side reads the message after it sees the turn: no lock is needed. Driver to body:
 * send a value, throw an exception in at the {@code yield}, or resume the body after an await it
 * delegated. Body to driver: yielded a value, returned, raised, or "await this future for me".
 *
 * <p><b>Where the body runs.</b> Two modes, chosen by the driver at each resume:
 * <ul>
 *   <li><em>Loop mode</em> (fast engine, driver is a task or another generator's body acting for
 *       one): the body's thread is a virtual thread whose steps this object schedules on the
 *       driver's loop, immediately after the driver parks ({@link BaseEventLoop#runNext}); the
 *       body hands back by unparking the driver with the loop's schedule captured, so the driver
 *       runs next. Nothing else on the loop runs in between, and the round trip costs two virtual
 *       thread switches on the loop thread.
 *   <li><em>Thread mode</em> (any other driver: a platform thread, a plain {@code main}, a loop
 *       callback, or a task on the fallback engine): the body runs on a carrier pool (fast engine)
 *       or the JDK's scheduler (fallback), and both sides spin briefly, then park. The body is never
 *       mounted on the driver's own thread: the JVM crashes when a virtual thread is mounted on a
 *       thread that holds monitors, which a caller may.
 * </ul>
 *
 * <p><b>Acting for the driver's task.</b> While the body runs for a task, {@code Task.current()}
 * on the body's thread answers that task (see {@link #drivingTask()}), and a suspension the body
 * makes ({@code Asyncio.await}, {@code sleep(0)}) is delegated to the driver, which performs it on
 * its own thread and hands the outcome back: a generator body may await, as Python's async
 * generators do, and cancellation reaches it as a {@link CancelledError} from its await. The body
 * also runs in the driver's context-variable context, as Python's generators do.
 *
 * <p><b>Interrupts.</b> An interrupt the driver receives while it waits for the body is forwarded to
 * the body's thread (which may be blocked in a JDK call on the driver's behalf) and re-asserted on
 * the driver when the body hands back.
 */
public final class GeneratorCore implements Executor {

    /** Bound on a generator body's thread for its whole life. */
    public static final ScopedValue<GeneratorCore> BODY = ScopedValue.newInstance();

    /** What {@link #advance} returns when the body has returned. */
    public static final Object END = new Object();

    /** Driver to body. */
    public static final int SEND = 1, THROW = 2;
    private static final int RESUME = 3, RESUME_THROW = 4;
    /** Body to driver. */
    private static final int YIELD = 11, RETURN = 12, RAISE = 13, AWAIT = 14, SLEEP0 = 15;

    /** Generator states. */
    public static final int CREATED = 0, RUNNING = 1, SUSPENDED = 2, CLOSED = 3;

    private static final int DRIVER_TURN = 0, BODY_TURN = 1;
    private static final int NOWHERE = 0, ON_LOOP = 1, ON_POOL = 2;
    private static final int SPINS = 4_000;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(GeneratorCore.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread thread;
    private final boolean customScheduled;
    private volatile int state = CREATED;
    private volatile int turn = DRIVER_TURN;
    private int kind;
    private Object payload;
    private boolean started;

    private Thread driverThread;
    private volatile boolean driverParked;
    private Task<?> drivingTask;
    private Context driverContext;
    private volatile BaseEventLoop loopMode;

    private Runnable continuation;
    private volatile int carrier = NOWHERE;
    private final Runnable stepOnLoop = () -> {
        carrier = ON_LOOP;
        continuation.run();
    };
    private final Runnable stepOnPool = () -> {
        carrier = ON_POOL;
        continuation.run();
    };

    /**
     * @param name the body thread's name
     * @param body the generator's body; receives this core, whose {@link #yieldValue} it calls
     */
    public GeneratorCore(String name, Consumer<GeneratorCore> body) {
        Runnable main = () -> ScopedValue.where(BODY, this).run(() -> bodyMain(body));
        ThreadFactory custom = Engines.get().scheduledBy(this);
        if (custom != null) {
            this.thread = custom.newThread(main);
            this.thread.setName(name);
            this.customScheduled = true;
        } else {
            this.thread = Thread.ofVirtual().name(name).unstarted(main);
            this.customScheduled = false;
        }
    }

    /** @return the state: {@link #CREATED}, {@link #RUNNING}, {@link #SUSPENDED} or {@link #CLOSED} */
    public int state() {
        return state;
    }

    /** @return the thread the body runs on */
    public Thread thread() {
        return thread;
    }

    /**
     * Moves a generator that never ran, or is suspended, straight to closed without running it.
     *
     * @param from the state expected
     * @return whether the state was {@code from}
     */
    public boolean closeWithoutRunning(int from) {
        return STATE.compareAndSet(this, from, CLOSED);
    }

    // ---------------------------------------------------------------- driver side

    /**
     * Runs the body until it yields, returns or raises. Called by the driver.
     *
     * @param k {@link #SEND} or {@link #THROW}
     * @param p the value sent or the exception thrown in
     * @return the value yielded, or {@link #END}
     * @throws IllegalStateException if the generator is running already (Python's
     *     {@code ValueError: generator already executing})
     */
    public Object advance(int k, Object p) {
        int s = state;
        if (s == RUNNING || s == CLOSED || !STATE.compareAndSet(this, s, RUNNING)) {
            throw new IllegalStateException(s == CLOSED ? "generator is closed" : "generator already executing");
        }
        int reply;
        try {
            reply = drive(k, p);
        } catch (Throwable t) {
            state = CLOSED;
            throw t;
        }
        Object rp = payload;
        payload = null;
        if (reply == YIELD) {
            state = SUSPENDED;
            return rp;
        }
        state = CLOSED;
        if (reply == RETURN) {
            return END;
        }
        throw sneaky((Throwable) rp);
    }

    private int drive(int k, Object p) {
        Thread me = Thread.currentThread();
        Task<?> task = Task.currentOrNull();
        BaseEventLoop lm = customScheduled && task != null && me.isVirtual() ? (BaseEventLoop) task.getLoop() : null;
        driverThread = me;
        drivingTask = task;
        driverContext = Context.current();
        boolean pendingInterrupt = Thread.interrupted();
        boolean interrupted = false;
        try {
            while (true) {
                kind = k;
                payload = p;
                loopMode = lm;
                turn = BODY_TURN;
                if (!started) {
                    started = true;
                    thread.start();
                } else {
                    LockSupport.unpark(thread);
                }
                interrupted |= lm != null ? driverAwaitOnLoop() : driverAwaitThread();
                int reply = kind;
                if (reply == AWAIT || reply == SLEEP0) {
                    Future<?> f = reply == AWAIT ? (Future<?>) payload : null;
                    payload = null;
                    try {
                        if (f != null) {
                            p = Asyncio.await(f);
                        } else {
                            Asyncio.sleep(0);
                            p = null;
                        }
                        k = RESUME;
                    } catch (Throwable t) {
                        p = t;
                        k = RESUME_THROW;
                    }
                    continue;
                }
                return reply;
            }
        } finally {
            if (pendingInterrupt || interrupted) {
                me.interrupt();
            }
        }
    }

    /** Loop mode: park, letting the loop run the body next, until the body hands back. */
    private boolean driverAwaitOnLoop() {
        boolean interrupted = false;
        while (turn != DRIVER_TURN) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
                thread.interrupt();
            }
        }
        return interrupted;
    }

    /** Thread mode: spin, then park, until the body hands back. */
    private boolean driverAwaitThread() {
        for (int i = 0; i < SPINS; i++) {
            if (turn == DRIVER_TURN) {
                return false;
            }
            Thread.onSpinWait();
        }
        boolean interrupted = false;
        driverParked = true;
        try {
            while (turn != DRIVER_TURN) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                    thread.interrupt();
                }
            }
        } finally {
            driverParked = false;
        }
        return interrupted;
    }

    // ---------------------------------------------------------------- body side

    private void bodyMain(Consumer<GeneratorCore> body) {
        bodyAwait();
        int k;
        Object p;
        try {
            body.accept(this);
            k = RETURN;
            p = null;
        } catch (Throwable t) {
            k = RAISE;
            p = t;
        }
        handToDriver(k, p);
    }

    /**
     * Yields a value to the driver and suspends the body until the driver resumes it. Called by
     * the body.
     *
     * @param value the value {@code send} returns
     * @return the value the driver sends next
     * @throws IllegalStateException if called from any thread but the body's
     */
    public Object yieldValue(Object value) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("yield(...) was called outside its generator's body: only the body's own "
                    + "code (on the generator's thread) may yield");
        }
        handToDriver(YIELD, value);
        bodyAwait();
        Object p = payload;
        payload = null;
        if (kind == SEND) {
            return p;
        }
        throw sneaky((Throwable) p);
    }

    private Object request(int k, Object p) throws Exception {
        handToDriver(k, p);
        bodyAwait();
        Object r = payload;
        payload = null;
        if (kind == RESUME) {
            return r;
        }
        if (r instanceof CancelledError) {
            Thread.interrupted();
        }
        throw sneaky((Throwable) r);
    }

    private void handToDriver(int k, Object p) {
        kind = k;
        payload = p;
        Thread d = driverThread;
        BaseEventLoop lm = loopMode;
        if (lm != null) {
            turn = DRIVER_TURN;
            lm.captureNextSchedule(true);
            try {
                LockSupport.unpark(d);
            } finally {
                lm.captureNextSchedule(false);
            }
        } else {
            turn = DRIVER_TURN;
            if (driverParked) {
                LockSupport.unpark(d);
            }
        }
    }

    /** Waits for the turn; then runs where the driver's mode wants, in the driver's context. */
    private void bodyAwait() {
        if (loopMode == null) {
            for (int i = 0; i < SPINS && turn != BODY_TURN; i++) {
                Thread.onSpinWait();
            }
        }
        boolean interrupted = false;
        while (turn != BODY_TURN) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (customScheduled) {
            for (int i = 0; i < 16; i++) {
                int want = loopMode != null ? ON_LOOP : ON_POOL;
                if (carrier == want) {
                    break;
                }
                Thread.yield();
            }
        }
        Context dc = driverContext;
        if (Context.CURRENT.get() != dc) {
            Context.CURRENT.set(dc);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Schedules a step of the body's thread (the JDK calls this when the thread is started or
     * unparked): on the driver's loop in loop mode (next, if the driver's loop is the caller),
     * else on the carrier pool.
     */
    @Override
    public void execute(Runnable step) {
        continuation = step;
        BaseEventLoop lm = loopMode;
        if (lm != null) {
            if (lm.inLoop()) {
                lm.runNext(stepOnLoop);
            } else {
                lm.schedule(stepOnLoop);
            }
        } else {
            Carriers.POOL.execute(stepOnPool);
        }
    }

    // ---------------------------------------------------------------- acting for the driving task

    /**
     * For {@code Task.current()} on a thread that is not a task's: the task a generator body runs
     * for, if the caller is such a body.
     *
     * @return the driving task, or {@code null}
     */
    public static Task<?> drivingTask() {
        return BODY.isBound() ? BODY.get().drivingTask : null;
    }

    /**
     * Performs {@code Asyncio.await(f)} for a generator body: the driver awaits it and hands the
     * outcome back.
     *
     * @param f the future
     * @param <R> its result type
     * @return its result
     * @throws Exception its exception, unchanged, or {@link CancelledError}
     */
    @SuppressWarnings("unchecked")
    public static <R> R awaitOnDriver(Future<R> f) throws Exception {
        return (R) self("Asyncio.await()").request(AWAIT, f);
    }

    /** Performs {@code sleep(0)} for a generator body, through its driver. */
    public static void yieldOnDriver() {
        try {
            self("Asyncio.sleep(0)").request(SLEEP0, null);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GeneratorCore self(String what) {
        GeneratorCore g = BODY.isBound() ? BODY.get() : null;
        if (g == null || Thread.currentThread() != g.thread) {
            throw new IllegalStateException(what + " was called on a thread that is neither a task nor a generator "
                    + "body running for one");
        }
        return g;
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** The carriers that run generator bodies driven outside a loop (fast engine only). */
    private static final class Carriers {

        static final java.util.concurrent.ForkJoinPool POOL = new java.util.concurrent.ForkJoinPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                pool -> {
                    java.util.concurrent.ForkJoinWorkerThread t =
                            java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    t.setName("jasyncio-generator-carrier-" + t.getPoolIndex());
                    t.setDaemon(true);
                    return t;
                },
                null, true);
    }
}
