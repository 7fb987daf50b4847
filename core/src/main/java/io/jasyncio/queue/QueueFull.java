package io.jasyncio.queue;

/**
 * Raised by {@link Queue#putNowait(Object)} on a full queue: Python's {@code asyncio.QueueFull}.
 * An {@link IllegalStateException}, as {@code java.util.Queue.add} throws when full.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=queueErrors}
 */
public class QueueFull extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueFull() {
        super("the queue is full");
    }
}
