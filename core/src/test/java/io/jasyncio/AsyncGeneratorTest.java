package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Generators whose body awaits inside a task: Python's async generators and async for (test_asyncgen). */
@Timeout(60)
class AsyncGeneratorTest {

    /** A ticker whose body sleeps between yields. */
    static Generator<Void, Integer> ticker(int n, double delay) {
        return Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                y.yield(i);
                sleep(delay);
            }
        });
    }

    /** The body may sleep between yields; the caller sees the values at the loop's times. */
    @Test
    void bodyMaySleepBetweenYields() throws Exception {
        List<String> seen = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            double start = loop.time();
            for (int i : ticker(3, 1.0)) {
                seen.add(i + "@" + Math.round(loop.time() - start));
            }
        });
        assertThat(seen).containsExactly("0@0", "1@1", "2@2");
    }

    /** asyncFor runs the loop body for each element, as Python's async for. */
    @Test
    void asyncForVisitsEveryElement() throws Exception {
        List<Integer> seen = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            AsyncIterator<Integer> it = ticker(4, 0.5);
            it.asyncFor(seen::add);
        });
        assertThat(seen).containsExactly(0, 1, 2, 3);
    }

    /** While the body awaits, other tasks run; the body gets the awaited result. */
    @Test
    void otherTasksRunWhileTheBodyAwaits() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            createTask(() -> {
                trace.add("other task");
                f.setResult("result");
            });
            Generator<Void, String> g = Generator.of(y -> y.yield("got " + await(f)));
            trace.add(g.next());
        });
        assertThat(trace).containsExactly("other task", "got result");
    }

    /** An awaited future's exception reaches the body unchanged, and the caller if the body lets it go. */
    @Test
    void awaitedExceptionReachesTheBodyUnchanged() throws Exception {
        java.io.IOException io = new java.io.IOException("remote closed");
        Throwable[] inBody = new Throwable[1];
        VirtualTimeLoop.run(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            Asyncio.getRunningLoop().callSoon(() -> f.setException(io));
            Generator<Void, String> g = Generator.of(y -> {
                try {
                    y.yield(await(f));
                } catch (java.io.IOException e) {
                    inBody[0] = e;
                    throw e;
                }
            });
            assertThatThrownBy(g::next).isSameAs(io);
        });
        assertThat(inBody[0]).isSameAs(io);
    }

    /** Cancelling the task while the body awaits raises CancelledError in the body; its finally runs; the task ends cancelled. */
    @Test
    void cancellationReachesTheBodyAsCancelledError() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Task<Object> t = createTask(() -> {
                Generator<Void, Object> g = Generator.of(y -> {
                    try {
                        y.yield(await(Asyncio.getRunningLoop().createFuture()));
                    } catch (CancelledError e) {
                        trace.add("body saw CancelledError");
                        throw e;
                    } finally {
                        trace.add("body finally");
                    }
                });
                return g.next();
            });
            sleep(1);
            t.cancel();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
            assertThat(t.cancelled()).isTrue();
        });
        assertThat(trace).containsExactly("body saw CancelledError", "body finally");
    }

    /** A body that swallows the cancellation and yields keeps the generator going; the task's next await is not cancelled again. */
    @Test
    void bodyMaySwallowCancellationAndYield() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<String> t = createTask(() -> {
                Generator<Void, String> g = Generator.of(y -> {
                    try {
                        sleep(10);
                    } catch (CancelledError e) {
                        Asyncio.currentTask().uncancel();
                        y.yield("recovered");
                    }
                });
                String v = g.next();
                sleep(1);
                return v;
            });
            sleep(1);
            t.cancel();
            assertThat(await(t)).isEqualTo("recovered");
        });
    }

    /** close() from a task runs a finally block that awaits (Python's aclose). */
    @Test
    void closeRunsAnAwaitingFinallyBlock() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Generator<Void, Integer> g = Generator.of(y -> {
                try {
                    y.yield(1);
                } finally {
                    sleep(1);
                    trace.add("cleanup awaited");
                }
            });
            g.next();
            g.close();
        });
        assertThat(trace).containsExactly("cleanup awaited");
    }

    /** A body that awaits when driven outside any task fails with a clear message. */
    @Test
    void awaitingBodyDrivenOutsideATaskFails() {
        Generator<Void, Integer> g = Generator.of(y -> {
            sleep(1);
            y.yield(1);
        });
        assertThatThrownBy(g::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("Asyncio.run");
    }

    /** An async generator may drive another one: awaits are delegated through both. */
    @Test
    void asyncGeneratorsNest() throws Exception {
        List<Integer> out = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Generator<Void, Integer> outer = Generator.of(y -> {
                for (int i : ticker(3, 1)) {
                    sleep(0.5);
                    y.yield(i + 100);
                }
            });
            double start = Asyncio.getRunningLoop().time();
            outer.forEachRemaining(out::add);
            assertThat(Asyncio.getRunningLoop().time() - start).isEqualTo(4.5);
        });
        assertThat(out).containsExactly(100, 101, 102);
    }
}
