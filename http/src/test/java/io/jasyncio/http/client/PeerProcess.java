package io.jasyncio.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a real peer program (nginx, tinyproxy, openssl s_server) run as a child process
 * with its output in a log file, ready once it accepts TCP connections on its port, and stopped
 * (with its whole process tree) by {@link #close()}. A peer that exits or does not listen within
 * the time limit fails the test with its log.
 */
final class PeerProcess implements AutoCloseable {

    private static final long START_SECONDS = 20;

    private final Process process;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** @return whether the program is installed (an executable file) */
    static boolean installed(String path) {
        return Files.isExecutable(Path.of(path));
    }

    /** @return a loopback port that was free a moment ago */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs a short command to completion and fails with its output unless it exits with 0. */
    static void runChecked(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    /**
     * Starts {@code command} in {@code dir} and waits until something accepts connections on
     * {@code port} of 127.0.0.1.
     */
    static PeerProcess start(Path dir, int port, List<String> command) throws Exception {
        Path log = Files.createTempFile(dir, "peer", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PeerProcess peer = new PeerProcess(p, log);
        try {
            peer.awaitListening(port);
        } catch (Exception | Error e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /** Polls until the port accepts a connection: the peer has no other readiness signal. */
    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the peer " + process.info().command().orElse("?")
                            + " did not listen on port " + port + "; its log:\n" + log(), e);
                }
                Thread.sleep(20);
            }
        }
    }

    /** @return what the peer wrote so far */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
