package io.jasyncio.testing;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.Handle;
import io.jasyncio.internal.loop.BaseEventLoop;

/**
 * Helpers for code running inside a task under test, on any loop (Trio's {@code trio.testing}).
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=asyncTesting}
 *
 * <p>Each method must be called from inside a task; stateless.
 */
public final class AsyncTesting {

    private AsyncTesting() {
    }

    /**
     * Suspends the calling task until every other task of its loop is blocked: the loop has
     * reached a point where nothing is ready to run, no timer is due, and nothing has arrived from
     * other threads. Blocked means suspended on a future (an await, a sleep, a lock, a queue), or,
     * on the fast engine, parked in a blocking JDK call. It takes priority over a virtual clock's
     * auto-jump: time does not move before it returns. Several callers waiting at once all resume
     * at the same idle point.
     *
     * @throws CancelledError if the calling task is cancelled while waiting
     * @throws IllegalStateException if not called from inside a task
     */
    public static void waitAllTasksBlocked() {
        if (Asyncio.currentTask() == null) {
            throw new IllegalStateException("waitAllTasksBlocked() must be called from inside a task");
        }
        BaseEventLoop loop = (BaseEventLoop) Asyncio.getRunningLoop();
        Future<Void> idle = loop.createFuture();
        Handle h = loop.callWhenIdle(() -> {
            if (!idle.done()) {
                idle.setResult(null);
            }
        });
        try {
            Asyncio.await(idle);
        } catch (CancelledError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("waitAllTasksBlocked's own future failed", e);
        } finally {
            h.cancel();
        }
    }
}
