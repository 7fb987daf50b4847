package io.jasyncio.bench.core;

import io.jasyncio.EventLoop;
import io.jasyncio.sync.Lock;
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
 * Uncontended {@link Lock} acquire + release inside one task (workload {@code lock_acquire_release}
 * of {@code benchmarks/python/bench_sync.py}). Each invocation runs {@value #OPS} pairs in one
 * task, so the loop start-up of {@code runUntilComplete} (about 0.1 ms) adds about 1 ns per pair.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class LockBench {

    static final int OPS = 100_000;

    private EventLoop loop;
    private Lock lock;

    @Setup
    public void setup() {
        loop = EventLoop.create();
        lock = new Lock();
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int acquireRelease() throws Exception {
        Lock l = lock;
        return loop.runUntilComplete(() -> {
            int n = 0;
            for (int i = 0; i < OPS; i++) {
                l.acquire();
                n++;
                l.release();
            }
            return n;
        });
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int tryWithResources() throws Exception {
        Lock l = lock;
        return loop.runUntilComplete(() -> {
            int n = 0;
            for (int i = 0; i < OPS; i++) {
                try (var _ = l.acquire()) {
                    n++;
                }
            }
            return n;
        });
    }
}
