package io.jasyncio.testing;

import io.jasyncio.Asyncio;
import io.jasyncio.ExceptionHandler;
import io.jasyncio.Task;
import io.jasyncio.VoidCoroutine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One strict run of a test body on a fresh loop, as {@link AsyncTest} does it: the body runs as
 * the main task under a {@link Watchdog}; then the run fails if tasks were left pending (they are
 * cancelled and awaited), if the loop's exception handler was called (a task exception never
 * retrieved, an exception in a callback), if the virtual clock saw a deadlock (every task blocked,
 * no timer, nothing outside the loop at work: the body is cancelled at once rather than at the time
 * limit), or if the time limit expired. The loop is closed at the
 * end, whatever happens.
 *
 * <p>The body's own failure comes first and unchanged; the other problems are added to it as
 * suppressed exceptions, or make up the failure if the body passed. Called from the test's thread.
 */
final class CheckedRun {

    private final TestLoop loop;
    private final List<Map<String, Object>> reports = Collections.synchronizedList(new ArrayList<>());
    private final ExceptionHandler collector = (l, context) -> reports.add(context);
    /** The tasks' dump when the virtual clock saw a deadlock; written on the loop thread. */
    private volatile String deadlock;

    private CheckedRun(TestLoop loop) {
        this.loop = loop;
    }

    /**
     * @param loop a fresh loop, not running; closed when this returns
     * @param body the test body
     * @param timeoutSeconds the real-time limit, 0 for none
     * @throws Throwable the body's failure, or an {@link AssertionError} naming what was wrong
     */
    static void run(TestLoop loop, VoidCoroutine body, double timeoutSeconds) throws Throwable {
        new CheckedRun(loop).run(body, timeoutSeconds);
    }

    private void run(VoidCoroutine body, double timeoutSeconds) throws Throwable {
        loop.setExceptionHandler(collector);
        Task<Void> main = loop.createTask(body, "main");
        Watchdog dog = Watchdog.start(loop, main, timeoutSeconds);
        if (loop.isVirtualTime()) {
            loop.virtualClock().onStall(() -> {
                if (deadlock == null) {
                    deadlock = TaskDump.describe(loop.allTasks(), true);
                }
                main.cancel("@AsyncTest: deadlock, nothing can wake the blocked tasks");
            });
        }
        Throwable failure = null;
        List<String> problems = new ArrayList<>();
        try {
            try {
                loop.runUntilComplete(main);
            } catch (Throwable t) {
                failure = t;
            }
            loop.setExceptionHandler(collector);
            Set<Task<?>> pending = loop.allTasks();
            if (!pending.isEmpty()) {
                if (!dog.fired()) { // after a time-out, the time-out's dump says it all
                    problems.add("test left " + pending.size() + " task(s) pending: " + TaskDump.names(pending)
                            + TaskDump.describe(pending, false));
                }
                endLeftovers(pending, problems);
            }
        } catch (Throwable t) {
            failure = combine(failure, t);
        } finally {
            dog.cancel();
            try {
                loop.close();
            } catch (Throwable t) {
                failure = combine(failure, t);
            }
        }
        if (deadlock != null && !dog.fired()) {
            AssertionError stuck = new AssertionError("deadlock: every task was blocked, no timer was pending and "
                    + "nothing outside the loop was working, so nothing could wake them (if another thread was "
                    + "going to, declare it with loop.externalWork()); the body was cancelled. Tasks then:" + deadlock);
            if (failure != null) {
                stuck.addSuppressed(failure);
            }
            failure = stuck;
        }
        if (dog.fired()) {
            AssertionError timeout = dog.failure();
            if (failure != null) {
                timeout.addSuppressed(failure);
            }
            failure = timeout;
        }
        List<Throwable> reported = new ArrayList<>();
        synchronized (reports) {
            for (Map<String, Object> context : reports) {
                problems.add(describeReport(context));
                if (context.get("exception") instanceof Throwable e) {
                    reported.add(e);
                }
            }
        }
        if (problems.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            return;
        }
        AssertionError problem = new AssertionError(String.join("\n", problems));
        for (Throwable e : reported) {
            problem.addSuppressed(e);
        }
        if (failure == null) {
            throw problem;
        }
        failure.addSuppressed(problem);
        throw failure;
    }

    /** Cancels the leftovers and runs the loop until they end; notes those that did not end cancelled. */
    private void endLeftovers(Set<Task<?>> pending, List<String> problems) {
        for (Task<?> t : pending) {
            t.cancel("cancelled by @AsyncTest: the test left it pending");
        }
        try {
            loop.runUntilComplete(() -> Asyncio.gatherReturnExceptions(pending));
        } catch (Exception e) {
            problems.add("the pending tasks did not end after being cancelled: " + e);
            return;
        }
        for (Task<?> t : pending) {
            if (!t.cancelled()) {
                Throwable e = t.exception();
                if (e != null) {
                    reports.add(Map.of("message", "a pending task failed while being cancelled", "exception", e,
                            "task", t.toString()));
                }
            }
        }
    }

    private static String describeReport(Map<String, Object> context) {
        StringBuilder sb = new StringBuilder("the loop reported: ").append(context.getOrDefault("message", "an error"));
        for (String key : List.of("task", "future", "handle")) {
            Object v = context.get(key);
            if (v != null) {
                sb.append(" ").append(v);
            }
        }
        Object e = context.get("exception");
        if (e != null) {
            sb.append(": ").append(e);
        }
        return sb.toString();
    }

    private static Throwable combine(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
