package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Generators: Python's send/yield/close/throw protocol, iteration, strict handoff (test_generators). */
@Timeout(60)
class GeneratorTest {

    /** The output of the seed's producer/consumer, as CPython prints it. */
    private static final String SEED_OUTPUT = """
            [PRODUCER] Producing 1...
            [CONSUMER] Consuming 1...
            [PRODUCER] Consumer return: 200 OK
            [PRODUCER] Producing 2...
            [CONSUMER] Consuming 2...
            [PRODUCER] Consumer return: 200 OK
            [PRODUCER] Producing 3...
            [CONSUMER] Consuming 3...
            [PRODUCER] Consumer return: 200 OK
            [PRODUCER] Producing 4...
            [CONSUMER] Consuming 4...
            [PRODUCER] Consumer return: 200 OK
            [PRODUCER] Producing 5...
            [CONSUMER] Consuming 5...
            [PRODUCER] Consumer return: 200 OK
            """;

    // The seed, line for line.
    static Generator<Integer, String> consumer(PrintStream out) {
        return Generator.of(y -> {
            String r = "";
            while (true) {
                Integer n = y.yield(r);
                if (n == null || n == 0) {
                    return;
                }
                out.println("[CONSUMER] Consuming " + n + "...");
                r = "200 OK";
            }
        });
    }

    static void produce(Generator<Integer, String> c, PrintStream out) {
        c.send(null);
        int n = 0;
        while (n < 5) {
            n += 1;
            out.println("[PRODUCER] Producing " + n + "...");
            String r = c.send(n);
            out.println("[PRODUCER] Consumer return: " + r);
        }
        c.close();
    }

    /** The seed's producer/consumer prints exactly what Python prints, in a plain thread with no loop. */
    @Test
    void seedProducerConsumerPrintsPythonsOutputWithoutALoop() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Generator<Integer, String> c = consumer(out);
        produce(c, out);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(SEED_OUTPUT);
        assertThat(c.state()).isEqualTo(Generator.State.CLOSED);
    }

    /** The seed's producer/consumer prints exactly what Python prints inside a task. */
    @Test
    void seedProducerConsumerPrintsPythonsOutputInATask() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Asyncio.run(() -> {
            produce(consumer(out), out);
        });
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(SEED_OUTPUT);
    }

    /** A new generator must be started with null; next() is send(null). */
    @Test
    void firstSendMustBeNull() {
        Generator<String, Integer> g = Generator.of(y -> y.yield(1));
        assertThatThrownBy(() -> g.send("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("just-started generator");
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
    }

    /** Each sent value is what the pending yield returns. */
    @Test
    void sentValuesArriveAtTheYield() {
        List<String> seen = new ArrayList<>();
        Generator<String, Integer> g = Generator.of(y -> {
            int i = 0;
            while (true) {
                seen.add(y.yield(i++));
            }
        });
        g.next();
        g.send("a");
        g.send("b");
        g.next();
        assertThat(seen).containsExactly("a", "b", null);
    }

    /** When the body returns, send throws NoSuchElementException, then and afterwards. */
    @Test
    void returningBodyEndsWithNoSuchElement() {
        Generator<Void, Integer> g = Generator.of(y -> y.yield(1));
        assertThat(g.next()).isEqualTo(1);
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThatThrownBy(() -> g.send(null)).isInstanceOf(NoSuchElementException.class);
    }

    /** A checked exception from the body reaches the caller unchanged and closes the generator. */
    @Test
    void bodyExceptionReachesTheCallerUnchanged() {
        IOException io = new IOException("disk on fire");
        Generator<Void, Integer> g = Generator.of(y -> {
            y.yield(1);
            throw io;
        });
        g.next();
        assertThatThrownBy(g::next).isSameAs(io);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    /** A NoSuchElementException escaping the body cannot pass for the end of iteration (PEP 479). */
    @Test
    void noSuchElementFromTheBodyBecomesIllegalState() {
        Generator<Void, Integer> g = Generator.of(y -> List.<Integer>of().iterator().next());
        assertThatThrownBy(g::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generator raised NoSuchElementException")
                .hasCauseInstanceOf(NoSuchElementException.class);
    }

    /** close raises GeneratorExit at the yield, so the body's finally blocks run. */
    @Test
    void closeRunsTheBodysFinallyBlocks() {
        List<String> trace = new ArrayList<>();
        Generator<Void, Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
                trace.add("not reached");
            } catch (Exception e) {
                trace.add("not caught by catch (Exception)");
            } finally {
                trace.add("finally");
            }
        });
        g.next();
        g.close();
        assertThat(trace).containsExactly("finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        g.close();
    }

    /** close on a generator that never started does not run its body. */
    @Test
    void closeOnANewGeneratorDoesNotRunIt() {
        boolean[] ran = new boolean[1];
        Generator<Void, Integer> g = Generator.of(y -> ran[0] = true);
        g.close();
        assertThat(ran[0]).isFalse();
        assertThat(g.hasNext()).isFalse();
    }

    /** A body that yields again after GeneratorExit makes close fail as in Python. */
    @Test
    void bodyIgnoringGeneratorExitMakesCloseFail() {
        Generator<Void, Integer> g = Generator.of(y -> {
            while (true) {
                try {
                    y.yield(1);
                } catch (GeneratorExit ignored) {
                    // refuses to stop
                }
            }
        });
        g.next();
        assertThatThrownBy(g::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("generator ignored GeneratorExit");
    }

    /** throwInto raises at the yield: a handled exception gives the next value, an unhandled one propagates. */
    @Test
    void throwIntoRaisesAtTheYield() {
        Generator<Void, String> g = Generator.of(y -> {
            try {
                y.yield("first");
            } catch (IllegalArgumentException e) {
                y.yield("handled " + e.getMessage());
            }
            y.yield("last");
        });
        g.next();
        assertThat(g.throwInto(new IllegalArgumentException("x"))).isEqualTo("handled x");
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> g.throwInto(boom)).isSameAs(boom);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    /** throwInto on a generator that never started throws at once without running the body. */
    @Test
    void throwIntoANewGeneratorThrowsWithoutRunningIt() {
        boolean[] ran = new boolean[1];
        Generator<Void, Integer> g = Generator.of(y -> ran[0] = true);
        IOException io = new IOException("x");
        assertThatThrownBy(() -> g.throwInto(io)).isSameAs(io);
        assertThat(ran[0]).isFalse();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    /** A generator is iterable in a for-each loop. */
    @Test
    void generatorWorksInAForEachLoop() {
        List<Integer> out = new ArrayList<>();
        for (int i : Generator.<Void, Integer>of(y -> {
            for (int k = 0; k < 4; k++) {
                y.yield(k * k);
            }
        })) {
            out.add(i);
        }
        assertThat(out).containsExactly(0, 1, 4, 9);
    }

    /** hasNext runs the body to its next yield once and keeps the value for next. */
    @Test
    void hasNextKeepsTheValueForNext() {
        AtomicInteger resumed = new AtomicInteger();
        Generator<Void, Integer> g = Generator.of(y -> {
            for (int k = 0; k < 2; k++) {
                resumed.incrementAndGet();
                y.yield(k);
            }
        });
        assertThat(g.hasNext()).isTrue();
        assertThat(g.hasNext()).isTrue();
        assertThat(resumed.get()).isEqualTo(1);
        assertThat(g.next()).isZero();
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.hasNext()).isFalse();
    }

    /** The body calling send on its own generator fails: the generator is already executing. */
    @Test
    void reentrantSendFails() {
        List<Generator<Void, Integer>> self = new ArrayList<>();
        Throwable[] seen = new Throwable[1];
        Generator<Void, Integer> g = Generator.of(y -> {
            try {
                self.get(0).next();
            } catch (IllegalStateException e) {
                seen[0] = e;
            }
            y.yield(1);
        });
        self.add(g);
        g.next();
        assertThat(seen[0]).hasMessage("generator already executing");
    }

    /** yield called from any thread but the body's fails. */
    @Test
    void yieldOutsideTheBodyFails() throws Exception {
        List<Generator.Yielder<Void, Integer>> yielder = new ArrayList<>();
        Generator<Void, Integer> g = Generator.of(y -> {
            yielder.add(y);
            y.yield(1);
        });
        g.next();
        assertThatThrownBy(() -> yielder.get(0).yield(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside its generator's body");
        g.close();
    }

    /** Exactly one of caller and body runs at a time: neither observes the other running. */
    @Test
    void callerAndBodyNeverRunAtTheSameTime() throws Exception {
        AtomicInteger running = new AtomicInteger(1);
        AtomicInteger overlaps = new AtomicInteger();
        Generator<Integer, Integer> g = Generator.of(y -> {
            int v = 0;
            while (true) {
                if (running.incrementAndGet() != 1) {
                    overlaps.incrementAndGet();
                }
                for (int i = 0; i < 50; i++) {
                    Thread.onSpinWait();
                }
                running.decrementAndGet();
                v = y.yield(v + 1);
            }
        });
        running.decrementAndGet();
        g.next();
        for (int i = 0; i < 2000; i++) {
            if (running.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            running.decrementAndGet();
            g.send(i);
        }
        g.close();
        assertThat(overlaps.get()).isZero();
    }

    /** Inside a task, nothing else on the loop runs while the body does: send is not a suspension point. */
    @Test
    void sendInsideATaskLetsNothingElseRun() throws Exception {
        List<String> trace = new ArrayList<>();
        Asyncio.run(() -> {
            Asyncio.getRunningLoop().callSoon(() -> trace.add("callback"));
            Asyncio.createTask(() -> { trace.add("other task"); });
            Generator<Void, Integer> g = Generator.of(y -> {
                for (int i = 0; i < 3; i++) {
                    trace.add("body " + i);
                    y.yield(i);
                }
            });
            for (int i : g) {
                trace.add("caller " + i);
            }
            trace.add("caller done");
            Asyncio.sleep(0);
        });
        assertThat(trace).containsExactly("body 0", "caller 0", "body 1", "caller 1", "body 2", "caller 2",
                "caller done", "callback", "other task");
    }

    /** Inside a task the body acts for it: currentTask is the caller's task; with no loop there is none. */
    @Test
    void bodySeesTheCallersTask() throws Exception {
        Object[] seen = new Object[3];
        Asyncio.run(() -> {
            seen[0] = Asyncio.currentTask();
            Generator<Void, Object> g = Generator.of(y -> y.yield(Asyncio.currentTask()));
            seen[1] = g.next();
        });
        Generator<Void, Object> plain = Generator.of(y -> y.yield(String.valueOf(Asyncio.currentTask())));
        seen[2] = plain.next();
        assertThat(seen[1]).isNotNull().isSameAs(seen[0]);
        assertThat(seen[2]).isEqualTo("null");
    }

    /** A generator's body may drive another generator, with or without a loop. */
    @Test
    void generatorsNest() throws Exception {
        Generator.Body<Void, Integer> outer = y -> {
            Generator<Void, Integer> inner = Generator.of(z -> {
                for (int i = 1; i <= 3; i++) {
                    z.yield(i);
                }
            });
            for (int i : inner) {
                y.yield(i * 10);
            }
        };
        List<Integer> plain = new ArrayList<>();
        Generator.of(outer).forEachRemaining(plain::add);
        List<Integer> inTask = Asyncio.run(() -> {
            List<Integer> out = new ArrayList<>();
            Generator.of(outer).forEachRemaining(out::add);
            return out;
        });
        assertThat(plain).containsExactly(10, 20, 30);
        assertThat(inTask).containsExactly(10, 20, 30);
    }

    /** A generator dropped while suspended is closed when collected: its finally block runs. */
    @Test
    void droppedGeneratorIsClosedWhenCollected() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        startAndDrop(closed);
        for (int i = 0; i < 50 && closed.getCount() > 0; i++) {
            System.gc();
            closed.await(100, TimeUnit.MILLISECONDS);
        }
        assertThat(closed.getCount()).isZero();
    }

    private static void startAndDrop(CountDownLatch closed) {
        Generator<Void, Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
                y.yield(2);
            } finally {
                closed.countDown();
            }
        });
        g.next();
    }

    /** A blocking JDK call in the body parks only the calling task on the fast engine: other tasks run. */
    @Test
    void blockingCallInTheBodyParksOnlyTheCallingTask() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Engine.isFast(), "a blocking call blocks the loop on the fallback engine");
        List<String> trace = new ArrayList<>();
        Asyncio.run(() -> {
            java.util.concurrent.SynchronousQueue<String> handoff = new java.util.concurrent.SynchronousQueue<>();
            Generator<Void, String> g = Generator.of(y -> y.yield(handoff.take()));
            Task<Void> other = Asyncio.createTask(() -> {
                trace.add("other task runs while the body blocks");
                Asyncio.toThread(() -> {
                    handoff.put("from another thread");
                    return null;
                });
            });
            trace.add(g.next());
            Asyncio.await(other);
        });
        assertThat(trace).containsExactly("other task runs while the body blocks", "from another thread");
    }

    /** Cancelling a task whose generator body is blocked in a JDK call interrupts the body; the task ends cancelled. */
    @Test
    void cancellingTheTaskInterruptsABlockedBody() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Engine.isFast(), "a blocking call blocks the loop on the fallback engine");
        boolean[] interrupted = new boolean[1];
        Asyncio.run(() -> {
            Task<Object> t = Asyncio.createTask(() -> {
                Generator<Void, Object> g = Generator.of(y -> {
                    try {
                        y.yield(new java.util.concurrent.SynchronousQueue<>().take());
                    } catch (InterruptedException e) {
                        interrupted[0] = true;
                        throw e;
                    }
                });
                return g.next();
            });
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            t.cancel();
            assertThatThrownBy(() -> Asyncio.await(t)).isInstanceOf(CancelledError.class);
            assertThat(t.cancelled()).isTrue();
        });
        assertThat(interrupted[0]).isTrue();
    }
}
