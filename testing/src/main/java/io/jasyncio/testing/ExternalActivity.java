package io.jasyncio.testing;

import io.jasyncio.Task;
import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.loop.SelectorEventLoop;
import java.nio.channels.SelectionKey;

/**
 * Whether an idle loop may be waiting for work it cannot see, so that a virtual clock should give
 * it a grace period of real time before it jumps (see {@link VirtualClock}'s auto-jump rule).
 *
 * <p>Two things count: a live task that is not suspended on one of the loop's futures (on the fast
 * engine, a task parked in a blocking JDK call, which some other thread will end), and a channel
 * registered with the loop's selector for some I/O event (a peer may be answering). Called on the
 * loop's thread at an idle point, where no task is ready, so every live task is suspended
 * somewhere (or, when a test calls the clock's hook from a task, running: that one is not counted).
 */
final class ExternalActivity {

    private ExternalActivity() {
    }

    /**
     * @param loop an idle loop, from its own thread
     * @return whether unseen work may be in flight
     */
    static boolean possible(BaseEventLoop loop) {
        Task<?> running = Task.currentOrNull(); // running, not parked (only when a test asks directly)
        for (Task<?> t : loop.allTasks()) {
            if (t != running && !t.done() && !t.isSuspendedOnLoop()) {
                return true;
            }
        }
        if (loop instanceof SelectorEventLoop s) {
            for (SelectionKey key : s.selector().keys()) {
                if (key.isValid() && key.interestOps() != 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
