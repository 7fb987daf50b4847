package io.jasyncio;

import java.util.List;
import java.util.Objects;

/**
 * Several exceptions that happened together, raised as one: Python's {@code ExceptionGroup}, as a
 * {@link TaskGroup} raises it with the failures of its tasks (and of its block).
 *
 * <p>Invariants: {@link #exceptions()} is non-empty, immutable and in the order the failures were
 * recorded (for a task group: the order the tasks finished, then the block's own exception); each
 * entry is the original exception object, never wrapped, and may itself be a group (nested task
 * groups nest their groups). Each entry is also attached as a {@linkplain #getSuppressed()
 * suppressed} exception, so that a printed stack trace shows all of them.
 *
 * <p>It is a checked exception, as Python's {@code ExceptionGroup} derives from {@code Exception}:
 * {@link CancelledError} is never an entry (a cancelled task is not a failure).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=exceptionGroup}
 */
public class ExceptionGroup extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<Throwable> exceptions;

    /**
     * Set on a group thrown by {@link TaskGroup#close()}: if Java's try-with-resources attaches it
     * as suppressed to a {@link CancelledError} leaving the block, the group takes the place of
     * that cancellation where the task (or an enclosing jasyncio scope) sees it.
     */
    transient boolean replacesCancellation;

    /**
     * @param message what the exceptions have in common
     * @param exceptions the exceptions, at least one
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message, null, true, true);
        Objects.requireNonNull(exceptions, "exceptions");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
        }
        this.exceptions = List.copyOf(exceptions);
        for (Throwable t : this.exceptions) {
            if (t != this) {
                addSuppressed(t);
            }
        }
    }

    /** @return the exceptions, in the order they were recorded */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    @Override
    public String getMessage() {
        int n = exceptions.size();
        return super.getMessage() + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }
}
