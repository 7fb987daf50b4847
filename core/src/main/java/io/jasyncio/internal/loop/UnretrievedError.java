package io.jasyncio.internal.loop;

import java.lang.ref.Cleaner;
import java.util.Map;

/**
 * The record of a future's exception that nobody has retrieved yet: Python's
 * "Task exception was never retrieved". It is reported once, when the future is garbage collected
 * or when its loop closes, whichever comes first, unless {@link #retrieved()} is called before.
 *
 * <p>It holds the exception and a description of the future, never the future itself, so that the
 * future can be collected. The {@link Cleaner} action may run on the cleaner's thread; it hands the
 * report to the loop thread-safely when the loop is running.
 */
public final class UnretrievedError implements Runnable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final BaseEventLoop loop;
    private final Throwable exception;
    private final String description;
    private final boolean task;
    private volatile boolean done;
    private Cleaner.Cleanable cleanable;

    private UnretrievedError(BaseEventLoop loop, Throwable exception, String description, boolean task) {
        this.loop = loop;
        this.exception = exception;
        this.description = description;
        this.task = task;
    }

    /**
     * Starts watching a future that just failed.
     *
     * @param owner the future (watched for collection, not retained)
     * @param loop its loop
     * @param exception its exception
     * @param description how to name it in the report
     * @param task whether it is a task
     * @return the record; call {@link #retrieved()} when someone reads the exception
     */
    public static UnretrievedError watch(Object owner, BaseEventLoop loop, Throwable exception, String description,
            boolean task) {
        UnretrievedError e = new UnretrievedError(loop, exception, description, task);
        e.cleanable = CLEANER.register(owner, e);
        loop.trackUnretrieved(e);
        return e;
    }

    /** The exception was retrieved: nothing will be reported. */
    public void retrieved() {
        if (!done) {
            done = true;
            loop.untrackUnretrieved(this);
            cleanable.clean();
        }
    }

    /** Reports now (the loop is closing). */
    void report() {
        if (!done) {
            done = true;
            cleanable.clean();
            deliver();
        }
    }

    /** The cleaner's action: the future was collected. */
    @Override
    public void run() {
        if (done) {
            return;
        }
        done = true;
        if (loop.isRunning()) {
            try {
                loop.callSoonThreadsafe(this::deliver);
                return;
            } catch (IllegalStateException closed) {
                // fall through: report directly
            }
        }
        deliver();
    }

    private void deliver() {
        loop.callExceptionHandler(Map.of(
                "message", (task ? "Task" : "Future") + " exception was never retrieved",
                "exception", exception,
                task ? "task" : "future", description));
    }
}
