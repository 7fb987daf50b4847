package io.jasyncio.examples;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import java.util.List;

/**
 * The seeds' first example, line for line:
 *
 * <pre>{@code
 * async def my_coroutine():
 *     await asyncio.sleep(1)
 *     print("Hello, world!")
 *
 * async def main():
 *     task = asyncio.create_task(my_coroutine())
 *     await task
 *
 * asyncio.run(main())
 * }</pre>
 *
 * followed by {@code asyncio.gather} of three tasks that sleep concurrently (one second in all, not
 * three).
 */
public final class HelloWorld {

    private HelloWorld() {
    }

    static void myCoroutine() {
        sleep(1);
        System.out.println("Hello, world!");
    }

    static String worker(String name, double seconds) {
        sleep(seconds);
        System.out.println(name + " done after " + seconds + " s");
        return name;
    }

    /**
     * The program's main coroutine.
     *
     * @throws Exception whatever a task throws
     */
    public static void program() throws Exception {
        Task<Void> task = createTask(HelloWorld::myCoroutine);
        await(task);

        double start = Asyncio.getRunningLoop().time();
        List<String> names = gather(
                () -> worker("first", 1.0),
                () -> worker("second", 0.5),
                () -> worker("third", 0.75));
        double took = Asyncio.getRunningLoop().time() - start;
        System.out.printf("gathered %s in %.1f s%n", names, took);
    }

    /**
     * @param args unused
     * @throws Exception whatever the program throws
     */
    public static void main(String[] args) throws Exception {
        Asyncio.run(HelloWorld::program);
    }
}
