package io.jasyncio;

import java.util.Map;

/**
 * Receives errors that have nowhere else to go: a callback that threw, a task whose exception
 * nobody retrieved. Python's {@code loop.set_exception_handler(handler)}.
 *
 * <p>The context map uses Python's keys: {@code "message"} (always), and where they apply
 * {@code "exception"}, {@code "future"}, {@code "task"}, {@code "handle"}. The handler runs on the
 * loop's thread; if it throws, the loop logs both and keeps running.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=exceptionHandler}
 */
@FunctionalInterface
public interface ExceptionHandler {

    /**
     * @param loop the loop that caught the error
     * @param context what happened, keyed as in Python
     */
    void handle(EventLoop loop, Map<String, Object> context);
}
