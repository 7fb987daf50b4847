package io.jasyncio.internal.sync;

import io.jasyncio.Task;
import io.jasyncio.internal.loop.BaseEventLoop;

/**
 * Binds a synchronisation primitive to the first event loop that uses it, as CPython's
 * {@code _LoopBoundMixin} does, and refuses use from anywhere else.
 *
 * <p>Rules enforced by {@link #check(Object)}: code running in a loop's context (its thread, its
 * tasks, a generator body acting for one of its tasks) binds an unbound primitive to that loop;
 * a primitive bound to one loop fails with a clear message when used from another loop's context;
 * a plain thread may use it only while no loop is running it (before the first run, to fill a
 * queue with {@code putNowait}, say), never concurrently with its loop, since primitives are not
 * thread-safe.
 */
public final class LoopBinding {

    private BaseEventLoop loop;

    /**
     * Checks that the caller may use the primitive, binding it on first use from a loop.
     *
     * @param owner the primitive, for the message
     * @return the loop the primitive is bound to, or {@code null} if it is still unbound and the
     *     caller runs outside any loop
     * @throws IllegalStateException if the primitive belongs to another loop, or to a running loop
     *     and the caller is a foreign thread
     */
    public BaseEventLoop check(Object owner) {
        Task<?> task = Task.currentOrNull();
        BaseEventLoop current = task != null ? (BaseEventLoop) task.getLoop() : BaseEventLoop.currentRunningLoop();
        BaseEventLoop bound = loop;
        if (current == bound) {
            return bound;
        }
        if (current == null) {
            if (bound.isRunning()) {
                throw new IllegalStateException(owner + " is bound to an event loop that is running on another thread "
                        + "and is not thread-safe: use it from that loop's tasks, or hand work to the loop with "
                        + "loop.callSoonThreadsafe(...) or loop.runCoroutineThreadsafe(...)");
            }
            return bound;
        }
        if (bound == null) {
            loop = current;
            return current;
        }
        throw new IllegalStateException(owner + " is bound to a different event loop: a primitive belongs to the "
                + "loop that first used it; create it inside the Asyncio.run(...) that uses it");
    }

    /** @return the bound loop, or {@code null} */
    public BaseEventLoop loop() {
        return loop;
    }
}
