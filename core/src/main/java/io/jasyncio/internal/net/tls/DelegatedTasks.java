package io.jasyncio.internal.net.tls;

import io.jasyncio.EventLoop;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs an {@link javax.net.ssl.SSLEngine}'s delegated tasks on the executor of
 * {@link io.jasyncio.net.TlsOptions#handshakeExecutor(Executor)} (the measurements behind the
 * default, inline on the loop, are in that method's documentation), and brings the outcome back
 * to the loop with {@code callSoonThreadsafe}. Stateless.
 */
final class DelegatedTasks {

    private DelegatedTasks() {
    }

    /**
     * Runs the tasks on {@code executor}, then {@code done} on the loop with what a task threw, or
     * {@code null}. If the executor refuses, they run at once on this thread and {@code done} is
     * called before this returns. If the loop has closed meanwhile, {@code done} is not called.
     *
     * @param tasks the engine's tasks, in order
     * @param executor where to run them
     * @param loop the connection's loop
     * @param done called on the loop afterwards
     */
    static void runOffLoop(List<Runnable> tasks, Executor executor, EventLoop loop, Consumer<Throwable> done) {
        try {
            executor.execute(() -> {
                Throwable e = runAll(tasks);
                try {
                    loop.callSoonThreadsafe(() -> done.accept(e));
                } catch (IllegalStateException closed) {
                    // the loop is gone: so is the connection
                }
            });
        } catch (RejectedExecutionException refused) {
            done.accept(runAll(tasks));
        }
    }

    private static Throwable runAll(List<Runnable> tasks) {
        try {
            for (Runnable t : tasks) {
                t.run();
            }
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
