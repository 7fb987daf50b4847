package io.jasyncio.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.net.Server;
import io.jasyncio.net.Streams;
import io.jasyncio.net.TlsOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https through the session: verification on by default, a trusted CA works, the insecure option is explicit. */
class HttpsClientTest {

    @TempDir
    static Path dir;
    static TestCertificate cert;

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = TestCertificate.create(dir, "server", "localhost", "dns:localhost,ip:127.0.0.1");
    }

    private static Server httpsServer() throws Exception {
        return Streams.startServer((r, w) -> {
            while (r.readLine().length > 2) {
                // skip the request head
            }
            w.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret".getBytes(StandardCharsets.ISO_8859_1));
            w.drain();
            w.close();
        }, "127.0.0.1", 0, TlsOptions.of(cert.serverContext()));
    }

    /** A session trusting the test's certificate gets the body over TLS, with the host name checked. */
    @Test
    void trustedCertificateWorks() throws Exception {
        String body = Asyncio.run(() -> {
            Server server = httpsServer();
            try (ClientSession s = ClientSession.builder().tls(cert.trustPolicy()).build();
                 ClientResponse r = s.get("https://localhost:" + server.port() + "/")) {
                return r.text();
            } finally {
                server.close();
            }
        });
        assertThat(body).isEqualTo("secret");
    }

    /** By default the JDK trust store is used, so a self-signed server is refused, naming the URL. */
    @Test
    void untrustedCertificateIsRefusedByDefault() throws Exception {
        Asyncio.run(() -> {
            Server server = httpsServer();
            try (ClientSession s = new ClientSession()) {
                String url = "https://localhost:" + server.port() + "/";
                assertThatThrownBy(() -> s.get(url)).isInstanceOf(java.io.IOException.class)
                        .hasMessageContaining("localhost");
            } finally {
                server.close();
            }
        });
    }

    /** Verification is skipped only when explicitly asked for. */
    @Test
    void insecureOptionSkipsVerification() throws Exception {
        String body = Asyncio.run(() -> {
            Server server = httpsServer();
            try (ClientSession s = ClientSession.builder().insecureSkipTlsVerify().build();
                 ClientResponse r = s.get("https://127.0.0.1:" + server.port() + "/")) {
                return r.text();
            } finally {
                server.close();
            }
        });
        assertThat(body).isEqualTo("secret");
    }
}
