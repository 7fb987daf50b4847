package io.jasyncio.bench.core;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.queue.Queue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link Queue} put/get between two tasks, per item (workloads {@code queue_put_get_maxsize1} and
 * {@code queue_put_get_maxsize64} of {@code bench_sync.py}): a producer task puts {@value #OPS}
 * items, a consumer task gets them. With {@code maxsize} 1 every item costs two task switches;
 * with 64 the switches are amortised over up to 64 items.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class QueueBench {

    static final int OPS = 100_000;
    private static final Object ITEM = new Object();

    @Param({"1", "64"})
    public int maxsize;

    private EventLoop loop;

    @Setup
    public void setup() {
        loop = EventLoop.create();
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int putGet() throws Exception {
        int size = maxsize;
        return loop.runUntilComplete(() -> {
            Queue<Object> q = new Queue<>(size);
            Task<Integer> consumer = Asyncio.createTask(() -> {
                int n = 0;
                for (int i = 0; i < OPS; i++) {
                    if (q.get() == ITEM) {
                        n++;
                    }
                }
                return n;
            });
            for (int i = 0; i < OPS; i++) {
                q.put(ITEM);
            }
            return Asyncio.await(consumer);
        });
    }
}
