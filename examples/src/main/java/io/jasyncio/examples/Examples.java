package io.jasyncio.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one example by name: {@code java -jar jasyncio-examples.jar hello}. With no name, lists them.
 */
public final class Examples {

    /** Name → what it runs and what it shows. */
    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("hello", new Example("sleep(1), print \"Hello, world!\", then gather three tasks", HelloWorld::main));
        EXAMPLES.put("echo", new Example("the TCP echo server (start_server + read/write/drain), port 8888", EchoServer::main));
        EXAMPLES.put("wget", new Example("open_connection GET of three hosts (local stand-ins), asyncio.wait", Wget::main));
        EXAMPLES.put("download", new Example("aiohttp ClientSession downloads gathered concurrently (local server)", Downloader::main));
        EXAMPLES.put("chat", new Example("a WebSocket chat room with its browser page (aiohttp.web), port 8080", ChatServer::main));
        EXAMPLES.put("aiohttp", new Example("the aiohttp app: / and /hello/{name}, each handler sleeping 1 s, port 8000", AiohttpServer::main));
        EXAMPLES.put("generator", new Example("the generator producer/consumer (send/yield/close), no loop", ProducerConsumer::main));
        EXAMPLES.put("sync", new Example("Lock guarding a counter, Semaphore limiting concurrency, Queue with join", SyncPrimitives::main));
        EXAMPLES.put("loop", new Example("new_event_loop, create_task, run_until_complete, close, asyncio.run", LoopBasics::main));
    }

    private Examples() {
    }

    /**
     * @param args the example's name, then its arguments
     * @throws Exception whatever the example throws
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !EXAMPLES.containsKey(args[0])) {
            if (args.length > 0) {
                System.err.println("unknown example: " + args[0]);
            }
            System.err.println("usage: jasyncio-examples <example> [args...]\nexamples:");
            EXAMPLES.forEach((name, e) -> System.err.printf("  %-12s %s%n", name, e.summary()));
            System.exit(args.length == 0 ? 0 : 2);
            return;
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        EXAMPLES.get(args[0]).main().run(rest);
    }

    /** One runnable example. */
    private record Example(String summary, Main main) {
    }

    /** An example's entry point. */
    @FunctionalInterface
    private interface Main {
        void run(String[] args) throws Exception;
    }
}
