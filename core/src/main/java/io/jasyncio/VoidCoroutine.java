package io.jasyncio;

/**
 * A coroutine body that returns no value: Python's {@code async def f(): ...} without a
 * {@code return}. Wherever a {@link Coroutine} is accepted, an overload takes this form too, so a
 * lambda with a block body that returns nothing picks it.
 *
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=voidCoroutine}
 */
@FunctionalInterface
public interface VoidCoroutine {

    /**
     * Runs the body on the current task's thread.
     *
     * @throws Exception anything the body throws; it becomes the task's exception
     */
    void run() throws Exception;
}
