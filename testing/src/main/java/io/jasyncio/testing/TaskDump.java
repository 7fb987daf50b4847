package io.jasyncio.testing;

import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Describes tasks for failure messages: each task by name and state, optionally with the frames of
 * its stack where it waits. Loop context only (a task's state is the loop's).
 */
final class TaskDump {

    private static final int MAX_FRAMES = 12;

    private TaskDump() {
    }

    /**
     * @param tasks the tasks
     * @param withStacks whether to add where each one waits
     * @return one line per task (plus indented frames), sorted by name
     */
    static String describe(Collection<? extends Task<?>> tasks, boolean withStacks) {
        List<Task<?>> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing(Task::getName));
        StringBuilder sb = new StringBuilder();
        for (Task<?> t : sorted) {
            sb.append("\n  ").append(t);
            if (withStacks) {
                StackTraceElement[] stack = t.getStack();
                for (int i = 0; i < stack.length && i < MAX_FRAMES; i++) {
                    sb.append("\n      at ").append(stack[i]);
                }
            }
        }
        return sb.toString();
    }

    /**
     * @param tasks the tasks
     * @return their names, sorted, quoted: {@code 'a', 'b'}
     */
    static String names(Collection<? extends Task<?>> tasks) {
        return tasks.stream().map(Task::getName).sorted().map(n -> "'" + n + "'")
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
