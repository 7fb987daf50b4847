package io.jasyncio.examples;

import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.Asyncio;
import io.jasyncio.queue.Queue;
import io.jasyncio.sync.Acquired;
import io.jasyncio.sync.Lock;
import io.jasyncio.sync.Semaphore;

/**
 * The seeds' synchronisation tools ({@code asyncio.Lock()} to guard a shared resource,
 * {@code asyncio.Semaphore()} to limit concurrency, and a {@code Queue} between producer and
 * consumer tasks):
 *
 * <pre>{@code
 * async with lock:                 # try (Acquired a = lock.acquire()) { ... }
 *     counter += 1
 * async with sem:                  # at most 2 downloads at once
 *     await asyncio.sleep(0.1)
 * await queue.put(item); item = await queue.get(); queue.task_done(); await queue.join()
 * }</pre>
 */
public final class SyncPrimitives {

    private SyncPrimitives() {
    }

    /**
     * @throws Exception whatever a task throws
     */
    public static void program() throws Exception {
        // Lock: a read-modify-write that suspends in the middle stays correct.
        Lock lock = new Lock();
        int[] counter = {0};
        Asyncio.gather(() -> increment(lock, counter), () -> increment(lock, counter), () -> increment(lock, counter));
        System.out.println("counter = " + counter[0]);

        // Semaphore: never more than two at once.
        Semaphore sem = new Semaphore(2);
        int[] running = {0, 0};
        gather(() -> limited(sem, running), () -> limited(sem, running), () -> limited(sem, running),
                () -> limited(sem, running));
        System.out.println("at most " + running[1] + " ran at once");

        // Queue: a producer and two consumers; join() waits until every item is processed.
        Queue<Integer> queue = new Queue<>(2);
        int[] sum = {0};
        var consumers = java.util.List.of(
                Asyncio.createTask(() -> consume(queue, sum)), Asyncio.createTask(() -> consume(queue, sum)));
        for (int i = 1; i <= 10; i++) {
            queue.put(i);
        }
        queue.join();
        consumers.forEach(t -> t.cancel());
        System.out.println("sum of consumed items = " + sum[0]);
    }

    static void increment(Lock lock, int[] counter) {
        for (int i = 0; i < 100; i++) {
            try (Acquired held = lock.acquire()) {
                int v = counter[0];
                sleep(0);
                counter[0] = v + 1;
            }
        }
    }

    static void limited(Semaphore sem, int[] running) {
        try (Acquired held = sem.acquire()) {
            running[0]++;
            running[1] = Math.max(running[1], running[0]);
            sleep(0.1);
            running[0]--;
        }
    }

    static void consume(Queue<Integer> queue, int[] sum) {
        while (true) {
            int item = queue.get();
            sum[0] += item;
            queue.taskDone();
        }
    }

    /**
     * @param args unused
     * @throws Exception whatever a task throws
     */
    public static void main(String[] args) throws Exception {
        Asyncio.run(SyncPrimitives::program);
    }
}
