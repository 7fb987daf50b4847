package io.jasyncio.queue;

/**
 * Raised by a queue's put operations after {@link Queue#shutdown(boolean)}, and by its get
 * operations once it is shut down and empty (at once, after an immediate shutdown): Python 3.13's
 * {@code asyncio.QueueShutDown}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=queueErrors}
 */
public class QueueShutDown extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueShutDown() {
        super("the queue is shut down");
    }
}
