package io.jasyncio.internal.context;

import java.util.concurrent.Callable;

/**
 * One thread of control's context-variable state: Python's {@code contextvars.Context}. A context
 * is a mutable holder around an immutable {@link Vars} map; setting a variable replaces the map.
 *
 * <p><b>Where the current context lives.</b> Every task runs on its own thread, so the current
 * context is a per-thread value ({@link #CURRENT}), which works identically on both task engines.
 * It is an {@link InheritableThreadLocal} whose child value is a <em>new</em> context over the
 * parent's map: a thread, and so a task (whose thread is created when the task is), starts in a
 * copy of its creator's context, as {@code asyncio.create_task} copies the current context.
 * Callbacks run in the context captured when they were scheduled ({@code Handle} does it with
 * {@link #captureVars()}, then by swapping its
 * snapshot in around the callback); a generator's body runs in its caller's
 * context object, as in Python.
 *
 * <p>Thread rules: a context object is used only by the thread (task) that owns it, or by a
 * generator body while its caller waits for it, which is the same thread of control.
 */
public final class Context {

    /** The current context of each thread; a new thread starts in a copy of its creator's. */
    public static final InheritableThreadLocal<Context> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected Context initialValue() {
            return new Context(Vars.EMPTY);
        }

        @Override
        protected Context childValue(Context parent) {
            return new Context(parent.vars);
        }
    };

    /** The variables and their values; replaced, never mutated. */
    public Vars vars;

    /** @param vars the initial content */
    public Context(Vars vars) {
        this.vars = vars;
    }

    /** @return the calling thread's current context */
    public static Context current() {
        return CURRENT.get();
    }

    /** @return a snapshot of the calling thread's current variables (immutable, so a copy for free) */
    public static Vars captureVars() {
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
        Context c = CURRENT.get();
        Vars saved = c.vars;
        c.vars = vars;
        try {
            return fn.call();
        } finally {
            c.vars = saved;
        }
    }
}
