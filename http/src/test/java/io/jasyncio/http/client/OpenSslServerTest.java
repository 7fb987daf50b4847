package io.jasyncio.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against {@code openssl s_server -WWW} (an HTTP/1.0 file server over TLS, with no
 * Content-Length: the body ends when the connection closes), its self-signed certificate trusted
 * explicitly; and a certificate for another name refused, naming the host. Skipped when openssl
 * is not installed.
 */
class OpenSslServerTest {

    private static final String OPENSSL = "/usr/bin/openssl";

    @TempDir
    Path dir;

    private PeerProcess sServer(TestCertificate cert, int port) throws Exception {
        return PeerProcess.start(dir, port, List.of(OPENSSL, "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", cert.pem().toString(), "-WWW", "-quiet"));
    }

    /** The file arrives whole over verified TLS. */
    @Test
    void trustedSelfSignedCertificate() throws Exception {
        assumeTrue(PeerProcess.installed(OPENSSL), "openssl is not installed (scripts/install-test-peers.sh)");
        TestCertificate cert = TestCertificate.create(dir, "localhost", "localhost", "dns:localhost");
        String content = "served by openssl s_server\n".repeat(500);
        Files.writeString(dir.resolve("hello.txt"), content);
        int port = PeerProcess.freePort();
        try (PeerProcess server = sServer(cert, port)) {
            String body = Asyncio.run(() -> {
                try (ClientSession s = ClientSession.builder().tls(cert.trustPolicy()).build();
                     ClientResponse r = s.get("https://localhost:" + port + "/hello.txt")) {
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.version().toString()).contains("1.0");
                    return r.text();
                }
            });
            assertThat(body).isEqualTo(content);
        }
    }

    /** A trusted certificate for other.example does not pass for localhost: the error names the host. */
    @Test
    void hostNameMismatch() throws Exception {
        assumeTrue(PeerProcess.installed(OPENSSL), "openssl is not installed (scripts/install-test-peers.sh)");
        TestCertificate other = TestCertificate.create(dir, "other", "other.example", "dns:other.example");
        int port = PeerProcess.freePort();
        try (PeerProcess server = sServer(other, port)) {
            Asyncio.run(() -> {
                try (ClientSession s = ClientSession.builder().tls(other.trustPolicy()).build()) {
                    assertThatThrownBy(() -> s.get("https://localhost:" + port + "/hello.txt"))
                            .isInstanceOfSatisfying(ClientConnectorError.class, e -> {
                                assertThat(e.getCause()).isInstanceOf(SSLException.class);
                                assertThat(e.getMessage()).contains("localhost:" + port).contains("matching localhost");
                            });
                }
            });
        }
    }
}
