package io.jasyncio.testing;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.VoidCoroutine;
import io.jasyncio.internal.loop.BaseEventLoop;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entry points for virtual time: {@code Asyncio.run}, but on a loop whose clock jumps to the next
 * timer whenever every task is blocked, so a program that sleeps an hour finishes in milliseconds.
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=virtualTime}
 *
 * <p>{@link #run(Coroutine)} keeps {@code Asyncio.run}'s contract: it must not be called from a
 * running loop; when it returns, the tasks still pending have been cancelled and the loop is
 * closed. For seeds, manual time or stepping, build a loop with {@link #builder()}. Stateless and
 * thread-safe.
 */
public final class VirtualTime {

    private VirtualTime() {
    }

    /**
     * Runs a coroutine on a fresh virtual-time loop and returns its result.
     *
     * @param main the main coroutine
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged
     */
    public static <T> T run(Coroutine<T> main) throws Exception {
        return run(loop(), main);
    }

    /**
     * Runs a value-less coroutine on a fresh virtual-time loop.
     *
     * @param main the main coroutine
     * @throws Exception its exception, unchanged
     */
    public static void run(VoidCoroutine main) throws Exception {
        run(loop(), Coroutine.of(main));
    }

    /**
     * Runs a coroutine on the given loop as {@code Asyncio.run} does, then closes the loop.
     *
     * @param loop a fresh loop, not running (from {@link #builder()})
     * @param main the main coroutine
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged
     */
    public static <T> T run(TestLoop loop, Coroutine<T> main) throws Exception {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(main, "main");
        if (BaseEventLoop.currentRunningLoop() != null) {
            throw new IllegalStateException("VirtualTime.run() cannot be called from a running event loop: "
                    + "inside a task, call the code directly");
        }
        try {
            return loop.runUntilComplete(loop.createTask(main, "main"));
        } finally {
            try {
                cancelLeftovers(loop);
            } finally {
                loop.close();
            }
        }
    }

    /**
     * Runs a value-less coroutine on the given loop as {@code Asyncio.run} does, then closes the loop.
     *
     * @param loop a fresh loop, not running (from {@link #builder()})
     * @param main the main coroutine
     * @throws Exception its exception, unchanged
     */
    public static void run(TestLoop loop, VoidCoroutine main) throws Exception {
        run(loop, Coroutine.of(main));
    }

    /** @return a new virtual-time loop with auto-jump and a FIFO schedule, not running */
    public static TestLoop loop() {
        return TestLoop.builder().build();
    }

    /** @return a builder for a test loop (virtual time by default) */
    public static TestLoop.Builder builder() {
        return TestLoop.builder();
    }

    /** Cancels the tasks still pending and runs the loop until they end, as {@code Asyncio.run}. */
    static void cancelLeftovers(EventLoop loop) throws Exception {
        Set<Task<?>> pending = loop.allTasks();
        if (pending.isEmpty()) {
            return;
        }
        for (Task<?> t : pending) {
            t.cancel();
        }
        loop.runUntilComplete(() -> Asyncio.gatherReturnExceptions(pending));
        for (Task<?> t : pending) {
            if (!t.cancelled() && t.exception() != null) {
                loop.callExceptionHandler(Map.of(
                        "message", "unhandled exception during VirtualTime.run() shutdown",
                        "exception", t.exception(),
                        "task", t));
            }
        }
    }
}
