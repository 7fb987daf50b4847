package io.jasyncio.internal.context;

import java.util.concurrent.Callable;

/**
 * One thread of control's context-variable state: Python's {@code contextvars.Context}. A context
 * is a mutable holder around an immutable {@link Vars} map; setting a variable replaces the map.
 *
 * <p><b>Where the current context lives.</b> A task's context is a field of the task, reached
 * through its thread's marker (an {@link Owner} in the thread's uncaught-exception-handler slot),
 * made when the task is created over a snapshot of its creator's variables, as
 * {@code asyncio.create_task} copies the current context. Every other thread (the loop's own,
 * a generator body's, any thread of the application) has a per-thread context ({@link #CURRENT}),
 * which starts empty, as a new Python thread's does. Keeping tasks out of the thread-local map
 * matters for memory: a thread-local map per suspended task would cost about 150 bytes.
 * Callbacks run in the context captured when they were scheduled ({@code Handle} does it with
 * {@link #captureVars()}, then by swapping its
 * snapshot in around the callback); a generator's body runs in its caller's
 * context object, as in Python.
 *
 * <p>Thread rules: a context object is used only by the thread (task) that owns it, or by a
 * generator body while its caller waits for it, which is the same thread of control.
 */
public final class Context {

    /** The current context of each thread that is not a task's; it starts empty. */
    public static final ThreadLocal<Context> CURRENT = ThreadLocal.withInitial(() -> new Context(Vars.EMPTY));

    /** What a task's thread carries in its uncaught-exception-handler slot: the task's context. */
    public interface Owner {
        /** @return the context of the task whose thread carries this owner (made on first need) */
        Context context();

        /** @return the task's current variables, without making its context holder */
        Vars vars();
    }

    /** The variables and their values; replaced, never mutated. */
    public Vars vars;

    /** @param vars the initial content */
    public Context(Vars vars) {
        this.vars = vars;
    }

    /** @return the calling thread's current context: its task's, or the thread's own */
    public static Context current() {
        if (Thread.currentThread().getUncaughtExceptionHandler() instanceof Owner o) {
            return o.context();
        }
        return CURRENT.get();
    }

    /** @return a snapshot of the calling thread's current variables (immutable, so a copy for free) */
    public static Vars captureVars() {
        if (Thread.currentThread().getUncaughtExceptionHandler() instanceof Owner o) {
            return o.vars();
        }
        return CURRENT.get().vars;
    }

    /**
     * Runs {@code fn} on the calling thread in a copy of {@code vars}: {@code ctx.run(fn)}.
     *
     * @param vars the captured variables
     * @param fn what to run
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged
     */
    public static <T> T callIn(Vars vars, Callable<T> fn) throws Exception {
        Context c = current();
        Vars saved = c.vars;
        c.vars = vars;
        try {
            return fn.call();
        } finally {
            c.vars = saved;
        }
    }
}
