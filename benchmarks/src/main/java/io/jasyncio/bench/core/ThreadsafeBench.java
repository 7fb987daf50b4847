package io.jasyncio.bench.core;

import io.jasyncio.EventLoop;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link EventLoop#runCoroutineThreadsafe} round trip from a foreign thread (workload
 * {@code run_coroutine_threadsafe} of {@code bench_sync.py}): this JMH thread submits a coroutine
 * that returns at once to a loop running on its own thread, and blocks on the result. Covers the
 * cross-thread wake-up of the loop's selector, creating and running a task, and waking this thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class ThreadsafeBench {

    private static final Object VALUE = new Object();

    private EventLoop loop;
    private Thread runner;

    @Setup
    public void setup() {
        loop = EventLoop.create();
        runner = Thread.ofPlatform().daemon(true).start(loop::runForever);
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        loop.stop();
        runner.join();
        loop.close();
    }

    @Benchmark
    public Object roundTrip() throws Exception {
        return loop.runCoroutineThreadsafe(() -> VALUE).get();
    }
}
