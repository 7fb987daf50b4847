package io.jasyncio.examples;

import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;

/**
 * The seeds' snippets that drive an event loop by hand (articles 000, 003 and 004):
 *
 * <pre>{@code
 * loop = asyncio.new_event_loop()          # or asyncio.get_event_loop()
 * loop.create_task(my_coroutine())
 * loop.run_until_complete(my_coroutine())
 * loop.close()
 *
 * asyncio.run(func())                      # the Python 3.7+ form of the same
 * }</pre>
 *
 * Python's {@code get_event_loop()} (deprecated outside a running loop since 3.12) maps to
 * {@link EventLoop#create()}: in Java the loop is an object you own and close.
 */
public final class LoopBasics {

    private LoopBasics() {
    }

    static void myCoroutine() {
        sleep(1);
        System.out.println("my_coroutine done");
    }

    static void func() {
        System.out.println("func ran inside " + Asyncio.currentTask().getName());
    }

    /**
     * Runs the snippets in order on the given loop factory.
     *
     * @param newLoop makes the loop (a virtual-time one in tests)
     * @throws Exception whatever a coroutine throws
     */
    public static void program(java.util.function.Supplier<EventLoop> newLoop) throws Exception {
        EventLoop loop = newLoop.get();                        // loop = asyncio.new_event_loop()
        Task<Void> scheduled = loop.createTask(LoopBasics::myCoroutine); // loop.create_task(my_coroutine())
        loop.runUntilComplete(LoopBasics::myCoroutine);       // loop.run_until_complete(my_coroutine())
        loop.runUntilComplete(scheduled);                      // (let the scheduled one finish too)
        loop.close();                                          // loop.close()

        Asyncio.run(LoopBasics::func);                         // asyncio.run(func())
    }

    /**
     * @param args unused
     * @throws Exception whatever a coroutine throws
     */
    public static void main(String[] args) throws Exception {
        program(EventLoop::create);
    }
}
