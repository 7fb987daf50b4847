package io.jasyncio.sync;

/**
 * A {@link Semaphore} that refuses to be released more times than it was acquired: Python's
 * {@code asyncio.BoundedSemaphore}. Its value never exceeds the initial one.
 *
 * <p>Same fairness, cancellation and thread rules as {@link Semaphore}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SyncQueueSnippets region=boundedSemaphore}
 */
public final class BoundedSemaphore extends Semaphore {

    private final int bound;

    /** Creates a bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * @param value the initial, and largest, number of permits
     * @throws IllegalArgumentException if it is negative
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * @throws IllegalStateException if the value is already at its bound (Python's
     *     {@code ValueError: BoundedSemaphore released too many times})
     */
    @Override
    public void release() {
        binding().check(this);
        if (value() >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times");
        }
        handBack();
    }
}
