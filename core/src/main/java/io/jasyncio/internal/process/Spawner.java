package io.jasyncio.internal.process;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.internal.net.Awaits;
import java.io.IOException;

/**
 * Starts a process off the loop thread ({@link ProcessBuilder#start()} forks and execs, which takes
 * a millisecond or more) while the calling task is suspended. If the task is cancelled meanwhile,
 * the process, once started, is killed at once: nobody would own it. Stateless.
 */
public final class Spawner {

    private Spawner() {
    }

    /**
     * @param builder the configured builder (not touched by the caller until this returns)
     * @return the started process
     * @throws IOException what {@code start()} throws, such as "Cannot run program"
     */
    public static Process start(ProcessBuilder builder) throws IOException {
        if (Asyncio.currentTask() == null) {
            throw new IllegalStateException("starting a subprocess suspends, so it must be done inside a task: "
                    + "wrap the code in Asyncio.run(() -> { ... }) or create a task");
        }
        EventLoop loop = Asyncio.getRunningLoop();
        Future<Process> started = loop.createFuture();
        ProcessThreads.execute(() -> {
            Process p;
            try {
                p = builder.start();
            } catch (IOException | RuntimeException e) {
                ProcessThreads.post(loop, () -> {
                    if (!started.done()) {
                        started.setException(e);
                    }
                });
                return;
            }
            boolean posted = ProcessThreads.post(loop, () -> {
                if (started.done()) {
                    kill(p); // the task was cancelled while the process started
                } else {
                    started.setResult(p);
                }
            });
            if (!posted) {
                kill(p);
            }
        });
        try {
            return Awaits.await(started);
        } catch (CancelledError e) {
            started.cancel();
            throw e;
        }
    }

    private static void kill(Process p) {
        p.destroyForcibly();
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // it is being killed
        }
    }
}
