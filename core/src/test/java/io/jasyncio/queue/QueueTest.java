package io.jasyncio.queue;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import io.jasyncio.VirtualTimeLoop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Queue, PriorityQueue, LifoQueue: order, waiting, cancellation, taskDone/join (test_queues). */
@Timeout(60)
class QueueTest {

    /** putNowait and getNowait keep FIFO order and raise QueueFull and QueueEmpty. */
    @Test
    void nowaitOperationsKeepFifoOrder() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>(2);
            assertThat(q.empty()).isTrue();
            q.putNowait(1);
            q.putNowait(2);
            assertThat(q.full()).isTrue();
            assertThat(q.qsize()).isEqualTo(2);
            assertThatThrownBy(() -> q.putNowait(3)).isInstanceOf(QueueFull.class);
            assertThat(q.getNowait()).isEqualTo(1);
            assertThat(q.getNowait()).isEqualTo(2);
            assertThatThrownBy(q::getNowait).isInstanceOf(QueueEmpty.class);
        });
    }

    /** An unbounded queue (maxsize 0) is never full. */
    @Test
    void unboundedQueueIsNeverFull() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            for (int i = 0; i < 1000; i++) {
                q.putNowait(i);
            }
            assertThat(q.full()).isFalse();
            assertThat(q.maxsize()).isZero();
        });
    }

    /** get waits until an item is put. */
    @Test
    void getWaitsForAPut() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<String> q = new Queue<>();
            Task<String> getter = createTask(q::get);
            sleep(1);
            assertThat(getter.done()).isFalse();
            assertThat(q.statistics().getters()).isEqualTo(1);
            q.put("x");
            assertThat(await(getter)).isEqualTo("x");
        });
    }

    /** put waits while the queue is full, until a get frees a slot. */
    @Test
    void putWaitsWhileFull() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>(1);
            q.put(1);
            Task<Void> putter = createTask(() -> { q.put(2); });
            sleep(1);
            assertThat(putter.done()).isFalse();
            assertThat(q.statistics().putters()).isEqualTo(1);
            assertThat(q.get()).isEqualTo(1);
            await(putter);
            assertThat(q.getNowait()).isEqualTo(2);
        });
    }

    /** Waiting getters are served in the order they began waiting. */
    @Test
    void gettersAreServedInFifoOrder() throws Exception {
        List<String> got = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int id = i;
                ts.add(createTask(() -> { got.add(id + ":" + q.get()); }));
            }
            sleep(0);
            for (int i = 0; i < 3; i++) {
                q.putNowait(10 + i);
            }
            for (Task<Void> t : ts) {
                await(t);
            }
        });
        assertThat(got).containsExactly("0:10", "1:11", "2:12");
    }

    /** A getter cancelled while waiting leaves the queue with no getter and loses nothing. */
    @Test
    void getterCancelledWhileWaitingTakesNothing() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            Task<Integer> g = createTask(q::get);
            sleep(0);
            g.cancel();
            assertThatThrownBy(() -> await(g)).isInstanceOf(CancelledError.class);
            q.putNowait(7);
            assertThat(q.statistics().getters()).isZero();
            assertThat(q.getNowait()).isEqualTo(7);
        });
    }

    /** A getter woken by a put and cancelled before it resumes never loses the item: the next getter gets it. */
    @Test
    void getterCancelledAfterWakeUpPassesTheItemToTheNextGetter() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            Task<Integer> a = createTask(q::get);
            Task<Integer> b = createTask(q::get);
            sleep(0);
            q.putNowait(42);
            a.cancel();
            assertThat(await(b)).isEqualTo(42);
            assertThat(a.cancelled()).isTrue();
        });
    }

    /** A getter woken and cancelled before resuming, with nobody else waiting, leaves the item in the queue. */
    @Test
    void lastGetterCancelledAfterWakeUpLeavesTheItemQueued() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            Task<Integer> a = createTask(q::get);
            sleep(0);
            q.putNowait(42);
            a.cancel();
            assertThatThrownBy(() -> await(a)).isInstanceOf(CancelledError.class);
            assertThat(q.qsize()).isEqualTo(1);
            assertThat(q.get()).isEqualTo(42);
        });
    }

    /** A putter woken by a get and cancelled before it resumes passes the free slot to the next putter. */
    @Test
    void putterCancelledAfterWakeUpPassesTheSlotOn() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>(1);
            q.putNowait(0);
            Task<Void> a = createTask(() -> { q.put(1); });
            Task<Void> b = createTask(() -> { q.put(2); });
            sleep(0);
            assertThat(q.getNowait()).isZero();
            a.cancel();
            await(b);
            assertThat(a.cancelled()).isTrue();
            assertThat(q.getNowait()).isEqualTo(2);
            assertThat(q.empty()).isTrue();
        });
    }

    /** maxsize 1 with 100 producers and 100 consumers, randomly interleaved: every item arrives exactly once. */
    @Test
    void hundredProducersAndConsumersOnMaxsizeOneLoseAndDuplicateNothing() throws Exception {
        int producers = 100;
        int perProducer = 20;
        List<Integer> received = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>(1);
            Random random = new Random(4);
            List<Task<Void>> ts = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int base = p * perProducer;
                long seed = random.nextLong();
                ts.add(createTask(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < perProducer; i++) {
                        q.put(base + i);
                        sleep(r.nextInt(3) * 0.001);
                    }
                }));
            }
            for (int c = 0; c < producers; c++) {
                long seed = random.nextLong();
                ts.add(createTask(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < perProducer; i++) {
                        received.add(q.get());
                        q.taskDone();
                        sleep(r.nextInt(3) * 0.001);
                    }
                }));
            }
            for (Task<Void> t : ts) {
                await(t);
            }
            q.join();
            assertThat(q.statistics()).isEqualTo(new Queue.Statistics(0, 1, 0, 0, 0, false));
        });
        assertThat(received).hasSize(producers * perProducer);
        assertThat(received).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, producers * perProducer).boxed().toList());
    }

    /** Consumers cancelled at random points while items flow never lose or duplicate one. */
    @Test
    void randomlyCancelledConsumersLoseNothing() throws Exception {
        List<Integer> received = new ArrayList<>();
        int total = 2000;
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>(1);
            Random random = new Random(11);
            Task<Void> producer = createTask(() -> {
                for (int i = 0; i < total; i++) {
                    q.put(i);
                }
            });
            List<Task<Void>> consumers = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                consumers.add(createTask(() -> {
                    while (true) {
                        received.add(q.get());
                    }
                }));
            }
            while (!producer.done()) {
                sleep(0);
                Task<Void> victim = consumers.get(random.nextInt(consumers.size()));
                if (!victim.done()) {
                    victim.cancel();
                    consumers.add(createTask(() -> {
                        while (true) {
                            received.add(q.get());
                        }
                    }));
                }
            }
            await(producer);
            while (!q.empty()) {
                sleep(0);
            }
            for (Task<Void> c : consumers) {
                c.cancel();
            }
        });
        assertThat(received).containsExactlyInAnyOrderElementsOf(IntStream.range(0, total).boxed().toList());
    }

    /** join waits until every item put has been marked done; an extra taskDone fails. */
    @Test
    void joinWaitsForEveryTaskDone() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            q.put(1);
            q.put(2);
            Task<Void> joiner = createTask(q::join);
            sleep(1);
            q.get();
            q.taskDone();
            sleep(1);
            assertThat(joiner.done()).isFalse();
            q.get();
            q.taskDone();
            await(joiner);
            assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("too many times");
            q.join();
        });
    }

    /** A queue filled with putNowait before its loop runs is used normally inside it. */
    @Test
    void queueFilledBeforeTheLoopRunsWorksInsideIt() throws Exception {
        Queue<String> q = new Queue<>();
        q.putNowait("a");
        q.putNowait("b");
        String joined = Asyncio.run(() -> q.get() + q.get());
        assertThat(joined).isEqualTo("ab");
    }

    /** Null items are refused. */
    @Test
    void nullItemsAreRefused() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<String> q = new Queue<>();
            assertThatThrownBy(() -> q.putNowait(null)).isInstanceOf(NullPointerException.class);
        });
    }

    /** A PriorityQueue returns the smallest item first, by natural order or comparator. */
    @Test
    void priorityQueueReturnsSmallestFirst() throws Exception {
        VirtualTimeLoop.run(() -> {
            PriorityQueue<Integer> q = new PriorityQueue<>();
            for (int i : new int[] {5, 1, 4, 2, 3}) {
                q.put(i);
            }
            List<Integer> out = new ArrayList<>();
            while (!q.empty()) {
                out.add(q.get());
            }
            assertThat(out).containsExactly(1, 2, 3, 4, 5);
            PriorityQueue<String> byLength = new PriorityQueue<>(0, Comparator.comparingInt(String::length));
            byLength.put("ccc");
            byLength.put("a");
            byLength.put("bb");
            assertThat(byLength.get()).isEqualTo("a");
        });
    }

    /** A LifoQueue returns the newest item first. */
    @Test
    void lifoQueueReturnsNewestFirst() throws Exception {
        VirtualTimeLoop.run(() -> {
            LifoQueue<Integer> q = new LifoQueue<>(3);
            q.put(1);
            q.put(2);
            q.put(3);
            assertThat(q.full()).isTrue();
            assertThat(List.of(q.get(), q.get(), q.get())).containsExactly(3, 2, 1);
        });
    }

    /** toString shows size, waiters, unfinished tasks and shutdown, as Python's repr. */
    @Test
    void toStringShowsTheState() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>(5);
            q.putNowait(1);
            assertThat(q.toString()).isEqualTo("<Queue maxsize=5 size=1 tasks=1>");
            q.shutdown();
            assertThat(q.toString()).endsWith("shutdown>");
        });
    }
}
