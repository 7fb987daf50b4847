package io.jasyncio.queue;

import java.util.NoSuchElementException;

/**
 * Raised by {@link Queue#getNowait()} on an empty queue: Python's {@code asyncio.QueueEmpty}. A
 * {@link NoSuchElementException}, as Java's own queues throw when empty.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=queueErrors}
 */
public class QueueEmpty extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueEmpty() {
        super("the queue is empty");
    }
}
