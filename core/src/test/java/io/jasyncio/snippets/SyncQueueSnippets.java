package io.jasyncio.snippets;

import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.run;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.VoidCoroutine;
import io.jasyncio.queue.LifoQueue;
import io.jasyncio.queue.PriorityQueue;
import io.jasyncio.queue.Queue;
import io.jasyncio.queue.QueueEmpty;
import io.jasyncio.queue.QueueFull;
import io.jasyncio.queue.QueueShutDown;
import io.jasyncio.sync.Acquired;
import io.jasyncio.sync.Barrier;
import io.jasyncio.sync.BoundedSemaphore;
import io.jasyncio.sync.BrokenBarrierError;
import io.jasyncio.sync.Condition;
import io.jasyncio.sync.Event;
import io.jasyncio.sync.Lock;
import io.jasyncio.sync.Semaphore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The examples in the Javadoc of packages {@code io.jasyncio.sync} and {@code io.jasyncio.queue};
 * {@code SyncQueueSnippetsTest} runs them.
 */
public final class SyncQueueSnippets {

    private SyncQueueSnippets() {
    }

    static int lock() throws Exception {
        return run(() -> {
            int[] balance = {0};
            // @start region="lock"
            Lock lock = new Lock();
            VoidCoroutine deposit = () -> {
                try (var _ = lock.acquire()) {
                    int before = balance[0];      // only one task at a time here,
                    sleep(0.01);                  // even across suspensions
                    balance[0] = before + 10;
                }
            };
            gather(deposit, deposit);      // two tasks, one after the other in the lock
            // @end
            return balance[0];
        });
    }

    static boolean acquired() throws Exception {
        return run(() -> {
            Lock lock = new Lock();
            // @start region="acquired"
            try (Acquired held = lock.acquire()) {     // or: try (var _ = lock.acquire())
                // holds the lock; may suspend
            }                                          // close() releases it
            // @end
            return lock.locked();
        });
    }

    static int semaphore() throws Exception {
        return run(() -> {
            int[] inside = {0};
            int[] most = {0};
            // @start region="semaphore"
            Semaphore slots = new Semaphore(10);
            try (TaskGroup tg = new TaskGroup()) {
                for (int i = 0; i < 50; i++) {
                    tg.createTask(() -> {
                        try (var _ = slots.acquire()) {   // at most 10 tasks here at a time
                            most[0] = Math.max(most[0], ++inside[0]);
                            sleep(0.01);
                            inside[0]--;
                        }
                    });
                }
            }
            // @end
            return most[0];
        });
    }

    static String boundedSemaphore() throws Exception {
        return run(() -> {
            // @start region="boundedSemaphore"
            BoundedSemaphore pool = new BoundedSemaphore(2);
            pool.acquire();
            pool.release();
            try {
                pool.release();                 // one release too many is a bug: it fails
            } catch (IllegalStateException e) {     // Python's ValueError
                return "released too often";
            }
            // @end
            return "no error";
        });
    }

    static List<Integer> barrier() throws Exception {
        return run(() -> {
            // @start region="barrier"
            Barrier barrier = new Barrier(3);
            List<Integer> arrivals = gather(
                    () -> barrier.await(),      // each returns its arrival index, 0 to 2,
                    () -> barrier.await(),      // once all three parties are waiting
                    () -> barrier.await());
            // @end
            return arrivals;
        });
    }

    static String brokenBarrier() throws Exception {
        return run(() -> {
            // @start region="brokenBarrier"
            Barrier barrier = new Barrier(2);
            Task<Integer> waiting = createTask(() -> barrier.await());
            sleep(0);
            barrier.abort();                      // the second party will never come
            try {
                Asyncio.await(waiting);
            } catch (BrokenBarrierError e) {
                return "broken";
            }
            // @end
            return "not broken";
        });
    }

    static String condition() throws Exception {
        return run(() -> {
            // @start region="condition"
            Condition cond = new Condition();
            Deque<String> items = new ArrayDeque<>();
            Task<String> consumer = createTask(() -> {
                try (var _ = cond.acquire()) {
                    cond.waitFor(() -> !items.isEmpty());   // releases the lock while waiting
                    return items.removeFirst();
                }
            });
            try (var _ = cond.acquire()) {
                items.add("job");
                cond.signal();
            }
            String taken = Asyncio.await(consumer);
            // @end
            return taken;
        });
    }

    static String event() throws Exception {
        return run(() -> {
            // @start region="event"
            Event ready = new Event();
            Task<String> waiter = createTask(() -> {
                ready.await();                       // until someone sets it
                return "ready";
            });
            sleep(0.01);
            ready.set();                              // wakes every waiter
            String s = Asyncio.await(waiter);
            // @end
            return s;
        });
    }

    static List<String> queue() throws Exception {
        return run(() -> {
            List<String> done = new ArrayList<>();
            // @start region="queue"
            Queue<String> jobs = new Queue<>(100);
            Task<Void> worker = createTask(() -> {
                while (true) {
                    String job = jobs.get();       // suspends while the queue is empty
                    done.add(job.toUpperCase());
                    jobs.taskDone();
                }
            });
            for (String job : List.of("a", "b", "c")) {
                jobs.put(job);                     // suspends while 100 jobs are queued
            }
            jobs.join();                           // until every job is done
            worker.cancel();
            // @end
            return done;
        });
    }

    static List<String> priorityAndLifo() throws Exception {
        return run(() -> {
            // @start region="priorityQueue"
            record Job(int priority, String name) {
            }
            PriorityQueue<Job> urgentFirst = new PriorityQueue<>(0, Comparator.comparingInt(Job::priority));
            urgentFirst.put(new Job(5, "backup"));
            urgentFirst.put(new Job(1, "page the on-call"));
            Job next = urgentFirst.get();                       // "page the on-call": lowest first

            PriorityQueue<Integer> natural = new PriorityQueue<>();  // Comparable items, smallest first
            natural.put(3);
            natural.put(1);
            // @end
            // @start region="lifoQueue"
            LifoQueue<String> stack = new LifoQueue<>();
            stack.put("first");
            stack.put("second");
            String top = stack.get();             // "second": last in, first out
            // @end
            return List.of(next.name(), String.valueOf(natural.get()), top);
        });
    }

    static List<String> queueErrors() throws Exception {
        return run(() -> {
            List<String> seen = new ArrayList<>();
            // @start region="queueErrors"
            Queue<String> q = new Queue<>(1);
            try {
                q.getNowait();                  // nothing queued
            } catch (QueueEmpty e) {
                seen.add("empty");
            }
            q.putNowait("only");
            try {
                q.putNowait("one too many");    // maxsize reached
            } catch (QueueFull e) {
                seen.add("full");
            }
            q.shutdown();
            try {
                q.put("after shutdown");
            } catch (QueueShutDown e) {
                seen.add("shut down");
            }
            // @end
            return seen;
        });
    }
}
