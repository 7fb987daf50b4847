package io.jasyncio.bench.http;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.TcpConnector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Java side of {@code benchmarks/compare-client.sh} (issue 7): one HTTP client per process,
 * against a server the script started; its Python counterpart is
 * {@code benchmarks/python/http_client_load.py}, which prints the same lines.
 *
 * <ul>
 *   <li>{@code rps}: {@code --concurrency} tasks (default 64) each doing keep-alive GETs of
 *       {@code --url} and reading the whole body, {@code --warmup} seconds not counted, then
 *       {@code --seconds} counted. Prints {@code requests/s N}.</li>
 *   <li>{@code download}: the seed's "download N files concurrently": {@code --files} GETs
 *       (default 100) of {@code URL0}, {@code URL1}, … (the URL with the file number appended)
 *       started at once on one session, each body read in {@code --chunk}-byte pieces (default
 *       64 KiB) and counted, not kept. {@code --warmup-rounds} whole rounds not counted, then
 *       {@code --rounds} counted. Prints {@code seconds S bytes B MB/s M}: S is the mean time of
 *       one round, B the bytes of one round, M = B / S / 10^6.</li>
 * </ul>
 * Clients ({@code --client}): {@code jasyncio} ({@link ClientSession} with a {@link TcpConnector}
 * limited to the concurrency, one event loop) and {@code jdk} ({@link HttpClient} forced to
 * HTTP/1.1, one virtual thread per concurrent request, blocking {@code send}).
 *
 * <pre>
 * java --add-opens=java.base/java.lang=ALL-UNNAMED -cp benchmarks.jar io.jasyncio.bench.http.ClientBench \
 *      rps --client jasyncio|jdk --url http://127.0.0.1:PORT/ [--seconds 5] [--warmup 2] [--concurrency 64]
 * java ... io.jasyncio.bench.http.ClientBench \
 *      download --client jasyncio|jdk --url http://127.0.0.1:PORT/file/ [--files 100] [--rounds 3]
 *      [--warmup-rounds 2] [--chunk 65536]
 * </pre>
 * Only loopback targets are accepted.
 */
public final class ClientBench {

    private ClientBench() {
    }

    /** The command line. */
    record Options(String mode, String client, String url, double seconds, double warmup, int concurrency,
                   int files, int rounds, int warmupRounds, int chunk) {

        static Options parse(String[] args) {
            if (args.length == 0 || !(args[0].equals("rps") || args[0].equals("download"))) {
                throw new IllegalArgumentException("usage: ClientBench rps|download --client jasyncio|jdk --url URL ...");
            }
            String client = null;
            String url = null;
            double seconds = 5;
            double warmup = 2;
            int concurrency = 64;
            int files = 100;
            int rounds = 3;
            int warmupRounds = 2;
            int chunk = 65536;
            for (int i = 1; i < args.length; i++) {
                String v = args[++i];
                switch (args[i - 1]) {
                    case "--client" -> client = v;
                    case "--url" -> url = v;
                    case "--seconds" -> seconds = Double.parseDouble(v);
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--concurrency" -> concurrency = Integer.parseInt(v);
                    case "--files" -> files = Integer.parseInt(v);
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--warmup-rounds" -> warmupRounds = Integer.parseInt(v);
                    case "--chunk" -> chunk = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
                }
            }
            if (!"jasyncio".equals(client) && !"jdk".equals(client)) {
                throw new IllegalArgumentException("--client jasyncio|jdk, not " + client);
            }
            String host = url == null ? null : URI.create(url).getHost();
            if (host == null || !(host.startsWith("127.") || host.equals("localhost"))) {
                throw new IllegalArgumentException("--url must be a loopback URL, not " + url);
            }
            return new Options(args[0], client, url, seconds, warmup, concurrency, files, rounds, warmupRounds, chunk);
        }
    }

    /**
     * @param args see the class comment
     * @throws Exception if a request fails
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (o.mode().equals("rps")) {
            double rate = o.client().equals("jasyncio") ? jasyncioRps(o) : jdkRps(o);
            System.out.printf("requests/s %.0f%n", rate);
        } else {
            double[] r = o.client().equals("jasyncio")
                    ? Asyncio.run(() -> timeRounds(o, ClientBench::jasyncioDownload))
                    : timeRounds(o, ClientBench::jdkDownload);
            System.out.printf("seconds %.4f bytes %.0f MB/s %.1f%n", r[0], r[1], r[1] / r[0] / 1e6);
        }
    }

    /** One round of downloads: all files, concurrently. */
    private interface Round {
        long run(Options o) throws Exception;
    }

    /** @return the mean seconds of a counted round and the bytes of one round */
    private static double[] timeRounds(Options o, Round round) throws Exception {
        for (int i = 0; i < o.warmupRounds(); i++) {
            round.run(o);
        }
        long bytes = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < o.rounds(); i++) {
            bytes = round.run(o);
        }
        return new double[] {(System.nanoTime() - t0) / 1e9 / o.rounds(), bytes};
    }

    // ---------------------------------------------------------------- jasyncio

    private static ClientSession jasyncioSession(int limit) {
        return ClientSession.builder().connector(TcpConnector.builder().limit(limit).build()).build();
    }

    private static double jasyncioRps(Options o) throws Exception {
        return Asyncio.run(() -> {
            try (ClientSession session = jasyncioSession(o.concurrency())) {
                runJasyncio(session, o.url(), o.warmup(), o.concurrency(), new long[1]);
                long[] count = new long[1];
                long t0 = System.nanoTime();
                runJasyncio(session, o.url(), o.seconds(), o.concurrency(), count);
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

    /** One session per round, as the seed opens one per batch; its connections are new each round. */
    private static long jasyncioDownload(Options o) throws Exception {
        try (ClientSession session = jasyncioSession(o.files())) {
            List<Task<Long>> tasks = new ArrayList<>();
            for (int i = 0; i < o.files(); i++) {
                String url = o.url() + i;
                tasks.add(Asyncio.createTask(() -> {
                    try (ClientResponse r = session.get(url)) {
                        long n = 0;
                        for (byte[] chunk; (chunk = r.content().read(o.chunk())).length > 0; ) {
                            n += chunk.length;
                        }
                        return checked(url, r.status(), n);
                    }
                }));
            }
            return Asyncio.gather(tasks).stream().mapToLong(Long::longValue).sum();
        }
    }

    // ---------------------------------------------------------------- JDK HttpClient

    private static HttpClient jdkClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static double jdkRps(Options o) throws Exception {
        try (HttpClient client = jdkClient()) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(o.url())).GET().build();
            runJdk(client, req, o.warmup(), o.concurrency(), new LongAdder());
            LongAdder count = new LongAdder();
            long t0 = System.nanoTime();
            runJdk(client, req, o.seconds(), o.concurrency(), count);
            return count.sum() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static void runJdk(HttpClient client, HttpRequest req, double seconds, int concurrency, LongAdder count)
            throws Exception {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        onVirtualThreads(concurrency, i -> {
            while (System.nanoTime() < until) {
                client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                count.increment();
            }
            return 0L;
        });
    }

    /** One client per round, like the jasyncio session: new connections each round. */
    private static long jdkDownload(Options o) throws Exception {
        try (HttpClient client = jdkClient()) {
            long[] bytes = onVirtualThreads(o.files(), i -> {
                String url = o.url() + i;
                HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long n = 0;
                byte[] buf = new byte[o.chunk()];
                try (InputStream in = r.body()) {
                    for (int k; (k = in.read(buf)) >= 0; ) {
                        n += k;
                    }
                }
                return checked(url, r.statusCode(), n);
            });
            return Arrays.stream(bytes).sum();
        }
    }

    /** A body of work for one virtual thread. */
    private interface Job {
        long run(int index) throws Exception;
    }

    /** Runs {@code n} jobs on as many virtual threads and waits for all; rethrows the first failure. */
    private static long[] onVirtualThreads(int n, Job job) throws Exception {
        long[] results = new long[n];
        Exception[] failure = new Exception[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    results[index] = job.run(index);
                } catch (Exception e) {
                    synchronized (failure) {
                        failure[0] = failure[0] == null ? e : failure[0];
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return results;
    }

    private static long checked(String url, int status, long bytes) throws IOException {
        if (status != 200 || bytes == 0) {
            throw new IOException(url + ": status " + status + ", " + bytes + " bytes");
        }
        return bytes;
    }
}
