package io.jasyncio.bench.core;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core task workloads of issue 2, the same as {@code benchmarks/python/bench_core.py} runs in
 * CPython: a {@code sleep(0)} task switch, a value handed back and forth between two tasks through
 * futures, and creating + running + awaiting an empty task. Each invocation runs a batch of
 * {@value #N} operations inside one {@code runUntilComplete}, so the loop's start-up is amortised.
 * The engine is the JVM's: fast with the fork's {@code --add-opens}, the fallback with
 * {@code -jvmArgsAppend -Djasyncio.engine=fallback}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
public class TaskBench {

    static final int N = 10_000;

    private EventLoop loop;

    @Setup
    public void setUp() {
        loop = EventLoop.create();
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    /** Two tasks that each call sleep(0) N times: one switch per sleep(0). */
    @Benchmark
    @OperationsPerInvocation(2 * N)
    public void sleepZeroSwitch() throws Exception {
        loop.runUntilComplete(() -> {
            Task<Void> a = createTask(TaskBench::sleeper);
            Task<Void> b = createTask(TaskBench::sleeper);
            await(a);
            await(b);
        });
    }

    private static void sleeper() {
        for (int i = 0; i < N; i++) {
            sleep(0);
        }
    }

    /** A value handed back and forth between two tasks through futures: two switches per round. */
    @Benchmark
    @OperationsPerInvocation(2 * N)
    public int futurePingPong() throws Exception {
        return loop.runUntilComplete(() -> {
            EventLoop l = io.jasyncio.Asyncio.getRunningLoop();
            @SuppressWarnings("unchecked")
            Future<Integer>[] toA = new Future[] {l.createFuture()};
            @SuppressWarnings("unchecked")
            Future<Integer>[] toB = new Future[] {l.createFuture()};
            Task<Void> b = createTask(() -> {
                for (int i = 0; i < N; i++) {
                    int v = await(toB[0]);
                    toB[0] = l.createFuture();
                    toA[0].setResult(v + 1);
                }
            });
            int v = 0;
            for (int i = 0; i < N; i++) {
                Future<Integer> reply = toA[0];
                toB[0].setResult(v);
                v = await(reply);
                toA[0] = l.createFuture();
            }
            await(b);
            return v;
        });
    }

    /** Create, run and await an empty task. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void createAwaitEmptyTask() throws Exception {
        loop.runUntilComplete(() -> {
            for (int i = 0; i < N; i++) {
                await(createTask(() -> null));
            }
        });
    }
}
