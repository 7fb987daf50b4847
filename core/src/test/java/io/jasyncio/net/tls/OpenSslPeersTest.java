package io.jasyncio.net.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.net.Streams;
import io.jasyncio.net.TlsOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * OpenSSL as the other end: {@code openssl s_client} against our TLS server and
 * {@code openssl s_server} against our TLS client, with the certificates the tests made.
 * Installed by scripts/install-test-peers.sh; a test is skipped, saying so, only when openssl is
 * absent.
 */
@Timeout(60)
class OpenSslPeersTest {

    private static void requireOpenssl() {
        assumeTrue(Files.isExecutable(Path.of(TestCerts.OPENSSL)),
                TestCerts.OPENSSL + " is not installed: run scripts/install-test-peers.sh");
    }

    /** Runs s_client with {@code input} on its stdin; returns its output (stdout and stderr) and exit code. */
    private static String sClient(int port, String input, String... extra) throws Exception {
        TestCerts certs = TestCerts.get();
        List<String> cmd = new ArrayList<>(List.of(TestCerts.OPENSSL, "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", "-CAfile", certs.file("ca.pem").toString(), "-verify_return_error",
                "-verify_hostname", "localhost", "-ign_eof"));
        cmd.addAll(List.of(extra));
        return OffLoop.call(() -> {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(US_ASCII));
            }
            String out = new String(p.getInputStream().readAllBytes(), US_ASCII);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return out + "\nexit=" + p.exitValue();
        });
    }

    private static void replyOnce(io.jasyncio.net.StreamReader r, io.jasyncio.net.StreamWriter w) throws Exception {
        byte[] line = r.readLine();
        w.write(("echo: " + new String(line, US_ASCII)).getBytes(US_ASCII));
        w.close();
        w.waitClosed();
    }

    /** openssl s_client verifies our server's certificate chain and host name, negotiates ALPN, and talks. */
    @Test
    void sClientAgainstOurServer() throws Exception {
        requireOpenssl();
        TestCerts certs = TestCerts.get();
        String out = Asyncio.run(() -> {
            try (Server server = Streams.startServer(OpenSslPeersTest::replyOnce, "127.0.0.1", 0,
                    TlsOptions.of(certs.serverContext()).alpnProtocols("http/1.1"))) {
                return sClient(server.port(), "hello from openssl\n", "-alpn", "h2,http/1.1");
            }
        });
        assertThat(out).contains("Verify return code: 0 (ok)").contains("ALPN protocol: http/1.1")
                .contains("echo: hello from openssl").contains("TLSv1.3").endsWith("exit=0");
    }

    /** Our server also speaks TLS 1.2 to s_client, when that is all the client allows. */
    @Test
    void sClientTls12() throws Exception {
        requireOpenssl();
        TestCerts certs = TestCerts.get();
        String out = Asyncio.run(() -> {
            try (Server server = Streams.startServer(OpenSslPeersTest::replyOnce, "127.0.0.1", 0,
                    certs.serverContext())) {
                return sClient(server.port(), "twelve\n", "-tls1_2");
            }
        });
        assertThat(out).contains("Verify return code: 0 (ok)").contains("Protocol  : TLSv1.2")
                .contains("echo: twelve").endsWith("exit=0");
    }

    /**
     * An interactive s_client (commands on: no -ign_eof); {@code exchange} lines are sent one by
     * one, each after the previous one's expected output appeared. Returns the whole output.
     */
    private static String sClientInteractive(int port, List<String> extra, String[][] exchange) throws Exception {
        TestCerts certs = TestCerts.get();
        List<String> cmd = new ArrayList<>(List.of(TestCerts.OPENSSL, "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", "-CAfile", certs.file("ca.pem").toString(), "-verify_return_error"));
        cmd.addAll(extra);
        return OffLoop.call(() -> {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            // A step that never comes fails the test in 15 s with the output so far, not at its time limit.
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    if (!p.waitFor(15, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException ignored) {
                    p.destroyForcibly();
                }
            });
            StringBuilder all = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), US_ASCII));
                    OutputStream in = p.getOutputStream()) {
                waitFor(out, all, "Verify return code: 0 (ok)");
                for (String[] step : exchange) {
                    in.write(step[0].getBytes(US_ASCII));
                    in.flush();
                    waitFor(out, all, step[1]);
                }
            } finally {
                p.destroyForcibly();
            }
            return all.toString();
        });
    }

    private static void waitFor(BufferedReader out, StringBuilder all, String expected) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            all.append(line).append('\n');
            if (line.contains(expected)) {
                return;
            }
        }
        throw new AssertionError("s_client ended before printing '" + expected + "':\n" + all);
    }

    /**
     * TLS 1.3 KeyUpdate with a request for ours (s_client's "K" command): our server answers it
     * (a post-handshake message the engine asks us to send) and the echo goes on.
     */
    @Test
    void keyUpdateFromSClient() throws Exception {
        requireOpenssl();
        TestCerts certs = TestCerts.get();
        String out = Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, certs.serverContext())) {
                return sClientInteractive(server.port(), List.of(), new String[][] {
                    {"before\n", "before"}, {"K\n", "KEYUPDATE"}, {"after\n", "after"}, {"again\n", "again"}});
            }
        });
        assertThat(out).contains("KEYUPDATE").contains("after").contains("again");
    }

    /**
     * TLS 1.2 renegotiation started by s_client ("R"): the engine runs a second handshake in the
     * middle of the connection, and the echo goes on.
     */
    @Test
    void renegotiationFromSClient() throws Exception {
        requireOpenssl();
        TestCerts certs = TestCerts.get();
        String out = Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, certs.serverContext())) {
                return sClientInteractive(server.port(), List.of("-tls1_2"), new String[][] {
                    {"before\n", "before"}, {"R\n", "RENEGOTIATING"}, {"after\n", "after"}, {"again\n", "again"}});
            }
        });
        assertThat(out).contains("RENEGOTIATING").contains("after").contains("again");
    }

    /** The same renegotiation with the engine's tasks on an executor: the pump resumes after them. */
    @Test
    void renegotiationWithHandshakeExecutor() throws Exception {
        requireOpenssl();
        TestCerts certs = TestCerts.get();
        String out = Asyncio.run(() -> {
            TlsOptions tls = TlsOptions.of(certs.serverContext())
                    .handshakeExecutor(java.util.concurrent.ForkJoinPool.commonPool());
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0,
                    io.jasyncio.net.ServerOptions.defaults(), tls)) {
                return sClientInteractive(server.port(), List.of("-tls1_2"), new String[][] {
                    {"before\n", "before"}, {"R\n", "RENEGOTIATING"}, {"after\n", "after"}});
            }
        });
        assertThat(out).contains("RENEGOTIATING").contains("after");
    }

    /** Starts s_server with the given certificate and options; returns it once it listens, with its port. */
    private static Process sServer(String cert, String key, List<String> extra, int[] port) throws Exception {
        TestCerts certs = TestCerts.get();
        List<String> cmd = new ArrayList<>(List.of(TestCerts.OPENSSL, "s_server", "-accept", "0", "-cert",
                certs.file(cert).toString(), "-key", certs.file(key).toString(), "-naccept", "1"));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), US_ASCII));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ACCEPT")) {
                port[0] = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (Exception ignored) {
                        // the process ended
                    }
                });
                return p;
            }
        }
        throw new IllegalStateException("s_server did not start listening");
    }

    /** Our client verifies openssl s_server's certificate, negotiates ALPN, and talks to its -rev echo. */
    @Test
    void ourClientAgainstSServer() throws Exception {
        requireOpenssl();
        TestCerts certs = TestCerts.get();
        int[] port = new int[1];
        Process p = sServer("server.pem", "server.key", List.of("-rev", "-alpn", "http/1.1"), port);
        try {
            String[] got = Asyncio.run(() -> {
                Connection c = Streams.openConnection("localhost", port[0],
                        TlsOptions.of(certs.clientContext()).alpnProtocols("h2", "http/1.1"));
                c.writer().write("hello world\n".getBytes(US_ASCII));
                String reversed = new String(c.reader().readLine(), US_ASCII);
                String alpn = (String) c.writer().getExtraInfo("alpn_protocol");
                c.writer().close();
                c.writer().waitClosed();
                return new String[] {reversed, alpn};
            });
            assertThat(got).containsExactly("dlrow olleh\n", "http/1.1");
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    /** Against s_server with a certificate we do not trust, our client's error says so. */
    @Test
    void sServerUntrusted() throws Exception {
        requireOpenssl();
        TestCerts certs = TestCerts.get();
        int[] port = new int[1];
        Process p = sServer("untrusted.pem", "untrusted.key", List.of("-rev"), port);
        try {
            Throwable e = Asyncio.run(() -> {
                try {
                    Streams.openConnection("localhost", port[0], certs.clientContext());
                    return null;
                } catch (Exception failed) {
                    return failed;
                }
            });
            assertThat(e).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("TLS handshake with localhost (")
                    .hasMessageContaining("certificate is not trusted");
        } finally {
            p.destroyForcibly();
        }
    }
}
