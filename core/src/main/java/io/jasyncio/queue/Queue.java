package io.jasyncio.queue;

import io.jasyncio.CancelledError;
import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.sync.LoopBinding;
import io.jasyncio.internal.sync.WaitQueue;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A first-in, first-out queue for producer and consumer tasks: Python's {@code asyncio.Queue}
 * (3.13, with {@link #shutdown(boolean)}).
 *
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=queue}
 *
 * <p><b>Semantics</b> (CPython 3.13). {@link #put} suspends while the queue is full, {@link #get}
 * while it is empty; waiting producers and consumers are woken one at a time, in FIFO order, each
 * when an item or a slot becomes available, and re-check when they resume. An item is never
 * handed to a waiter: it stays in the queue until a {@code get} takes it, so a cancelled
 * {@code get} never loses an item, and one cancelled after it was woken passes the wake-up to the
 * next consumer (likewise for producers). Items are counted as unfinished from {@code put} to
 * {@link #taskDone()}; {@link #join()} waits for the count to reach zero.
 *
 * <p>Items may not be {@code null}. A {@code maxsize} of zero or less means unbounded.
 *
 * <p><b>Threads.</b> Loop-confined and unsynchronised, like the primitives of
 * {@code io.jasyncio.sync}: use it from one loop's tasks and callbacks. Before that loop runs, a
 * plain thread may fill it with {@link #putNowait}. To feed it from another thread while the loop
 * runs, use {@code loop.callSoonThreadsafe(() -> queue.putNowait(x))}.
 *
 * @param <T> the type of the items
 */
public class Queue<T> {

    private final LoopBinding binding = new LoopBinding();
    private final WaitQueue getters = new WaitQueue();
    private final WaitQueue putters = new WaitQueue();
    private final WaitQueue joiners = new WaitQueue();
    private final java.util.Queue<T> items;
    private final int maxsize;
    private int unfinishedTasks;
    private boolean shutdown;
    private final Consumer<Object> passOnToGetter = woken -> {
        if (!empty()) {
            getters.unparkOne(null);
        }
    };
    private final Consumer<Object> passOnToPutter = woken -> {
        if (!full()) {
            putters.unparkOne(null);
        }
    };

    /** Creates an unbounded queue. */
    public Queue() {
        this(0);
    }

    /** @param maxsize the most items it holds; zero or less for unbounded */
    public Queue(int maxsize) {
        this(maxsize, new ArrayDeque<>());
    }

    /**
     * For subclasses: a queue that keeps its items in {@code storage}, whose {@code offer} and
     * {@code poll} decide the order (Python's {@code _put} and {@code _get}).
     *
     * @param maxsize the most items it holds; zero or less for unbounded
     * @param storage an empty collection, owned by the queue from now on
     */
    protected Queue(int maxsize, java.util.Queue<T> storage) {
        this.maxsize = maxsize;
        this.items = Objects.requireNonNull(storage, "storage");
    }

    /** @return the number of items in the queue (Python's {@code qsize()}) */
    public int qsize() {
        return items.size();
    }

    /** @return the most items the queue holds; zero or less means unbounded */
    public int maxsize() {
        return maxsize;
    }

    /** @return whether the queue has no items */
    public boolean empty() {
        return items.isEmpty();
    }

    /** @return whether the queue holds {@link #maxsize()} items (never, if unbounded) */
    public boolean full() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /**
     * Puts an item at the end, suspending the current task while the queue is full: Python's
     * {@code await queue.put(item)}.
     *
     * @param item the item
     * @throws QueueShutDown if the queue is shut down (before or while waiting)
     * @throws CancelledError if the task is cancelled while waiting (the item is not added)
     */
    public void put(T item) {
        Objects.requireNonNull(item, "item");
        BaseEventLoop loop = binding.check(this);
        while (full()) {
            if (shutdown) {
                throw new QueueShutDown();
            }
            putters.park(loop, "Queue.put()", passOnToPutter);
        }
        add(item);
    }

    /**
     * Puts an item at the end without suspending.
     *
     * @param item the item
     * @throws QueueFull if the queue is full
     * @throws QueueShutDown if the queue is shut down
     */
    public void putNowait(T item) {
        Objects.requireNonNull(item, "item");
        binding.check(this);
        add(item);
    }

    private void add(T item) {
        if (shutdown) {
            throw new QueueShutDown();
        }
        if (full()) {
            throw new QueueFull();
        }
        items.offer(item);
        unfinishedTasks++;
        getters.unparkOne(null);
    }

    /**
     * Removes and returns the next item, suspending the current task while the queue is empty:
     * Python's {@code await queue.get()}.
     *
     * @return the item
     * @throws QueueShutDown if the queue is shut down and empty (before or while waiting)
     * @throws CancelledError if the task is cancelled while waiting (no item is taken)
     */
    public T get() {
        BaseEventLoop loop = binding.check(this);
        while (empty()) {
            if (shutdown) {
                throw new QueueShutDown();
            }
            getters.park(loop, "Queue.get()", passOnToGetter);
        }
        return take();
    }

    /**
     * Removes and returns the next item without suspending.
     *
     * @return the item
     * @throws QueueEmpty if the queue is empty
     * @throws QueueShutDown if the queue is shut down and empty
     */
    public T getNowait() {
        binding.check(this);
        return take();
    }

    private T take() {
        T item = items.poll();
        if (item == null) {
            if (shutdown) {
                throw new QueueShutDown();
            }
            throw new QueueEmpty();
        }
        putters.unparkOne(null);
        return item;
    }

    /**
     * Marks one item taken with {@code get} as processed: once every item put has been marked,
     * {@link #join()} returns.
     *
     * @throws IllegalStateException if called more times than items were put (Python's
     *     {@code ValueError})
     */
    public void taskDone() {
        binding.check(this);
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("taskDone() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            joiners.unparkAll(null);
        }
    }

    /**
     * Suspends the current task until every item put has been marked with {@link #taskDone()}:
     * Python's {@code await queue.join()}.
     *
     * @throws CancelledError if the task is cancelled while waiting
     */
    public void join() {
        BaseEventLoop loop = binding.check(this);
        if (unfinishedTasks > 0) {
            joiners.park(loop, "Queue.join()", null);
        }
    }

    /** Shuts the queue down without discarding items: same as {@code shutdown(false)}. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down (Python 3.13): from now on {@code put} and {@code putNowait} raise
     * {@link QueueShutDown}, and {@code get} raises it once the queue is empty. Every task waiting
     * in {@code put} or {@code get} is woken to re-check.
     *
     * @param immediate also discard the items now in the queue (each counts as done for
     *     {@link #join()}), so that {@code get} raises at once
     */
    public void shutdown(boolean immediate) {
        binding.check(this);
        shutdown = true;
        if (immediate) {
            while (items.poll() != null) {
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                joiners.unparkAll(null);
            }
        }
        getters.unparkAll(null);
        putters.unparkAll(null);
    }

    /** @return whether {@link #shutdown(boolean)} was called */
    public boolean isShutdown() {
        return shutdown;
    }

    /** @return a snapshot of the queue's state */
    public Statistics statistics() {
        return new Statistics(items.size(), maxsize, getters.waiting(), putters.waiting(), unfinishedTasks, shutdown);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(getClass().getSimpleName()).append(" maxsize=").append(maxsize);
        if (!items.isEmpty()) {
            sb.append(" size=").append(items.size());
        }
        int g = getters.waiting();
        int p = putters.waiting();
        if (g > 0) {
            sb.append(" getters[").append(g).append(']');
        }
        if (p > 0) {
            sb.append(" putters[").append(p).append(']');
        }
        if (unfinishedTasks > 0) {
            sb.append(" tasks=").append(unfinishedTasks);
        }
        if (shutdown) {
            sb.append(" shutdown");
        }
        return sb.append('>').toString();
    }

    /**
     * A snapshot of a queue's state.
     *
     * @param size the number of items
     * @param maxsize the most items it holds (zero or less: unbounded)
     * @param getters how many tasks wait in {@code get}
     * @param putters how many tasks wait in {@code put}
     * @param unfinishedTasks items put and not yet marked with {@code taskDone}
     * @param shutdown whether it is shut down
     */
    public record Statistics(int size, int maxsize, int getters, int putters, int unfinishedTasks, boolean shutdown) {
    }
}
