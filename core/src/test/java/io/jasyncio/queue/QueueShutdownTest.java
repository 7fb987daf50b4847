package io.jasyncio.queue;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Task;
import io.jasyncio.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Queue.shutdown (3.13): waiting getters and putters, immediate mode, join (test_queues shutdown tests). */
@Timeout(60)
class QueueShutdownTest {

    /** After shutdown, put and putNowait raise QueueShutDown. */
    @Test
    void putAfterShutdownRaises() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            q.shutdown();
            assertThat(q.isShutdown()).isTrue();
            assertThatThrownBy(() -> q.put(1)).isInstanceOf(QueueShutDown.class);
            assertThatThrownBy(() -> q.putNowait(1)).isInstanceOf(QueueShutDown.class);
        });
    }

    /** A non-immediate shutdown leaves the items gettable; get raises only once the queue is empty. */
    @Test
    void itemsRemainGettableAfterAGracefulShutdown() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            q.put(1);
            q.put(2);
            q.shutdown(false);
            assertThat(q.get()).isEqualTo(1);
            assertThat(q.getNowait()).isEqualTo(2);
            assertThatThrownBy(q::get).isInstanceOf(QueueShutDown.class);
            assertThatThrownBy(q::getNowait).isInstanceOf(QueueShutDown.class);
        });
    }

    /** Getters waiting on an empty queue are woken by shutdown and raise QueueShutDown. */
    @Test
    void waitingGettersRaiseOnShutdown() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            Task<Integer> g1 = createTask(q::get);
            Task<Integer> g2 = createTask(q::get);
            sleep(1);
            q.shutdown();
            assertThatThrownBy(() -> await(g1)).isInstanceOf(QueueShutDown.class);
            assertThatThrownBy(() -> await(g2)).isInstanceOf(QueueShutDown.class);
        });
    }

    /** Putters waiting on a full queue are woken by shutdown and raise QueueShutDown; the queued items stay. */
    @Test
    void waitingPuttersRaiseOnShutdown() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>(1);
            q.put(0);
            Task<Void> p1 = createTask(() -> { q.put(1); });
            Task<Void> p2 = createTask(() -> { q.put(2); });
            sleep(1);
            q.shutdown();
            assertThatThrownBy(() -> await(p1)).isInstanceOf(QueueShutDown.class);
            assertThatThrownBy(() -> await(p2)).isInstanceOf(QueueShutDown.class);
            assertThat(q.get()).isZero();
        });
    }

    /** An immediate shutdown discards the items, wakes getters and putters, and releases join. */
    @Test
    void immediateShutdownDrainsAndReleasesEveryone() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>(2);
            q.put(1);
            q.put(2);
            Task<Void> putter = createTask(() -> { q.put(3); });
            Task<Void> joiner = createTask(q::join);
            sleep(1);
            q.shutdown(true);
            assertThat(q.qsize()).isZero();
            assertThatThrownBy(() -> await(putter)).isInstanceOf(QueueShutDown.class);
            await(joiner);
            assertThatThrownBy(q::get).isInstanceOf(QueueShutDown.class);
            assertThat(q.statistics().unfinishedTasks()).isZero();
        });
    }

    /** Items already taken but not marked done keep join waiting after an immediate shutdown. */
    @Test
    void immediateShutdownKeepsJoinWaitingForItemsInProgress() throws Exception {
        VirtualTimeLoop.run(() -> {
            Queue<Integer> q = new Queue<>();
            q.put(1);
            q.put(2);
            q.get();
            Task<Void> joiner = createTask(q::join);
            q.shutdown(true);
            sleep(1);
            assertThat(joiner.done()).isFalse();
            q.taskDone();
            await(joiner);
        });
    }
}
