package io.jasyncio;

import java.util.NoSuchElementException;

/**
 * Python's asynchronous iterator ({@code __anext__}, {@code aclose}) for the {@code async for}
 * pattern: {@link #hasNext()} and {@link #next()} may suspend the calling task (there is no
 * function colouring), and may throw checked exceptions, which an {@link java.util.Iterator}
 * cannot. {@link #close()} is {@code aclose()}: it may suspend too.
 *
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=asyncIterator}
 *
 * <p>A {@link Generator} whose body awaits is an asynchronous generator and implements this
 * interface. Thread rules are those of the implementation; typically, call it from one task.
 *
 * @param <T> the type of the elements
 */
public interface AsyncIterator<T> extends AutoCloseable {

    /**
     * @return whether there is a next element, suspending the current task until that is known
     * @throws Exception anything the source throws, unchanged
     */
    boolean hasNext() throws Exception;

    /**
     * @return the next element, suspending the current task until it is available
     * @throws NoSuchElementException at the end (Python's {@code StopAsyncIteration})
     * @throws Exception anything the source throws, unchanged
     */
    T next() throws Exception;

    /**
     * Releases the iterator (Python's {@code aclose()}); may suspend. Does nothing by default.
     *
     * @throws Exception anything the source throws while closing
     */
    @Override
    default void close() throws Exception {
    }

    /**
     * Python's {@code async for item in it: body(item)}: runs {@code body} for each remaining
     * element. Like {@code async for}, it does not close the iterator; use try-with-resources for
     * that.
     *
     * @param body what to do with each element (may suspend)
     * @throws Exception anything the source or the body throws, unchanged
     */
    default void asyncFor(ItemBody<? super T> body) throws Exception {
        while (hasNext()) {
            body.accept(next());
        }
    }

    /**
     * The body of an {@link #asyncFor} loop.
     *
     * @param <T> the element type
     */
    @FunctionalInterface
    interface ItemBody<T> {

        /**
         * @param item the current element
         * @throws Exception anything; it ends the loop and propagates unchanged
         */
        void accept(T item) throws Exception;
    }
}
