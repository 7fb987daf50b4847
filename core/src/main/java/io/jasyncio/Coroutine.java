package io.jasyncio;

/**
 * The body of an asynchronous computation that produces a value: Python's {@code async def}.
 *
 * <p>A coroutine runs inside a {@link Task} (see {@link Asyncio#createTask(Coroutine)}) or inline in
 * the current task ({@link Asyncio#await(Coroutine)}, Python's {@code await coro()}). Any code in
 * its body may suspend the task, for example with {@link Asyncio#sleep(double)}: there is no
 * function colouring. A body that returns nothing is a {@link VoidCoroutine}.
 *
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=coroutine}
 *
 * @param <T> the type of the value the coroutine returns
 */
@FunctionalInterface
public interface Coroutine<T> {

    /**
     * Runs the body. Called once per task, on the task's own thread.
     *
     * @return the coroutine's result
     * @throws Exception anything the body throws; it becomes the task's exception
     */
    T call() throws Exception;

    /**
     * Adapts a value-less body to a coroutine whose result is {@code null}.
     *
     * @param body the body to adapt
     * @return a coroutine that runs {@code body} and returns {@code null}
     */
    static Coroutine<Void> of(VoidCoroutine body) {
        java.util.Objects.requireNonNull(body, "body");
        return () -> {
            body.run();
            return null;
        };
    }
}
