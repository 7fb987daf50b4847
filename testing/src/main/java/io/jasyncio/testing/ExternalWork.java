package io.jasyncio.testing;

import io.jasyncio.internal.loop.BaseEventLoop;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A declaration that work is in flight on another thread and will report back to a loop (with
 * {@code callSoonThreadsafe}): while it is open, the loop's virtual clock does not auto-jump, so
 * a timeout cannot fire before the reply that would have beaten it in real life.
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=externalWork}
 *
 * <p>Close it after the reply has been posted. {@link #close()} is idempotent and thread-safe.
 */
public final class ExternalWork implements AutoCloseable {

    private final BaseEventLoop loop;
    private final AtomicBoolean open = new AtomicBoolean(true);

    ExternalWork(BaseEventLoop loop) {
        this.loop = loop;
        loop.externalWorkStarted();
    }

    /** @return whether the work is still declared in flight */
    public boolean isOpen() {
        return open.get();
    }

    /** Ends the declaration and wakes the loop; later calls do nothing. */
    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            loop.externalWorkFinished();
        }
    }
}
