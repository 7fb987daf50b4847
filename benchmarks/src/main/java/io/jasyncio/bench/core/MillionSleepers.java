package io.jasyncio.bench.core;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One million concurrent tasks each sleeping one second: checks that all complete and reports the
 * heap (and resident memory) per suspended task, for jasyncio and, in the same JVM run order, for
 * plain JDK virtual threads doing {@code Thread.sleep}. Usage: {@code MillionSleepers [N] [jasyncio|vthreads]}.
 * Prints {@code RESULT <workload> <value>} lines that {@code compare-core.sh} reads.
 */
public final class MillionSleepers {

    private MillionSleepers() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String which = args.length > 1 ? args[1] : "jasyncio";
        // Warm-up: a task suspended before the JIT compiled its path holds interpreted frames,
        // several times larger than compiled ones; measure the steady state, for both variants.
        if (which.equals("vthreads")) {
            warmUpVthreads();
            vthreads(n);
        } else {
            warmUpJasyncio();
            jasyncio(n);
        }
    }

    /**
     * The one place both the warm-up and the measurement create their sleepers: the same lambda and
     * call site, so the measured tasks park in the code the warm-up got compiled (a different lambda
     * would park its first thousands of tasks in larger interpreted frames).
     */
    private static Task<Void> sleeper(double seconds) {
        return Asyncio.createTask(() -> Asyncio.sleep(seconds));
    }

    private static Thread vthreadSleeper(long millis) {
        return Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void warmUpJasyncio() throws Exception {
        for (int round = 0; round < 20; round++) {
            Asyncio.run(() -> {
                List<Task<Void>> tasks = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    tasks.add(sleeper(0.001));
                }
                for (Task<Void> t : tasks) {
                    Asyncio.await(t);
                }
            });
        }
    }

    private static void warmUpVthreads() throws Exception {
        for (int round = 0; round < 20; round++) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                threads.add(vthreadSleeper(1));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    private static void jasyncio(int n) throws Exception {
        long[] before = memory();
        long[] during = new long[2];
        long start = System.nanoTime();
        int completed = Asyncio.run(() -> {
            List<Task<Void>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tasks.add(sleeper(1.0));
            }
            Asyncio.sleep(0);
            long[] m = memory();
            during[0] = m[0];
            during[1] = m[1];
            int done = 0;
            for (Task<Void> t : tasks) {
                Asyncio.await(t);
                done++;
            }
            return done;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        report("jasyncio", n, completed, before, during, seconds);
    }

    private static void vthreads(int n) throws Exception {
        long[] before = memory();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(vthreadSleeper(1000));
        }
        long[] during = memory();
        int completed = 0;
        for (Thread t : threads) {
            t.join();
            completed++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report("jdk-vthreads", n, completed, before, during, seconds);
    }

    private static void report(String name, int n, int completed, long[] before, long[] during, double seconds) {
        System.out.printf("RESULT million_sleepers_%s_completed %d%n", name, completed);
        System.out.printf("RESULT million_sleepers_%s_heap_bytes_per_task %.0f%n", name, (during[0] - before[0]) / (double) n);
        System.out.printf("RESULT million_sleepers_%s_rss_bytes_per_task %.0f%n", name, (during[1] - before[1]) / (double) n);
        System.out.printf("RESULT million_sleepers_%s_seconds %.2f%n", name, seconds);
        if (completed != n) {
            throw new IllegalStateException(completed + " of " + n + " tasks completed");
        }
    }

    /** @return {heap used after full GCs, resident set size}, in bytes */
    private static long[] memory() throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return new long[] {heap, rss};
    }
}
