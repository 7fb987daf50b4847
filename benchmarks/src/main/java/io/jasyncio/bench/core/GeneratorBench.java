package io.jasyncio.bench.core;

import io.jasyncio.EventLoop;
import io.jasyncio.Generator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link Generator#send} round trip: caller to body, body yields back (workload
 * {@code generator_send} of {@code bench_sync.py}). {@code fromTask}: the caller is a task, so the
 * body runs on the caller's loop right after it (two virtual-thread switches on the loop thread).
 * {@code fromThread}: the caller is this platform thread (no loop), so the body runs on a carrier
 * pool and the two threads hand over by spinning, then parking.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class GeneratorBench {

    static final int OPS = 100_000;
    private static final Object VALUE = new Object();

    private EventLoop loop;
    private Generator<Object, Object> threadGen;

    @Setup
    public void setup() {
        loop = EventLoop.create();
        threadGen = echo();
        threadGen.next();
    }

    @TearDown
    public void tearDown() {
        threadGen.close();
        loop.close();
    }

    private static Generator<Object, Object> echo() {
        return Generator.of(y -> {
            Object v = null;
            while (true) {
                v = y.yield(v);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int fromTask() throws Exception {
        return loop.runUntilComplete(() -> {
            Generator<Object, Object> g = echo();
            g.next();
            int n = 0;
            for (int i = 0; i < OPS; i++) {
                if (g.send(VALUE) == VALUE) {
                    n++;
                }
            }
            g.close();
            return n;
        });
    }

    @Benchmark
    public Object fromThread() {
        return threadGen.send(VALUE);
    }
}
