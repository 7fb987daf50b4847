package io.jasyncio;

import io.jasyncio.internal.context.Context;
import io.jasyncio.internal.context.Vars;
import io.jasyncio.internal.loop.BaseEventLoop;
import java.util.Map;
import java.util.Objects;

/**
 * A callback scheduled on an event loop by {@link EventLoop#callSoon(Runnable)}; cancel it to keep
 * it from running. Python's {@code asyncio.Handle}.
 *
 * <p>Invariants: a handle runs at most once, on its loop's thread; once {@linkplain #cancel()
 * cancelled} it never runs. If the callback throws, the exception goes to the loop's
 * {@linkplain EventLoop#setExceptionHandler exception handler} and the loop keeps running. The
 * callback runs in a copy of the {@link ContextVar} context current when the handle was made, as
 * Python's {@code Handle} does.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=handle}
 */
public class Handle implements Runnable {

    private final Runnable callback;
    private final BaseEventLoop loop;
    private final Vars context = Context.captureVars();
    private boolean cancelled;

    /**
     * Creates a handle; loop implementations call this, users get handles from the loop.
     *
     * @param callback what to run
     * @param loop the loop it will run on
     */
    public Handle(Runnable callback, EventLoop loop) {
        this.callback = Objects.requireNonNull(callback, "callback");
        this.loop = (BaseEventLoop) Objects.requireNonNull(loop, "loop");
    }

    /** Keeps the callback from running if it has not run yet. Calling it again does nothing. */
    public void cancel() {
        cancelled = true;
    }

    /** @return whether {@link #cancel()} was called */
    public boolean cancelled() {
        return cancelled;
    }

    /** @return the loop this handle belongs to */
    public EventLoop getLoop() {
        return loop;
    }

    /** @return the callback this handle runs */
    public Runnable callback() {
        return callback;
    }

    /**
     * Runs the callback unless cancelled; an exception goes to the loop's exception handler.
     * Called by the loop.
     */
    @Override
    public void run() {
        if (cancelled) {
            return;
        }
        Context ctx = Context.current();
        Vars saved = ctx.vars;
        ctx.vars = context;
        try {
            callback.run();
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            loop.callExceptionHandler(Map.of(
                    "message", "Exception in callback " + callback,
                    "exception", e,
                    "handle", this));
        } finally {
            ctx.vars = saved;
        }
    }

    @Override
    public String toString() {
        return "<Handle " + (cancelled ? "cancelled " : "") + callback + ">";
    }
}
