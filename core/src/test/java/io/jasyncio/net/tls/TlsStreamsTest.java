package io.jasyncio.net.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.net.Connection;
import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Streams;
import io.jasyncio.net.TlsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our TLS client against our TLS server, through the streams API (CPython's
 * test_asyncio/test_ssl.py: the echo, large-payload, extra-info and ALPN cases).
 */
@Timeout(30)
class TlsStreamsTest {

    static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        while (true) {
            byte[] d = reader.read(65536);
            if (d.length == 0) {
                break;
            }
            writer.write(d);
            writer.drain();
        }
        writer.close();
    }

    /** A line written over TLS comes back from the echo server; the handler sees plaintext. */
    @Test
    void echoOverTls() throws Exception {
        TestCerts certs = TestCerts.get();
        String reply = Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                c.writer().write("hello over TLS\n".getBytes(US_ASCII));
                byte[] line = c.reader().readLine();
                c.writer().close();
                c.writer().waitClosed();
                return new String(line, US_ASCII);
            }
        });
        assertThat(reply).isEqualTo("hello over TLS\n");
    }

    /** 1 MiB of random bytes, written in one call, comes back identical (checked by hash). */
    @Test
    void oneMebibyteEchoedByHash() throws Exception {
        TestCerts certs = TestCerts.get();
        byte[] payload = new byte[1 << 20];
        new Random(42).nextBytes(payload);
        byte[] back = Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                Task<byte[]> reading = Asyncio.createTask(() -> c.reader().readExactly(payload.length));
                c.writer().write(payload);
                c.writer().drain();
                byte[] got = Asyncio.await(reading);
                c.writer().close();
                c.writer().waitClosed();
                return got;
            }
        });
        assertThat(MessageDigest.getInstance("SHA-256").digest(back))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload));
    }

    /** 50 concurrent connections each echo 256 KiB written in random chunk sizes; every byte comes back in order. */
    @Test
    void concurrentEchoRandomChunks() throws Exception {
        TestCerts certs = TestCerts.get();
        int connections = 50;
        int size = 256 * 1024;
        Boolean allSame = Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, certs.serverContext())) {
                java.util.List<Task<Boolean>> tasks = new java.util.ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    int seed = i;
                    tasks.add(Asyncio.createTask(() -> {
                        Random rnd = new Random(seed);
                        byte[] payload = new byte[size];
                        rnd.nextBytes(payload);
                        Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                        Task<byte[]> reading = Asyncio.createTask(() -> c.reader().readExactly(size));
                        for (int off = 0; off < size; ) {
                            int n = Math.min(size - off, 1 + rnd.nextInt(40_000));
                            c.writer().write(payload, off, n);
                            off += n;
                            if (rnd.nextBoolean()) {
                                c.writer().drain();
                            }
                        }
                        c.writer().drain();
                        byte[] back = Asyncio.await(reading);
                        c.writer().close();
                        c.writer().waitClosed();
                        return java.util.Arrays.equals(
                                MessageDigest.getInstance("SHA-256").digest(back),
                                MessageDigest.getInstance("SHA-256").digest(payload));
                    }));
                }
                boolean ok = true;
                for (Task<Boolean> t : tasks) {
                    ok &= Asyncio.await(t);
                }
                return ok;
            }
        });
        assertThat(allSame).isTrue();
    }

    /** Extra info names the context, the session, the peer's certificate, the cipher suite and version. */
    @Test
    void extraInfo() throws Exception {
        TestCerts certs = TestCerts.get();
        SSLContext clientCtx = certs.clientContext();
        Object[] info = Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("localhost", server.port(), clientCtx);
                StreamWriter w = c.writer();
                Object[] out = {w.getExtraInfo("sslcontext"), w.getExtraInfo("ssl_object"), w.getExtraInfo("peercert"),
                        w.getExtraInfo("cipher"), w.getExtraInfo("tls_version"), w.getExtraInfo("peername"),
                        w.getExtraInfo("alpn_protocol"), w.getExtraInfo("server_hostname")};
                w.close();
                w.waitClosed();
                return out;
            }
        });
        assertThat(info[0]).isSameAs(clientCtx);
        assertThat(info[1]).isInstanceOf(SSLSession.class);
        assertThat(((X509Certificate) info[2]).getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat((String) info[3]).startsWith("TLS_");
        assertThat(info[4]).isEqualTo("TLSv1.3");
        assertThat(info[5]).isNotNull();
        assertThat(info[6]).isNull();
        assertThat(info[7]).isEqualTo("localhost");
    }

    /** ALPN: the server picks the first of its protocols that the client offers; both sides see it. */
    @Test
    void alpnNegotiated() throws Exception {
        TestCerts certs = TestCerts.get();
        String[] seen = new String[2];
        Asyncio.run(() -> {
            TlsOptions serverTls = TlsOptions.of(certs.serverContext()).alpnProtocols("http/1.1", "h2");
            try (Server server = Streams.startServer((r, w) -> {
                seen[0] = (String) w.getExtraInfo("alpn_protocol");
                w.close();
            }, "127.0.0.1", 0, serverTls)) {
                Connection c = Streams.openConnection("localhost", server.port(),
                        TlsOptions.of(certs.clientContext()).alpnProtocols("h2", "http/1.1"));
                seen[1] = (String) c.writer().getExtraInfo("alpn_protocol");
                assertThat(c.reader().read()).isEmpty();
                c.writer().close();
            }
        });
        assertThat(seen).containsExactly("http/1.1", "http/1.1");
    }

    /** An IP literal is checked against the certificate's IP addresses (no SNI is sent). */
    @Test
    void ipAddressChecked() throws Exception {
        TestCerts certs = TestCerts.get();
        String reply = Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("127.0.0.1", server.port(), certs.clientContext());
                c.writer().write("ip\n".getBytes(US_ASCII));
                byte[] line = c.reader().readLine();
                c.writer().close();
                return new String(line, US_ASCII);
            }
        });
        assertThat(reply).isEqualTo("ip\n");
    }

    /** TLS has no half-close: writeEof fails, canWriteEof is false (as CPython). */
    @Test
    void noHalfClose() throws Exception {
        TestCerts certs = TestCerts.get();
        Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                assertThat(c.writer().canWriteEof()).isFalse();
                assertThatThrownBy(() -> c.writer().writeEof()).isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("half-close");
                c.writer().close();
                c.writer().waitClosed();
            }
        });
    }

    /** When the server closes, the client reads what was sent, then end-of-file (close_notify). */
    @Test
    void serverCloseIsEofForClient() throws Exception {
        TestCerts certs = TestCerts.get();
        byte[] got = Asyncio.run(() -> {
            try (Server server = Streams.startServer((r, w) -> {
                w.write("bye".getBytes(US_ASCII));
                w.close();
                w.waitClosed();
            }, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                byte[] all = c.reader().read();
                assertThat(c.reader().atEof()).isTrue();
                c.writer().close();
                c.writer().waitClosed();
                return all;
            }
        });
        assertThat(new String(got, US_ASCII)).isEqualTo("bye");
    }

    /** Mutual TLS: a server that needs client certificates sees the client's. */
    @Test
    void clientCertificate() throws Exception {
        TestCerts certs = TestCerts.get();
        String[] subject = new String[1];
        Asyncio.run(() -> {
            TlsOptions serverTls = TlsOptions.of(certs.serverContext()).engineConfigurator(e -> e.setNeedClientAuth(true));
            try (Server server = Streams.startServer((r, w) -> {
                X509Certificate peer = (X509Certificate) w.getExtraInfo("peercert");
                subject[0] = peer.getSubjectX500Principal().getName();
                w.close();
            }, "127.0.0.1", 0, serverTls)) {
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContextWithCertificate());
                assertThat(c.reader().read()).isEmpty();
                c.writer().close();
            }
        });
        assertThat(subject[0]).isEqualTo("CN=jasyncio-test-client");
    }

    /** TLS over a Unix-domain socket, with the server host name given explicitly. */
    @Test
    void unixSocket() throws Exception {
        TestCerts certs = TestCerts.get();
        Path dir = Files.createTempDirectory("jasyncio-tls-unix");
        Path sock = dir.resolve("s");
        try {
            String reply = Asyncio.run(() -> {
                try (Server server = Streams.startUnixServer(TlsStreamsTest::echo, sock, ServerOptions.defaults(),
                        TlsOptions.of(certs.serverContext()))) {
                    Connection c = Streams.openUnixConnection(sock, ConnectOptions.defaults(),
                            TlsOptions.of(certs.clientContext()).serverHostname("localhost"));
                    c.writer().write("unix\n".getBytes(US_ASCII));
                    byte[] line = c.reader().readLine();
                    c.writer().close();
                    c.writer().waitClosed();
                    return new String(line, US_ASCII);
                }
            });
            assertThat(reply).isEqualTo("unix\n");
        } finally {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }
}
