package io.jasyncio.queue;

import java.util.ArrayDeque;
import java.util.Collections;

/**
 * A {@link Queue} that returns the most recently added item first: Python's
 * {@code asyncio.LifoQueue}.
 *
 * <p>Same waiting, cancellation and thread rules as {@link Queue}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=lifoQueue}
 *
 * @param <T> the type of the items
 */
public class LifoQueue<T> extends Queue<T> {

    /** Creates an unbounded stack. */
    public LifoQueue() {
        this(0);
    }

    /** @param maxsize the most items it holds; zero or less for unbounded */
    public LifoQueue(int maxsize) {
        super(maxsize, Collections.asLifoQueue(new ArrayDeque<>()));
    }
}
