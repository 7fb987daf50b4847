package io.jasyncio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI commands end to end, against loopback servers. */
class CliTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out0 = System.out;
        PrintStream err0 = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out0);
            System.setErr(err0);
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** fetch saves every URL's body, byte for byte, and prints a summary. */
    @Test
    void fetchDownloadsFilesWithTheirExactContent(@TempDir Path dir) throws Exception {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(big);
        byte[] small = "hello".getBytes(StandardCharsets.UTF_8);
        try (LocalHttpServer server = new LocalHttpServer(Map.of("/big.bin", big, "/small.txt", small))) {
            String base = "http://127.0.0.1:" + server.port();
            Run r = run("fetch", "-c", "2", "-o", dir.toString(), base + "/big.bin", base + "/small.txt");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(sha256(Files.readAllBytes(dir.resolve("big.bin")))).isEqualTo(sha256(big));
            assertThat(Files.readAllBytes(dir.resolve("small.txt"))).isEqualTo(small);
            assertThat(r.out()).contains("2 of 2 downloaded").contains("0 failed");
        }
    }

    /** A failed download names its URL and cause, the others still complete, and the exit code is 1. */
    @Test
    void fetchFailureNamesTheUrlAndCause(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (LocalHttpServer server = new LocalHttpServer(Map.of("/ok.txt", "ok".getBytes(StandardCharsets.UTF_8)))) {
            String bad = "http://127.0.0.1:" + closedPort + "/missing";
            String notFound = "http://127.0.0.1:" + server.port() + "/nope";
            Run r = run("fetch", "-o", dir.toString(), bad, notFound, "http://127.0.0.1:" + server.port() + "/ok.txt");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("failed " + bad + ":").contains("failed " + notFound + ": HTTP 404")
                    .contains("1 of 3 downloaded").contains("2 failed");
            assertThat(Files.readString(dir.resolve("ok.txt"))).isEqualTo("ok");
        }
    }

    /** Bad arguments print the usage with a message and exit with 2. */
    @Test
    void badArgumentsPrintUsage() {
        Run r = run("fetch", "-c", "zero", "http://x/");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--concurrency'").contains("Usage: jasyncio fetch");
    }

    /** bench against a local server prints a positive request rate and latency percentiles. */
    @Test
    void benchPrintsAPositiveRate() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(Map.of("/", "Hello, World!".getBytes(StandardCharsets.UTF_8)))) {
            Run r = run("bench", "-c", "4", "-d", "0.3", "http://127.0.0.1:" + server.port() + "/");
            assertThat(r.code()).as(r.err()).isZero();
            var m = java.util.regex.Pattern.compile("Requests/sec: ([0-9.]+)").matcher(r.out());
            assertThat(m.find()).as(r.out()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isGreaterThan(0);
            assertThat(r.out()).contains("Latency p50").contains("0 errors");
        }
    }

    /** echo serves a real socket client: what it sends comes back. */
    @Test
    void echoServesASocketClient() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Thread server = Thread.ofPlatform().daemon(true).start(() -> Main.execute("echo", "--port", String.valueOf(port)));
        Socket socket = null;
        for (int i = 0; i < 500 && socket == null; i++) {
            try {
                socket = new Socket("127.0.0.1", port);
            } catch (java.net.ConnectException notYet) {
                Thread.sleep(10);
            }
        }
        assertThat(socket).as("echo server never accepted").isNotNull();
        try (Socket s = socket) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("ping\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] buf = new byte[5];
            int n = 0;
            while (n < 5) {
                int k = in.read(buf, n, 5 - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            assertThat(new String(buf, 0, n, StandardCharsets.UTF_8)).isEqualTo("ping\n");
        }
        server.interrupt();
    }
}
