package io.jasyncio.internal.engine;

import java.util.concurrent.Executor;

/**
 * The fallback engine, built only on public API: each task is a virtual thread of the JDK's default
 * scheduler that runs only while it holds its loop's baton (see {@link HandoffFiber}). Exactly one
 * of a loop's tasks runs at a time, as with the fast engine, but a switch costs a cross-thread
 * handoff, and a blocking JDK call inside a task keeps the baton, so it blocks the loop as a
 * blocking call does in Python.
 */
final class HandoffEngine implements TaskEngine {

    @Override
    public String name() {
        return "fallback";
    }

    @Override
    public boolean isFast() {
        return false;
    }

    @Override
    public FiberFactory forLoop(Executor loop) {
        return (name, body) -> new HandoffFiber(loop, name, body);
    }
}
