package io.jasyncio.cli;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.TcpConnector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jasyncio bench}: a small HTTP load generator on jasyncio's own client: {@code -c} tasks
 * each send keep-alive GETs for {@code -d} seconds; prints requests/s and latency percentiles.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Load an HTTP URL and report requests/s and latency.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "The http:// URL to GET.")
    String url;

    @Option(names = {"-c", "--connections"}, defaultValue = "64", description = "Concurrent tasks (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-d", "--duration"}, defaultValue = "10", description = "Seconds to run (default: ${DEFAULT-VALUE}).")
    double duration;

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || !(duration > 0)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "need -c >= 1 and -d > 0, got -c " + connections + " -d " + duration);
        }
        Result r = Asyncio.run(() -> run(url, connections, duration));
        System.out.println(r.report());
        return r.errors == 0 || r.requests > 0 ? 0 : 1;
    }

    /** The outcome of a run. */
    record Result(long requests, long errors, double seconds, long[] latenciesNanos, String firstError) {
        double rate() {
            return requests / seconds;
        }

        long percentile(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, i))];
        }

        String report() {
            return String.format("%d requests in %.2f s, %d errors%nRequests/sec: %.1f%nLatency p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%s",
                    requests, seconds, errors, rate(), percentile(50) / 1e6, percentile(90) / 1e6, percentile(99) / 1e6,
                    percentile(100) / 1e6, firstError == null ? "" : "\nfirst error: " + firstError);
        }
    }

    static Result run(String url, int connections, double duration) throws Exception {
        try (ClientSession session = ClientSession.builder()
                .connector(TcpConnector.builder().limit(connections).build())
                .build()) {
            long start = System.nanoTime();
            long end = start + (long) (duration * 1e9);
            List<long[]> perTask = new ArrayList<>();
            long[] errors = {0};
            String[] firstError = {null};
            List<Task<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                long[][] mine = {new long[1024]};
                tasks.add(Asyncio.createTask(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try (ClientResponse resp = session.get(url)) {
                            resp.read();
                        } catch (Exception e) {
                            errors[0]++;
                            if (firstError[0] == null) {
                                firstError[0] = url + ": " + Main.describe(e);
                            }
                            continue;
                        }
                        if (n == mine[0].length) {
                            mine[0] = Arrays.copyOf(mine[0], n * 2);
                        }
                        mine[0][n++] = System.nanoTime() - t0;
                    }
                    perTask.add(Arrays.copyOf(mine[0], n));
                    return n;
                }));
            }
            long total = 0;
            for (Task<Integer> t : tasks) {
                total += Asyncio.await(t);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = perTask.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(total, errors[0], seconds, all, firstError[0]);
        }
    }
}
