package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Parent links, the task tree dump, and debug mode's reports (the answer to python -m asyncio pstree). */
class TaskTreeTest {

    /** A task's parent is the task that created it; a task of a group hangs under the group's parent. */
    @Test
    void parentIsTheCreatorOrTheGroupsParent() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<?> main = Asyncio.currentTask();
            Task<Task<?>> child = createTask(() -> {
                Task<?> grandchild = createTask(() -> sleep(1));
                return grandchild;
            });
            Task<?> grandchild = await(child);
            assertThat(child.getParent()).isNull();
            assertThat(grandchild.getParent()).isSameAs(child);
            TaskGroup.run(tg -> {
                Task<Void> member = tg.createTask(() -> {
                    Task<Void> sibling = tg.createTask(() -> sleep(1));
                    assertThat(sibling.getParent()).isSameAs(main);
                });
                assertThat(member.getParent()).isSameAs(main);
            });
            await(grandchild);
        });
    }

    /** The tree shows each pending task under its parent, with its state and what it awaits, where. */
    @Test
    void treeShowsParentsChildrenAndWhatEachAwaits() throws Exception {
        String[] dump = new String[1];
        TaskTree[] tree = new TaskTree[1];
        VirtualTimeLoop.run(() -> {
            Task<Void> main = (Task<Void>) Asyncio.currentTask();
            TaskGroup.run(tg -> {
                tg.createTask(() -> sleep(10), "sleeper-2");
                tg.createTask(() -> sleep(10), "sleeper-10");
                Task<Void> waiter = tg.createTask(() -> await(createTask(() -> sleep(10), "helper")), "waiter");
                sleep(0);
                sleep(0);
                tree[0] = Asyncio.taskTree();
                dump[0] = tree[0].toString();
                waiter.cancel();
                tg.createTask(() -> { }, "late");
            });
            assertThat(main.getName()).isNotEmpty();
        });
        String text = dump[0];
        assertThat(tree[0].size()).isEqualTo(5);
        assertThat(tree[0].roots()).hasSize(1);
        TaskTree.Node root = tree[0].roots().get(0);
        assertThat(root.state()).isEqualTo("running");
        assertThat(root.children()).extracting(TaskTree.Node::name).containsExactly("sleeper-2", "sleeper-10", "waiter");
        TaskTree.Node waiter = root.children().get(2);
        assertThat(waiter.state()).isEqualTo("waiting");
        assertThat(waiter.awaiting()).isEqualTo("Task 'helper'");
        assertThat(waiter.where()).startsWith("in Asyncio.await at io.jasyncio.TaskTreeTest");
        assertThat(waiter.children()).extracting(TaskTree.Node::name).containsExactly("helper");
        TaskTree.Node sleeper = root.children().get(0);
        assertThat(sleeper.where()).startsWith("in Asyncio.sleep at io.jasyncio.TaskTreeTest");
        assertThat(text).startsWith("5 pending tasks of <");
        assertThat(text).contains("└── '" + root.name() + "' [running]");
        assertThat(text).contains("    ├── 'sleeper-2' [waiting] awaiting sleep until 10.0 in Asyncio.sleep at ");
        assertThat(text).contains("    └── 'waiter' [waiting] awaiting Task 'helper' in Asyncio.await at ");
        assertThat(text).contains("        └── 'helper' [waiting]");
    }

    /** A not-started task and a parent waiting at the end of a group show as such. */
    @Test
    void treeShowsNotStartedTasksAndGroupExits() throws Exception {
        TaskTree[] tree = new TaskTree[1];
        VirtualTimeLoop.run(() -> {
            Task<Void> runner = createTask(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> sleep(5), "member");
            }), "runner");
            Task<Void> fresh = createTask(() -> { }, "fresh");
            tree[0] = Asyncio.taskTree();
            sleep(0);
            sleep(0);
            TaskTree.Node runnerNode = find(Asyncio.taskTree().roots(), "runner");
            assertThat(runnerNode.awaiting()).isEqualTo("<TaskGroup exit waiting for 1 task(s)>");
            assertThat(runnerNode.where()).startsWith("in TaskGroup.run at io.jasyncio.TaskTreeTest");
            assertThat(runnerNode.children()).extracting(TaskTree.Node::name).containsExactly("member");
            await(runner);
            await(fresh);
        });
        assertThat(tree[0].roots()).singleElement().satisfies(main ->
                assertThat(main.children()).extracting(TaskTree.Node::name).containsExactly("fresh", "runner"));
        assertThat(find(tree[0].roots(), "fresh").state()).isEqualTo("not started");
        assertThat(find(tree[0].roots(), "runner").state()).isEqualTo("not started");
    }

    private static TaskTree.Node find(List<TaskTree.Node> nodes, String name) {
        for (TaskTree.Node n : nodes) {
            if (n.name().equals(name)) {
                return n;
            }
            TaskTree.Node inChildren = find(n.children(), name);
            if (inChildren != null) {
                return inChildren;
            }
        }
        return null;
    }

    /** Another thread can take the tree of a running loop; the snapshot is taken on the loop. */
    @Test
    void treeFromAnotherThread() throws Exception {
        CompletableFuture<TaskTree> fromOutside = new CompletableFuture<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.runUntilComplete(() -> {
                Future<Void> gate = loop.createFuture();
                createTask(() -> await(gate), "parked");
                Thread.ofPlatform().start(() -> {
                    try {
                        fromOutside.complete(TaskTree.of(loop));
                    } catch (Throwable e) {
                        fromOutside.completeExceptionally(e);
                    } finally {
                        loop.callSoonThreadsafe(() -> gate.setResult(null));
                    }
                });
                await(gate);
            });
        }
        TaskTree tree = fromOutside.get(5, TimeUnit.SECONDS);
        assertThat(tree.toString()).contains("'parked' [waiting]");
    }

    /** Names sort with their numbers compared as numbers. */
    @Test
    void naturalOrderOfNames() {
        List<String> names = new ArrayList<>(List.of("Task-10", "Task-9", "Task-100", "a", "Task-09b"));
        names.sort(TaskTree::compareNatural);
        assertThat(names).containsExactly("Task-9", "Task-09b", "Task-10", "Task-100", "a");
    }

    /** In debug mode a task records where it was created, and its description shows it. */
    @Test
    void debugModeRecordsTheCreationSite() throws Exception {
        Task<?>[] t = new Task<?>[1];
        Asyncio.run(() -> {
            t[0] = createTask(() -> sleep(0));
            StackTraceElement[] site = t[0].getCreationSite();
            assertThat(site).isNotEmpty();
            assertThat(site[0].getClassName()).startsWith("io.jasyncio.TaskTreeTest");
            assertThat(t[0].toString()).contains("created at io.jasyncio.TaskTreeTest");
            await(t[0]);
            return null;
        }, true);
        Asyncio.run(() -> {
            assertThat(createTask(() -> { }).getCreationSite()).isEmpty();
        });
    }

    /** In debug mode, a task still pending when its loop closes is reported with its creation site. */
    @Test
    void debugModeReportsTasksPendingAtClose() throws Exception {
        List<Map<String, Object>> reports = new ArrayList<>();
        try (EventLoop loop = EventLoop.create(new VirtualTimeLoop())) {
            loop.setDebug(true);
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            loop.runUntilComplete(() -> {
                createTask(() -> sleep(3600), "forgotten");
                sleep(0);
            });
        }
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.get("message")).asString().startsWith("Task was destroyed but it is pending!");
            assertThat(r.get("task")).asString().contains("name='forgotten'");
            assertThat(r.get("source_traceback")).asString().contains("at io.jasyncio.TaskTreeTest");
        });
    }

    /** Outside debug mode nothing is reported for a pending task at close. */
    @Test
    void noPendingReportOutsideDebugMode() throws Exception {
        List<Map<String, Object>> reports = new ArrayList<>();
        try (EventLoop loop = EventLoop.create(new VirtualTimeLoop())) {
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            loop.runUntilComplete(() -> {
                createTask(() -> sleep(3600), "forgotten");
                sleep(0);
            });
        }
        assertThat(reports).isEmpty();
    }

    /** A finished task drops its parent link, so that finished ancestors can be collected. */
    @Test
    void finishedTaskDropsItsParent() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Void> child = createTask(() -> sleep(1));
            assertThat(child.getParent()).isSameAs(Asyncio.currentTask());
            await(child);
            assertThat(child.getParent()).isNull();
        });
    }
}
