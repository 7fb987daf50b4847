package io.jasyncio.bench.core;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The overhead of {@code waitFor} and {@code timeout} around work that is already complete: what a
 * deadline costs on the fast path, where nothing suspends. Each invocation runs one task on the
 * loop that makes {@link #OPS} calls (yielding to the loop once every 1,024 so that cancelled
 * timers are purged as they would be in a real program); the score is per call.
 *
 * <ul>
 *   <li>{@code awaitDone}: {@code await} of a done future, the baseline.
 *   <li>{@code waitForDoneFuture}: {@code waitFor(doneFuture, 5)}: returns the result at once.
 *   <li>{@code waitForReturningCoroutine}: {@code waitFor(() -> value, 5)}: enters a
 *       {@code Timeout} (a timer is scheduled and cancelled).
 *   <li>{@code timeoutReturningCoroutine}: {@code timeout(5, () -> value)}: the same through the
 *       {@code Timeout} API.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class TimeoutBench {

    static final int OPS = 100_000;

    private EventLoop loop;
    private Future<Integer> done;
    private final Coroutine<Integer> immediate = () -> 42;

    @Setup(Level.Trial)
    public void setup() {
        loop = EventLoop.create();
        done = loop.createFuture();
        done.setResult(42);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    /** Runs {@code op} {@link #OPS} times in one task, yielding every 1,024 calls. */
    private long runTask(Coroutine<Integer> op) throws Exception {
        return loop.runUntilComplete(() -> {
            long sum = 0;
            for (int i = 0; i < OPS; i++) {
                sum += op.call();
                if ((i & 1023) == 1023) {
                    Asyncio.sleep(0);
                }
            }
            return sum;
        });
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long awaitDone() throws Exception {
        return runTask(() -> Asyncio.await(done));
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long waitForDoneFuture() throws Exception {
        return runTask(() -> Asyncio.waitFor(done, 5.0));
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long waitForReturningCoroutine() throws Exception {
        return runTask(() -> Asyncio.waitFor(immediate, 5.0));
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long timeoutReturningCoroutine() throws Exception {
        return runTask(() -> Asyncio.timeout(5.0, immediate));
    }
}
