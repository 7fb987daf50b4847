package io.jasyncio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Structured concurrency: Python's {@code asyncio.TaskGroup} (CPython 3.13 semantics). Tasks
 * created in a group never outlive its block.
 *
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=taskGroup}
 *
 * <p>Give {@code run} a block body: {@code tg -> { ...; }} is a {@link VoidBody} and
 * {@code tg -> { ...; return x; }} a {@link Body}. A lambda that fits both (an expression body
 * that is a method call, such as {@code tg -> tg.createTask(...)}, or a block that ends by
 * throwing) is reported by javac as ambiguous; declaring the parameter's type,
 * {@code (TaskGroup tg) -> ...}, selects {@link Body}.
 *
 * <p><b>Invariants.</b>
 * <ul>
 *   <li>Leaving the block awaits every task of the group, even when the block failed or the
 *       parent task (the one that opened the group) is cancelled.
 *   <li>The first task that fails (with anything but {@link CancelledError}) cancels the other
 *       tasks and the parent task, so the block stops at its next suspension point; the group
 *       withdraws that request ({@link Task#uncancel()}) when the block ends, so the parent is not
 *       left cancelled.
 *   <li>All failures come back together as one {@link ExceptionGroup}, in the order the tasks
 *       failed, followed by the block's own exception if it failed with one; failures take
 *       priority over a cancellation of the parent (the parent keeps its pending request, which is
 *       delivered at its next suspension point).
 *   <li>Cancelling the parent cancels the tasks; the {@link CancelledError} then propagates.
 *   <li>{@code createTask} fails with {@link IllegalStateException} once the group is shutting
 *       down (a task failed, or the parent was cancelled) or finished.
 * </ul>
 *
 * <p><b>Which form to use.</b> {@link #run(Body)} is exactly CPython's {@code async with}: it sees
 * how its block ended. Try-with-resources cannot: Java calls {@link #close()} without the block's
 * exception, and keeps the block's exception if {@code close()} throws too. So, in
 * try-with-resources:
 * <ul>
 *   <li>A block that completes normally behaves exactly as in CPython.
 *   <li>A block that ends by cancellation (a failed task cancelled it, or its parent or an
 *       enclosing timeout did) is recognised by the parent's pending cancellation count, and the
 *       tasks are cancelled as in CPython. But when tasks failed, the {@code CancelledError} still
 *       leaves the block, carrying the group as a suppressed exception (a {@code catch
 *       (ExceptionGroup e)} right after the block does not see it). The group takes the place of
 *       that cancellation where the next jasyncio scope or the task itself ends, so the task fails
 *       with the group and is not cancelled.
 *   <li>A block that throws its own exception does not cancel the tasks ({@code close()} cannot
 *       know); they are awaited, and their failures are attached to the block's exception as
 *       suppressed.
 * </ul>
 * Prefer {@link #run(Body)} whenever the block awaits anything or can fail.
 *
 * <p>A group is confined to its loop; create it, add tasks and close it from inside its parent
 * task (tasks of the group may add tasks too).
 */
public final class TaskGroup implements AutoCloseable {

    /**
     * The block of {@link TaskGroup#run(Body)}, given the group.
     *
     * @param <T> what the block returns
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * @param tg the group, open for the whole call
         * @return the block's result
         * @throws Exception anything; it joins the group's failures
         */
        T run(TaskGroup tg) throws Exception;
    }

    /** A {@link Body} that returns no value. */
    @FunctionalInterface
    public interface VoidBody {
        /**
         * @param tg the group, open for the whole call
         * @throws Exception anything; it joins the group's failures
         */
        void run(TaskGroup tg) throws Exception;
    }

    private final EventLoop loop;
    private final Task<?> parent;
    private final int parentCancellingAtEntry;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Consumer<Future<?>> onTaskDone = this::onTaskDone;
    private boolean exiting;
    private boolean exited;
    private boolean aborting;
    private boolean parentCancelRequested;
    private Future<Void> onCompleted;

    /**
     * Opens a group whose parent is the current task: Python's {@code async with TaskGroup()}.
     * Close it with try-with-resources, or prefer {@link #run(Body)}.
     *
     * @throws IllegalStateException outside a task
     */
    public TaskGroup() {
        this.parent = Asyncio.requireTask("new TaskGroup()");
        this.loop = parent.getLoop();
        this.parentCancellingAtEntry = parent.cancelling();
    }

    /**
     * Runs a block with a new group and leaves it as CPython's {@code async with} does.
     *
     * @param body the block
     * @param <T> its result type
     * @return the block's result, once every task of the group is done
     * @throws ExceptionGroup the failures of the tasks and of the block, if any
     * @throws CancelledError if the parent task was cancelled and nothing failed
     */
    public static <T> T run(Body<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        TaskGroup tg = new TaskGroup();
        T result;
        try {
            result = body.run(tg);
        } catch (Throwable e) {
            tg.exit(Cancellations.resolve(e), false);
            return null;
        }
        tg.exit(null, false);
        return result;
    }

    /**
     * Runs a value-less block with a new group; see {@link #run(Body)}.
     *
     * @param body the block
     * @throws ExceptionGroup the failures of the tasks and of the block, if any
     */
    public static void run(VoidBody body) throws Exception {
        Objects.requireNonNull(body, "body");
        run((Body<Void>) tg -> {
            body.run(tg);
            return null;
        });
    }

    // ---------------------------------------------------------------- creating tasks

    /**
     * Starts a task in this group: Python's {@code tg.create_task(coro)}.
     *
     * @param coroutine the body
     * @param <T> its result type
     * @return the task
     * @throws IllegalStateException if the group is shutting down or finished
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /**
     * @param coroutine the body
     * @param name the task's name, or {@code null}
     * @param <T> its result type
     * @return the task
     * @throws IllegalStateException if the group is shutting down or finished
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkOpen();
        return adopt(loop.createTask(coroutine, name));
    }

    private void checkOpen() {
        if (exiting && tasks.isEmpty()) {
            throw new IllegalStateException("TaskGroup " + this + " is finished: create tasks inside its block");
        }
        if (aborting) {
            throw new IllegalStateException("TaskGroup " + this + " is shutting down (a task failed or the "
                    + "parent task was cancelled): it accepts no new tasks");
        }
    }

    private <T> Task<T> adopt(Task<T> task) {
        task.adoptParent(parent);
        tasks.add(task);
        task.addDoneCallback(onTaskDone);
        return task;
    }

    /**
     * @param coroutine a value-less body
     * @return the task
     */
    public Task<Void> createTask(VoidCoroutine coroutine) {
        return createTask(Coroutine.of(coroutine), null);
    }

    /**
     * @param coroutine a value-less body
     * @param name the task's name, or {@code null}
     * @return the task
     */
    public Task<Void> createTask(VoidCoroutine coroutine, String name) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkOpen();
        return adopt(loop.createTask(coroutine, name));
    }

    // ---------------------------------------------------------------- leaving the block

    /**
     * Leaves a try-with-resources block: awaits every task; see the class comment for what it
     * cannot do there. Calling it again does nothing.
     *
     * @throws ExceptionGroup the failures of the tasks
     * @throws CancelledError if the parent was cancelled while waiting here
     * @throws IllegalStateException if called from another task than the parent
     */
    @Override
    public void close() throws ExceptionGroup {
        if (exited) {
            return;
        }
        boolean cancelled = parentCancelRequested || parent.cancelling() > parentCancellingAtEntry;
        try {
            exit(null, cancelled);
        } catch (ExceptionGroup | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure leaving a TaskGroup", e);
        }
    }

    /**
     * Python's {@code __aexit__}.
     *
     * @param error how the block ended ({@code null}: returned, or unknown in try-with-resources)
     * @param cancelledBlock in try-with-resources, whether the block is taken to end by cancellation
     * @throws Exception what leaves the block; returns only if nothing does
     */
    private void exit(Throwable error, boolean cancelledBlock) throws Exception {
        if (Task.current() != parent) {
            throw new IllegalStateException("TaskGroup " + this + " must be left by its parent task " + parent.getName());
        }
        if (exiting) {
            throw new IllegalStateException("TaskGroup " + this + " is already being left");
        }
        exiting = true;
        boolean blockCancelled = error != null && Cancellations.isCancellation(error, parent);
        Throwable propagateCancellation = blockCancelled ? error : null;
        if ((error != null || cancelledBlock) && !aborting) {
            abort();
        }
        CancelledError pendingCancellation = null;
        while (!tasks.isEmpty()) {
            if (onCompleted == null) {
                onCompleted = new CompletionFuture(loop, this);
            }
            try {
                Asyncio.await(onCompleted);
            } catch (CancelledError e) {
                pendingCancellation = e;
                if (!aborting) {
                    propagateCancellation = e;
                    abort();
                }
            }
            onCompleted = null;
        }
        exited = true;
        if (parentCancelRequested) {
            if (parent.uncancel() == 0) {
                propagateCancellation = null;
            } else if (propagateCancellation == null) {
                propagateCancellation = pendingCancellation;
            }
        }
        if (propagateCancellation != null && errors.isEmpty()) {
            throw Asyncio.rethrow(propagateCancellation);
        }
        if (error != null && !blockCancelled) {
            errors.add(error);
        }
        if (!errors.isEmpty()) {
            if (parent.cancelling() > 0) {
                parent.uncancel();
                parent.cancel();
            }
            ExceptionGroup group = new ExceptionGroup("unhandled errors in a TaskGroup", errors);
            group.replacesCancellation = cancelledBlock;
            throw group;
        }
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : List.copyOf(tasks)) {
            if (!t.done()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Future<?> f) {
        Task<?> task = (Task<?>) f;
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.done()) {
            onCompleted.setResult(null);
        }
        if (task.cancelled()) {
            return;
        }
        Throwable e = task.exception();
        if (e == null) {
            return;
        }
        errors.add(e);
        if (parent.done()) {
            loop.callExceptionHandler(Map.of(
                    "message", "Task " + task + " has errored out but its parent task " + parent + " is already completed",
                    "exception", e,
                    "task", task));
            return;
        }
        if (!aborting && !parentCancelRequested) {
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    /** @return how many tasks of the group are not done yet */
    int pendingTasks() {
        return tasks.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<TaskGroup");
        if (!tasks.isEmpty()) {
            sb.append(" tasks=").append(tasks.size());
        }
        if (!errors.isEmpty()) {
            sb.append(" errors=").append(errors.size());
        }
        if (aborting) {
            sb.append(" cancelling");
        } else if (!exited) {
            sb.append(" entered");
        }
        return sb.append('>').toString();
    }

    /** What the parent awaits while leaving the block; named for task dumps. */
    private static final class CompletionFuture extends Future<Void> {
        private final TaskGroup group;

        CompletionFuture(EventLoop loop, TaskGroup group) {
            super(loop);
            this.group = group;
        }

        @Override
        public String toString() {
            return "<TaskGroup exit waiting for " + group.pendingTasks() + " task(s)>";
        }
    }
}
