package io.jasyncio.bench.http;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.TcpConnector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP client throughput, same run, same server: {@code C} concurrent tasks (default 64) each
 * doing keep-alive GETs and reading the body, for jasyncio's {@link ClientSession}, the JDK
 * {@link HttpClient} (HTTP/1.1, one virtual thread per task) and aiohttp's client (a Python
 * child process, 64 asyncio tasks on one session). Prints requests/s for each.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks.jar io.jasyncio.bench.http.ClientBench \
 *      [--url http://127.0.0.1:8080/] [--seconds 5] [--warmup 2] [--concurrency 64] [--python python3]
 * </pre>
 * Without {@code --url} it starts an aiohttp.web hello-world server on a free loopback port (the
 * shared bench's Netty peer is the better target: pass its URL). Only loopback addresses are used.
 */
public final class ClientBench {

    private ClientBench() {
    }

    private static final String AIOHTTP_SERVER = """
            import sys
            from aiohttp import web
            async def hello(request):
                return web.Response(text="Hello, World!")
            app = web.Application()
            app.router.add_get("/", hello)
            web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)
            """;

    private static final String AIOHTTP_CLIENT = """
            import asyncio, sys, time, aiohttp
            url, seconds, warmup, conc = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
            async def main():
                count = 0
                conn = aiohttp.TCPConnector(limit=conc)
                async with aiohttp.ClientSession(connector=conn) as s:
                    async def worker(until, counting):
                        nonlocal count
                        while time.monotonic() < until:
                            async with s.get(url) as r:
                                await r.read()
                            if counting:
                                count += 1
                    t = time.monotonic()
                    await asyncio.gather(*[worker(t + warmup, False) for _ in range(conc)])
                    t = time.monotonic()
                    await asyncio.gather(*[worker(t + seconds, True) for _ in range(conc)])
                    print(count / (time.monotonic() - t))
            asyncio.run(main())
            """;

    public static void main(String[] args) throws Exception {
        String url = null;
        double seconds = 5;
        double warmup = 2;
        int concurrency = 64;
        String python = "/usr/bin/python3";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--python" -> python = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Process server = null;
        if (url == null) {
            int port = freePort();
            server = new ProcessBuilder(python, "-c", AIOHTTP_SERVER, Integer.toString(port)).inheritIO().start();
            url = "http://127.0.0.1:" + port + "/";
            waitUntilUp(url);
        }
        if (!URI.create(url).getHost().startsWith("127.") && !URI.create(url).getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback targets only: " + url);
        }
        try {
            System.out.printf("target %s, %d concurrent tasks, %.0f s (after %.0f s warm-up)%n", url, concurrency,
                    seconds, warmup);
            System.out.printf("jasyncio ClientSession : %,12.0f req/s%n", jasyncio(url, seconds, warmup, concurrency));
            System.out.printf("JDK HttpClient (1.1)   : %,12.0f req/s%n", jdk(url, seconds, warmup, concurrency));
            System.out.printf("aiohttp ClientSession  : %,12.0f req/s%n", aiohttp(python, url, seconds, warmup,
                    concurrency));
        } finally {
            if (server != null) {
                server.destroy();
            }
        }
    }

    private static double jasyncio(String url, double seconds, double warmup, int concurrency) throws Exception {
        return Asyncio.run(() -> {
            TcpConnector connector = TcpConnector.builder().limit(concurrency).build();
            try (ClientSession session = ClientSession.builder().connector(connector).build()) {
                runJasyncio(session, url, warmup, concurrency, new long[1]);
                long[] count = new long[1];
                long t0 = System.nanoTime();
                runJasyncio(session, url, seconds, concurrency, count);
                return count[0] / ((System.nanoTime() - t0) / 1e9);
            }
        });
    }

    private static void runJasyncio(ClientSession session, String url, double seconds, int concurrency, long[] count)
            throws Exception {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            tasks.add(Asyncio.createTask(() -> {
                while (System.nanoTime() < until) {
                    try (ClientResponse r = session.get(url)) {
                        r.read();
                    }
                    count[0]++;
                }
            }));
        }
        Asyncio.gather(tasks);
    }

    private static double jdk(String url, double seconds, double warmup, int concurrency) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).GET().build();
            runJdk(client, req, warmup, concurrency, new LongAdder());
            LongAdder count = new LongAdder();
            long t0 = System.nanoTime();
            runJdk(client, req, seconds, concurrency, count);
            return count.sum() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static void runJdk(HttpClient client, HttpRequest req, double seconds, int concurrency, LongAdder count)
            throws InterruptedException {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < until) {
                        client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        count.increment();
                    }
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static double aiohttp(String python, String url, double seconds, double warmup, int concurrency)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, "-c", AIOHTTP_CLIENT, url, Double.toString(seconds),
                Double.toString(warmup), Integer.toString(concurrency)).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                last = line;
            }
        }
        if (p.waitFor() != 0 || last == null) {
            throw new IOException("the aiohttp client failed: " + last);
        }
        return Double.parseDouble(last.strip());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitUntilUp(String url) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            for (int i = 0; i < 100; i++) {
                try {
                    c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
        }
        throw new IOException("the benchmark server did not start: " + url);
    }
}
