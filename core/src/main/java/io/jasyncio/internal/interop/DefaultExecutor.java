package io.jasyncio.internal.interop;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One event loop's default executor, for {@code runInExecutor(null, fn)} and
 * {@code Asyncio.toThread}: Python's {@code loop._default_executor}. Created on first use as a pool
 * of up to {@code min(32, cores + 4)} daemon platform threads (Python's
 * {@code ThreadPoolExecutor} default), whose idle threads end after 60 s. Its threads do not
 * inherit the context of the code that happens to start them.
 *
 * <p>Life cycle: {@link #get()} creates it; after {@link #markShutdown()} (Python's
 * {@code shutdown_default_executor}, which {@code Asyncio.run} calls) it refuses new work; the
 * loop's {@code close()} shuts it down without waiting, as Python's does.
 *
 * <p>Thread rules: used from the loop's context; the fields are volatile so that a shutdown from
 * {@code close()} on another thread is seen.
 */
public final class DefaultExecutor {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private volatile ExecutorService executor;
    private volatile boolean shutdownCalled;

    /**
     * @return the executor, created on first use
     * @throws IllegalStateException if shutdown was called (Python's {@code RuntimeError})
     */
    public ExecutorService get() {
        if (shutdownCalled) {
            throw new IllegalStateException("Executor shutdown has been called");
        }
        ExecutorService e = executor;
        if (e == null) {
            e = newPool();
            executor = e;
        }
        return e;
    }

    /**
     * Replaces the default executor (Python's {@code loop.set_default_executor}); the previous one
     * is not shut down.
     *
     * @param e the new default executor
     */
    public void set(ExecutorService e) {
        executor = e;
    }

    /** @return the executor if one was created or set, else {@code null} */
    public ExecutorService peek() {
        return executor;
    }

    /**
     * Refuses new work from now on.
     *
     * @return the executor to shut down, or {@code null} if none was created
     */
    public ExecutorService markShutdown() {
        shutdownCalled = true;
        return executor;
    }

    /** Shuts the executor down without waiting and forgets it (the loop is closing). */
    public void closeNoWait() {
        ExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdown();
        }
    }

    private static ExecutorService newPool() {
        int max = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        String prefix = "jasyncio-executor-" + POOLS.incrementAndGet() + "-";
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> Thread.ofPlatform()
                .name(prefix + n.getAndIncrement())
                .daemon(true)
                .inheritInheritableThreadLocals(false)
                .unstarted(r);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(max, max, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
