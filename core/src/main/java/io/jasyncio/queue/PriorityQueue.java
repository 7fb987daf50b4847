package io.jasyncio.queue;

import java.util.Comparator;

/**
 * A {@link Queue} that returns its smallest item first: Python's {@code asyncio.PriorityQueue}.
 * Items are ordered by their natural order or by a comparator; items that compare equal come out
 * in no particular order (as with Python's {@code heapq}), so add a sequence number to the key
 * when order among equals matters.
 *
 * <p>Same waiting, cancellation and thread rules as {@link Queue}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=priorityQueue}
 *
 * @param <T> the type of the items
 */
public class PriorityQueue<T> extends Queue<T> {

    /** Creates an unbounded queue ordered by the items' natural order. */
    public PriorityQueue() {
        this(0);
    }

    /** @param maxsize the most items it holds; zero or less for unbounded */
    public PriorityQueue(int maxsize) {
        super(maxsize, new java.util.PriorityQueue<>());
    }

    /**
     * @param maxsize the most items it holds; zero or less for unbounded
     * @param comparator the order: smallest first
     */
    public PriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize, new java.util.PriorityQueue<>(comparator));
    }
}
