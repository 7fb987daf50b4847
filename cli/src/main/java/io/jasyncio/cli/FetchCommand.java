package io.jasyncio.cli;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.TcpConnector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jasyncio fetch}: the seeds' concurrent downloader. At most {@code -c} downloads run at
 * once; on a terminal each has a live progress bar; a summary (files, bytes, time, failures)
 * closes the run. A failed download names its URL and cause and does not stop the others; the
 * exit code is 1 if any failed.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true, description = "Download URLs concurrently.")
final class FetchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "URL", description = "http:// URLs to download.")
    List<String> urls;

    @Option(names = {"-o", "--output"}, defaultValue = ".", description = "Directory to save into (default: current).")
    Path outputDir;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "4", description = "Downloads at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--concurrency must be at least 1, got " + concurrency);
        }
        Files.createDirectories(outputDir);
        List<Download> downloads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String url : urls) {
            downloads.add(new Download(url, outputDir.resolve(uniqueName(url, names))));
        }
        boolean tty = System.console() != null && System.console().isTerminal();
        long start = System.nanoTime();
        Asyncio.run(() -> {
            try (ClientSession session = ClientSession.builder()
                    .connector(TcpConnector.builder().limit(Math.max(concurrency, 1)).build())
                    .build()) {
                int[] next = {0};
                List<Task<Void>> workers = new ArrayList<>();
                for (int w = 0; w < Math.min(concurrency, downloads.size()); w++) {
                    workers.add(Asyncio.createTask(() -> {
                        while (next[0] < downloads.size()) {
                            Download d = downloads.get(next[0]++);
                            d.run(session);
                            if (!tty) {
                                System.out.println(d.line(0));
                            }
                        }
                    }));
                }
                Task<Void> progress = tty ? Asyncio.createTask(() -> render(downloads)) : null;
                for (Task<Void> w : workers) {
                    Asyncio.await(w);
                }
                if (progress != null) {
                    progress.cancel();
                    draw(downloads, true);
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = downloads.stream().mapToLong(d -> d.bytes).sum();
        long failed = downloads.stream().filter(d -> d.error != null).count();
        System.out.printf("%d of %d downloaded, %s in %.2f s (%s/s), %d failed%n",
                downloads.size() - failed, downloads.size(), human(bytes), seconds, human((long) (bytes / Math.max(seconds, 1e-9))), failed);
        return failed == 0 ? 0 : 1;
    }

    private static void render(List<Download> downloads) {
        boolean first = true;
        while (true) {
            draw(downloads, first);
            first = false;
            Asyncio.sleep(0.1);
        }
    }

    private static void draw(List<Download> downloads, boolean first) {
        StringBuilder sb = new StringBuilder();
        if (!first) {
            sb.append("\u001b[").append(downloads.size()).append('F');
        }
        for (Download d : downloads) {
            sb.append("\u001b[2K").append(d.line(30)).append('\n');
        }
        System.out.print(sb);
        System.out.flush();
    }

    static String uniqueName(String url, Set<String> taken) {
        String path = url.replaceFirst("^[a-zA-Z]+://[^/]*", "").replaceFirst("[?#].*$", "");
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (base.isEmpty()) {
            base = "index.html";
        }
        String name = base;
        for (int i = 1; !taken.add(name); i++) {
            name = base + "." + i;
        }
        return name;
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }

    /** One download: its URL, target file and progress, touched only on the loop. */
    static final class Download {
        final String url;
        final Path file;
        long bytes;
        long total = -1;
        boolean done;
        String error;

        Download(String url, Path file) {
            this.url = url;
            this.file = file;
        }

        void run(ClientSession session) {
            try (ClientResponse response = session.get(url)) {
                if (response.status() >= 400) {
                    throw new IOException("HTTP " + response.status() + " " + response.reason());
                }
                total = response.contentLength();
                try (OutputStream out = Files.newOutputStream(file)) {
                    byte[] chunk;
                    while ((chunk = response.content().readAny()).length > 0) {
                        out.write(chunk);
                        bytes += chunk.length;
                    }
                }
            } catch (IOException | RuntimeException e) {
                error = Main.describe(e);
            } finally {
                done = true;
            }
        }

        String line(int barWidth) {
            if (error != null) {
                return "failed " + url + ": " + error;
            }
            if (done && barWidth == 0) {
                return "saved " + url + " -> " + file + " (" + human(bytes) + ")";
            }
            StringBuilder sb = new StringBuilder();
            if (barWidth > 0) {
                int filled = total > 0 ? (int) Math.min(barWidth, bytes * barWidth / total) : (done ? barWidth : 0);
                sb.append('[').append("#".repeat(filled)).append(" ".repeat(barWidth - filled)).append("] ");
            }
            sb.append(human(bytes));
            if (total > 0) {
                sb.append(" / ").append(human(total));
            }
            sb.append("  ").append(url);
            return sb.toString();
        }
    }
}
