package io.jasyncio.testing;

import io.jasyncio.Task;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real-time limit of one {@link AsyncTest} run. When it expires it dumps the pending tasks and
 * cancels the main task, on the loop (thread-safely); if the loop is still running two seconds
 * later, it stops it, and keeps stopping it every second until {@link #cancel()}, so that a body
 * or a leftover task that ignores cancellation cannot hang the test run. A task that never
 * suspends cannot be stopped this way: the loop only reacts between steps.
 *
 * <p>Thread-safe: {@link #cancel()} and {@link #fired()} from the test's thread, the rest on a
 * shared daemon scheduler thread and on the loop.
 */
final class Watchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jasyncio-test-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final TestLoop loop;
    private final Task<?> main;
    private final double seconds;
    private volatile boolean fired;
    private volatile boolean disarmed;
    private volatile String dump = "";
    private volatile ScheduledFuture<?> pending;

    private Watchdog(TestLoop loop, Task<?> main, double seconds) {
        this.loop = loop;
        this.main = main;
        this.seconds = seconds;
    }

    /**
     * @param loop the loop under test
     * @param main its main task
     * @param seconds the limit in real seconds; 0 or less for none
     * @return the armed watchdog
     */
    static Watchdog start(TestLoop loop, Task<?> main, double seconds) {
        Watchdog dog = new Watchdog(loop, main, seconds);
        if (seconds > 0) {
            dog.pending = TIMER.schedule(dog::fire, (long) (seconds * 1e9), TimeUnit.NANOSECONDS);
        }
        return dog;
    }

    private void fire() {
        if (disarmed) {
            return;
        }
        fired = true;
        try {
            loop.callSoonThreadsafe(() -> {
                dump = TaskDump.describe(loop.allTasks(), true);
                main.cancel("@AsyncTest timed out");
            });
        } catch (IllegalStateException closed) {
            return;
        }
        pending = TIMER.scheduleWithFixedDelay(() -> {
            if (disarmed) {
                throw new java.util.concurrent.CancellationException("disarmed"); // ends the repetition
            }
            if (loop.isRunning()) {
                loop.stop();
            }
        }, 2, 1, TimeUnit.SECONDS);
    }

    /** @return whether the limit expired */
    boolean fired() {
        return fired;
    }

    /** @return the failure that says so, with the tasks pending when it expired */
    AssertionError failure() {
        return new AssertionError("@AsyncTest timed out after " + seconds + " s of real time"
                + (loop.isVirtualTime() ? " (virtual time " + loop.virtualClock().time() + " s)" : "")
                + "; tasks pending then:" + (dump.isEmpty() ? " (no dump: the loop did not respond)" : dump));
    }

    /** Disarms the watchdog. */
    void cancel() {
        disarmed = true;
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
    }
}
