package io.jasyncio.http;

import io.jasyncio.Asyncio;
import io.jasyncio.Clock;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.VoidCoroutine;

/**
 * Test helper shared by the http module's tests (the same idea as core's own): runs a coroutine on a fresh loop whose clock jumps straight
 * to the next timer whenever the loop would wait, so a test that sleeps an hour finishes at once.
 * (The testing module has the full toolkit; core's tests cannot depend on it.)
 */
public final class VirtualTimeLoop implements Clock {

    private long now;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long beforeWait(long timeoutNanos) {
        if (timeoutNanos > 0) {
            now += timeoutNanos;
            return 0;
        }
        return timeoutNanos;
    }

    /**
     * Runs {@code main} to completion on a new virtual-time loop, then cancels leftovers and closes it.
     *
     * @param main the coroutine
     * @param <T> its result type
     * @return its result
     * @throws Exception its exception, unchanged
     */
    public static <T> T run(Coroutine<T> main) throws Exception {
        try (EventLoop loop = EventLoop.create(new VirtualTimeLoop())) {
            try {
                return loop.runUntilComplete(main);
            } finally {
                for (Task<?> t : loop.allTasks()) {
                    t.cancel();
                }
                if (!loop.allTasks().isEmpty()) {
                    loop.runUntilComplete(() -> {
                        for (int i = 0; i < 10 && Asyncio.allTasks().size() > 1; i++) {
                            Asyncio.sleep(0);
                        }
                        return null;
                    });
                }
            }
        }
    }

    /**
     * @param main a value-less coroutine
     * @throws Exception its exception, unchanged
     */
    public static void run(VoidCoroutine main) throws Exception {
        run(Coroutine.of(main));
    }
}
