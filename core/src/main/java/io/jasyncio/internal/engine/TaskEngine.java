package io.jasyncio.internal.engine;

import java.util.concurrent.Executor;

/**
 * Makes {@link Fiber}s: the way tasks become threads of control. There are two engines, chosen
 * once per JVM by {@link Engines#get()}:
 *
 * <ul>
 *   <li>{@link LoopScheduledEngine} (fast): each task is a virtual thread whose scheduler is its
 *       event loop, so a task switch costs a continuation yield and a blocking JDK call parks only
 *       that task. It needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}.
 *   <li>{@link HandoffEngine} (fallback, public API only): each task is a default-scheduler virtual
 *       thread that runs only while it holds its loop's baton; slower switches, and a blocking
 *       call inside a task blocks its loop, as in Python.
 * </ul>
 */
public interface TaskEngine {

    /** @return a short name for messages: {@code "fast"} or {@code "fallback"} */
    String name();

    /** @return whether this is the fast engine */
    boolean isFast();

    /**
     * Returns a factory bound to one loop.
     *
     * @param loop runs a fiber's steps: a thread-safe executor whose tasks run, one at a time and
     *     in submission order, on the loop's thread
     * @return a factory for fibers of that loop
     */
    FiberFactory forLoop(Executor loop);

    /**
     * Returns a factory of virtual threads whose continuations are handed to {@code scheduler}
     * instead of the JDK's scheduler; generators use it to run their body on a chosen carrier.
     * The scheduler must run each step on a platform thread that holds no monitor.
     *
     * @param scheduler receives each step of the threads (thread-safe; called from any thread)
     * @return the factory, or {@code null} if this engine cannot give virtual threads a scheduler
     */
    default java.util.concurrent.ThreadFactory scheduledBy(Executor scheduler) {
        return null;
    }

    /** Makes fibers for one loop. */
    interface FiberFactory {

        /**
         * @param name the thread name (the task's name)
         * @param body what the fiber runs, from its first step to its end
         * @return an unstarted fiber
         */
        Fiber newFiber(String name, Runnable body);
    }
}
