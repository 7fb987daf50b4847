package io.jasyncio.bench.core;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.TaskGroup;
import io.jasyncio.VoidCoroutine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A {@link TaskGroup} with {@link #CHILDREN} tasks: create them all in the block, run them, and
 * join them when the block ends. One operation is one whole group (divide by 10,000 for the cost
 * per task). The same workloads, with the same names, are in {@code benchmarks/python/bench_taskgroup.py}
 * for CPython's {@code asyncio.TaskGroup}:
 *
 * <ul>
 *   <li>{@code taskGroup10kNoop}: each task returns at once.
 *   <li>{@code taskGroup10kSleepZero}: each task yields once ({@code sleep(0)}) before it
 *       returns, so every task is suspended and resumed once.
 * </ul>
 *
 * <p>Each invocation is one {@code runUntilComplete} of the group's parent task on a loop kept for
 * the trial; the loop's thread start (tens of microseconds) is included and negligible here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
public class TaskGroupBench {

    static final int CHILDREN = 10_000;

    private static final VoidCoroutine NOOP = () -> { };
    private static final VoidCoroutine SLEEP_ZERO = () -> Asyncio.sleep(0);

    private EventLoop loop;

    @Setup(Level.Trial)
    public void setup() {
        loop = EventLoop.create();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    private int group(VoidCoroutine child) throws Exception {
        loop.runUntilComplete(() -> TaskGroup.run(tg -> {
            for (int i = 0; i < CHILDREN; i++) {
                tg.createTask(child);
            }
        }));
        return CHILDREN;
    }

    @Benchmark
    public int taskGroup10kNoop() throws Exception {
        return group(NOOP);
    }

    @Benchmark
    public int taskGroup10kSleepZero() throws Exception {
        return group(SLEEP_ZERO);
    }
}
