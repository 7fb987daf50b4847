package io.jasyncio;

import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.loop.UnretrievedError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The eventual result of an asynchronous operation, bound to one event loop: Python's
 * {@code asyncio.Future}. A task waits for one with {@link Asyncio#await(Future)}.
 *
 * <p>States: pending → finished (with a result or an exception) or → cancelled; a done future
 * never changes again ({@link #setResult} on it throws {@link InvalidStateError}). Done callbacks
 * are scheduled with {@link EventLoop#callSoon} in registration order when the future completes,
 * or at once (on the next iteration) when added to a done future. Tasks waiting in
 * {@code await} are woken in the same order, as one more callback.
 *
 * <p>Futures are not thread-safe: use them from their loop's context (complete one from another
 * thread with {@code loop.callSoonThreadsafe(() -> f.setResult(x))}). An exception that nobody
 * retrieves with {@link #result()} or {@link #exception()} is reported to the loop's exception
 * handler when the future is collected or its loop closes.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=future}
 *
 * @param <T> the result type
 */
public class Future<T> {

    private static final int PENDING = 0, CANCELLED = 1, FINISHED = 2;

    /** The loop; package-private so that {@link Task} shares it instead of keeping a copy. */
    final BaseEventLoop loop;
    private int state = PENDING;
    private T result;
    private Throwable exception;
    private String cancelMessage;
    private Object callbacks;
    private UnretrievedError unretrieved;

    /**
     * Creates a pending future; {@link EventLoop#createFuture()} is the usual way.
     *
     * @param loop the loop it belongs to
     */
    public Future(EventLoop loop) {
        this.loop = (BaseEventLoop) Objects.requireNonNull(loop, "loop");
    }

    /** @return the loop this future belongs to */
    public final EventLoop getLoop() {
        return loop;
    }

    /** @return whether the future is finished or cancelled */
    public final boolean done() {
        return state != PENDING;
    }

    /** @return whether the future was cancelled */
    public final boolean cancelled() {
        return state == CANCELLED;
    }

    /**
     * Marks the future done with a result and schedules its callbacks.
     *
     * @param value the result
     * @throws InvalidStateError if the future is already done
     */
    public void setResult(T value) {
        if (state != PENDING) {
            throw new InvalidStateError("setResult on a future that is already " + stateName() + ": " + this);
        }
        result = value;
        state = FINISHED;
        scheduleCallbacks();
    }

    /**
     * Marks the future done with an exception and schedules its callbacks.
     *
     * @param e the exception that {@link #result()} and awaiters will receive, unchanged
     * @throws InvalidStateError if the future is already done
     */
    public void setException(Throwable e) {
        Objects.requireNonNull(e, "exception");
        if (state != PENDING) {
            throw new InvalidStateError("setException on a future that is already " + stateName() + ": " + this);
        }
        exception = e;
        state = FINISHED;
        unretrieved = UnretrievedError.watch(this, loop, e, toString(), this instanceof Task);
        scheduleCallbacks();
    }

    /**
     * Cancels the future if it is pending.
     *
     * @return {@code true} if it was pending and is now cancelled
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future if it is pending, with a message for the {@link CancelledError}.
     *
     * @param message the cancel message, or {@code null}
     * @return {@code true} if it was pending and is now cancelled
     */
    public boolean cancel(String message) {
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        cancelMessage = message;
        scheduleCallbacks();
        return true;
    }

    /**
     * Returns the result, or throws the exception the future finished with, unchanged.
     *
     * @return the result
     * @throws CancelledError if the future was cancelled
     * @throws InvalidStateError if it is not done
     * @throws Exception the future's exception
     */
    public T result() throws Exception {
        if (state == CANCELLED) {
            throw new CancelledError(cancelMessage);
        }
        if (state != FINISHED) {
            throw new InvalidStateError("Result is not ready: " + this);
        }
        if (exception != null) {
            markRetrieved();
            throw Asyncio.rethrow(exception);
        }
        return result;
    }

    /**
     * Returns the exception the future finished with, or {@code null} if it has a result.
     *
     * @return the exception or {@code null}
     * @throws CancelledError if the future was cancelled
     * @throws InvalidStateError if it is not done
     */
    public Throwable exception() {
        if (state == CANCELLED) {
            throw new CancelledError(cancelMessage);
        }
        if (state != FINISHED) {
            throw new InvalidStateError("Exception is not set: " + this);
        }
        markRetrieved();
        return exception;
    }

    private void markRetrieved() {
        UnretrievedError u = unretrieved;
        if (u != null) {
            unretrieved = null;
            u.retrieved();
        }
    }

    /** @return the message given to {@link #cancel(String)}, or {@code null} */
    protected final String cancelMessage() {
        return cancelMessage;
    }

    /**
     * Adds a callback to run (via {@code callSoon}) when the future is done.
     *
     * @param callback receives this future
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        if (state != PENDING) {
            loop.callSoon(() -> callback.accept(this));
        } else {
            addEntry(callback);
        }
    }

    /**
     * Removes every registration of a callback.
     *
     * @param callback the callback given to {@link #addDoneCallback}
     * @return how many registrations were removed
     */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        return removeEntry(callback);
    }

    /** Registers a task waiting in {@code await}; woken (not via a handle) on completion. */
    final void addWaiter(Task<?> task) {
        addEntry(task);
    }

    final void removeWaiter(Task<?> task) {
        removeEntry(task);
    }

    private void addEntry(Object entry) {
        Object cbs = callbacks;
        if (cbs == null) {
            callbacks = entry;
        } else if (cbs instanceof CallbackList list) {
            list.add(entry);
        } else {
            CallbackList list = new CallbackList();
            list.add(cbs);
            list.add(entry);
            callbacks = list;
        }
    }

    private int removeEntry(Object entry) {
        Object cbs = callbacks;
        if (cbs == null) {
            return 0;
        }
        if (cbs instanceof CallbackList list) {
            int before = list.size();
            list.removeIf(e -> e == entry);
            return before - list.size();
        }
        if (cbs == entry) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private void scheduleCallbacks() {
        Object cbs = callbacks;
        if (cbs == null) {
            return;
        }
        callbacks = null;
        if (cbs instanceof CallbackList list) {
            for (Object e : list) {
                dispatch(e);
            }
        } else {
            dispatch(cbs);
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(Object entry) {
        if (entry instanceof Task<?> waiter) {
            waiter.wakeUp();
        } else {
            Consumer<? super Future<T>> cb = (Consumer<? super Future<T>>) entry;
            loop.callSoon(() -> cb.accept(this));
        }
    }

    private String stateName() {
        return switch (state) {
            case PENDING -> "pending";
            case CANCELLED -> "cancelled";
            default -> "finished";
        };
    }

    /** @return how the future describes itself, Python style */
    protected String describe() {
        return switch (state) {
            case PENDING -> "pending";
            case CANCELLED -> "cancelled";
            default -> exception != null ? "finished exception=" + exception : "finished result=" + abbreviate(result);
        };
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    @Override
    public String toString() {
        return "<Future " + describe() + ">";
    }

    /** A list of callbacks and waiters; a distinct type so that a user's list is never mistaken for one. */
    private static final class CallbackList extends ArrayList<Object> {
        CallbackList() {
            super(4);
        }
    }

    /**
     * Returns a {@link java.util.concurrent.CompletableFuture} that completes as this future does
     * (result, exception unchanged, or cancellation), for code on other threads. Cancelling it
     * cancels this future, on its loop.
     *
     * @return the bridge
     */
    public java.util.concurrent.CompletableFuture<T> toCompletableFuture() {
        return io.jasyncio.internal.interop.ThreadInterop.toCompletableFuture(this);
    }

    /**
     * @return the callbacks registered so far (for introspection and task dumps)
     */
    final List<Object> callbackEntries() {
        Object cbs = callbacks;
        if (cbs == null) {
            return List.of();
        }
        return cbs instanceof CallbackList list ? List.copyOf(list) : List.of(cbs);
    }
}
