package io.jasyncio.http.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: a main class of the test classpath run as a separate JVM (the fast engine's flag
 * on), whose standard output is read line by line; for end-to-end tests of {@link Web#runApp},
 * signals included. {@link #close()} kills it if it is still running.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    final int port;

    private ServerProcess(Process process) throws Exception {
        this.process = process;
        Thread.ofPlatform().daemon(true).name("server-process-stdout").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        String running = awaitLine("======== Running on http://127.0.0.1:");
        this.port = Integer.parseInt(running.replaceAll(".*:(\\d+) =+$", "$1"));
    }

    static ServerProcess start(Class<?> main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-opens");
        cmd.add("java.base/java.lang=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new ServerProcess(p);
    }

    /** @return the first line (from now on) that starts with {@code prefix}; fails after 30 s */
    String awaitLine(String prefix) throws Exception {
        for (String l : seen) {
            if (l.startsWith(prefix)) {
                seen.remove(l);
                return l;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (l == null) {
                throw new IllegalStateException("no line starting with \"" + prefix + "\"; saw " + seen);
            }
            if (l.startsWith(prefix)) {
                return l;
            }
            seen.add(l);
        }
    }

    /** Sends SIGTERM (through the process handle: {@code Process.destroy()} would also close our end of its output). */
    void terminate() {
        process.toHandle().destroy();
    }

    /** @return the exit status, waiting up to 30 s */
    int awaitExit() throws Exception {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server process did not exit");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
