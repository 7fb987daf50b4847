package io.jasyncio;

import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.task.Frames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A snapshot of a loop's pending tasks as a tree: the Java answer to {@code python -m asyncio
 * pstree}. Each task hangs under its {@linkplain Task#getParent() parent} (the task that created
 * it, or the parent of its {@link TaskGroup}); tasks without a pending parent are roots. Each line
 * says what the task is doing and where:
 *
 * <pre>
 * 3 pending tasks of &lt;SelectorEventLoop #1 running=true ...&gt;
 * └── 'main' [waiting] awaiting &lt;TaskGroup exit waiting for 2 task(s)&gt; in TaskGroup.run at app.Main.main(Main.java:12)
 *     ├── 'fetch-a' [waiting] awaiting &lt;Future pending&gt; in Asyncio.sleep at app.Main.fetch(Main.java:30)
 *     └── 'fetch-b' [ready]
 * </pre>
 *
 * <p>States: {@code running} (the task that took the snapshot), {@code waiting} (suspended on a
 * future: {@code awaiting} names it), {@code ready} (scheduled to run, or parked in a blocking JDK
 * call), {@code not started}. Siblings are ordered by name, numbers compared as numbers.
 *
 * <p>Get one with {@link Asyncio#taskTree()} inside a loop, or {@link #of(EventLoop)} from any
 * thread (a debugger, a signal handler, a management endpoint): from another thread while the
 * loop runs, the snapshot is taken on the loop, between two steps. The snapshot is immutable;
 * {@link #toString()} renders it.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=taskTree}
 */
public final class TaskTree {

    /**
     * One task in the snapshot.
     *
     * @param name the task's name
     * @param state {@code running}, {@code waiting}, {@code ready} or {@code not started}
     * @param awaiting what it is suspended on ({@code ""} if nothing)
     * @param where the library call it waits in and the user's line that called it, as
     *     {@code "in Asyncio.sleep at app.Main.fetch(Main.java:30)"} ({@code ""} if unknown)
     * @param children the pending tasks it created
     */
    public record Node(String name, String state, String awaiting, String where, List<Node> children) {
        /** Copies the children. */
        public Node {
            children = List.copyOf(children);
        }
    }

    private final String loopName;
    private final int size;
    private final List<Node> roots;

    private TaskTree(String loopName, int size, List<Node> roots) {
        this.loopName = loopName;
        this.size = size;
        this.roots = List.copyOf(roots);
    }

    /**
     * Takes a snapshot of a loop's pending tasks.
     *
     * @param loop the loop
     * @return the snapshot
     * @throws IllegalStateException if the loop, running on another thread, does not answer within
     *     ten seconds (a step is blocking it)
     */
    public static TaskTree of(EventLoop loop) {
        Objects.requireNonNull(loop, "loop");
        BaseEventLoop base = (BaseEventLoop) loop;
        if (!loop.isRunning() || base.inLoop()) {
            return snapshot(loop);
        }
        CompletableFuture<TaskTree> answer = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            try {
                answer.complete(snapshot(loop));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the loop's task tree", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("taking the task tree failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the loop did not answer within 10 s: a step is blocking it", e);
        }
    }

    private static TaskTree snapshot(EventLoop loop) {
        Set<Task<?>> pending = loop.allTasks();
        Map<Task<?>, List<Task<?>>> children = new IdentityHashMap<>();
        List<Task<?>> roots = new ArrayList<>();
        for (Task<?> t : pending) {
            Task<?> p = t.getParent();
            if (p != null && pending.contains(p)) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(t);
            } else {
                roots.add(t);
            }
        }
        Task<?> current = Task.current();
        List<Node> nodes = new ArrayList<>();
        for (Task<?> r : sorted(roots)) {
            nodes.add(node(r, children, current));
        }
        return new TaskTree(loop.toString(), pending.size(), nodes);
    }

    private static Node node(Task<?> t, Map<Task<?>, List<Task<?>>> children, Task<?> current) {
        List<Node> kids = new ArrayList<>();
        for (Task<?> c : sorted(children.getOrDefault(t, List.of()))) {
            kids.add(node(c, children, current));
        }
        Future<?> on = t.waitingOn();
        TimerHandle sleep = t.sleepTimer();
        String state = t == current ? "running" : !t.isStarted() ? "not started"
                : on != null || sleep != null ? "waiting" : "ready";
        String awaiting = sleep != null ? "sleep until " + sleep.when()
                : on == null ? "" : on instanceof Task<?> other ? "Task '" + other.getName() + "'" : on.toString();
        String where = t == current || !t.isStarted() ? "" : Frames.waitingPoint(t.getStack());
        return new Node(t.getName(), state, awaiting, where, kids);
    }

    private static List<Task<?>> sorted(List<Task<?>> tasks) {
        List<Task<?>> copy = new ArrayList<>(tasks);
        copy.sort(Comparator.comparing(Task::getName, TaskTree::compareNatural));
        return copy;
    }

    /** Compares names with their runs of digits as numbers, so that Task-9 sorts before Task-10. */
    static int compareNatural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** @return the tasks without a pending parent, each with its descendants */
    public List<Node> roots() {
        return roots;
    }

    /** @return how many pending tasks the snapshot holds */
    public int size() {
        return size;
    }

    /** @return the tree as text, one task per line */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(size).append(size == 1 ? " pending task of " : " pending tasks of ").append(loopName);
        for (int i = 0; i < roots.size(); i++) {
            render(sb, roots.get(i), "", i == roots.size() - 1);
        }
        return sb.toString();
    }

    private static void render(StringBuilder sb, Node n, String indent, boolean last) {
        sb.append('\n').append(indent).append(last ? "└── " : "├── ");
        sb.append('\'').append(n.name()).append("' [").append(n.state()).append(']');
        if (!n.awaiting().isEmpty()) {
            sb.append(" awaiting ").append(n.awaiting());
        }
        if (!n.where().isEmpty()) {
            sb.append(' ').append(n.where());
        }
        String childIndent = indent + (last ? "    " : "│   ");
        for (int i = 0; i < n.children().size(); i++) {
            render(sb, n.children().get(i), childIndent, i == n.children().size() - 1);
        }
    }
}
