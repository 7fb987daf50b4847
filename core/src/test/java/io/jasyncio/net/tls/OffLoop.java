package io.jasyncio.net.tls;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.util.concurrent.Callable;

/**
 * Test helper: runs blocking work (JDK SSL sockets, external processes) on a platform thread and
 * suspends the calling task until it is done, so that tests never block a loop.
 */
final class OffLoop {

    private OffLoop() {
    }

    static <T> T call(Callable<T> work) throws Exception {
        EventLoop loop = Asyncio.getRunningLoop();
        Future<T> f = loop.createFuture();
        Thread.ofPlatform().daemon().name("test-off-loop").start(() -> {
            try {
                T v = work.call();
                loop.callSoonThreadsafe(() -> f.setResult(v));
            } catch (Throwable e) {
                loop.callSoonThreadsafe(() -> f.setException(e));
            }
        });
        return Asyncio.await(f);
    }
}
