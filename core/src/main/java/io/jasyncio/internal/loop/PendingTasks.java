package io.jasyncio.internal.loop;

import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.internal.task.Frames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debug mode's report of tasks still pending when their loop closes: Python's "Task was destroyed
 * but it is pending!". Such a task never finishes (its loop will not run it again), so whatever it
 * was doing, including its {@code finally} blocks, is silently abandoned; the report names each
 * one with the site that created it. Nothing is reported outside debug mode, where creation sites
 * are not recorded.
 */
final class PendingTasks {

    private PendingTasks() {
    }

    /**
     * @param loop the closing loop
     * @param pending its tasks that are not done
     */
    static void reportAtClose(EventLoop loop, List<Task<?>> pending) {
        for (Task<?> t : pending) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", "Task was destroyed but it is pending! (its event loop closed)");
            context.put("task", t);
            StackTraceElement[] site = t.getCreationSite();
            if (site.length > 0) {
                context.put("source_traceback", "Task created at (most recent call first):\n" + Frames.format(site));
            }
            loop.callExceptionHandler(context);
        }
    }
}
