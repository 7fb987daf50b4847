package io.jasyncio.internal.process;

import io.jasyncio.EventLoop;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that block on subprocesses for the loops: starting a process (a fork and exec,
 * which would stall a loop thread for a millisecond or more) and pumping its pipes. Daemon
 * platform threads in a cached pool, made on demand and kept a minute when idle. They are not
 * virtual threads: a pipe read is a native call that would hold a carrier thread (a loop's own
 * thread, on the fast engine) for as long as the child stays silent.
 *
 * <p>Thread-safe.
 */
public final class ProcessThreads {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("jasyncio-process-", 0).factory());

    private ProcessThreads() {
    }

    /** @param work blocking work to run on a pool thread */
    static void execute(Runnable work) {
        POOL.execute(work);
    }

    /**
     * Runs {@code r} on the loop, from any thread; does nothing if the loop has closed.
     *
     * @param loop the loop
     * @param r what to run there
     * @return whether it was scheduled
     */
    static boolean post(EventLoop loop, Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
            return true;
        } catch (IllegalStateException closed) {
            return false;
        }
    }
}
