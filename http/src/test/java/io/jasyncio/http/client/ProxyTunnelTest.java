package io.jasyncio.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import java.net.ConnectException;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxies over real sockets, through {@link TestProxy}: https through a CONNECT tunnel with TLS
 * verified against the target (not the proxy), credentials only in the CONNECT head, tunnels
 * pooled, refusals and an unreachable proxy reported with the proxy's address.
 */
class ProxyTunnelTest {

    @TempDir
    static Path dir;
    static TestCertificate localhost;
    static TestCertificate otherName;

    @BeforeAll
    static void makeCertificates() throws Exception {
        localhost = TestCertificate.create(dir, "localhost", "localhost", "dns:localhost,ip:127.0.0.1");
        otherName = TestCertificate.create(dir, "other", "other.example", "dns:other.example");
    }

    /** https through the proxy: one CONNECT with the credentials, TLS to the target, the tunnel reused. */
    @Test
    void httpsGoesThroughAVerifiedTunnel() throws Exception {
        Asyncio.run(() -> {
            try (TestProxy proxy = TestProxy.start(); RecordingServer target = RecordingServer.tls(localhost.serverContext());
                 ClientSession s = ClientSession.builder().tls(localhost.trustPolicy()).proxy(proxy.url("user:pw")).build()) {
                String url = "https://localhost:" + target.port() + "/secret?x=1";
                for (int i = 0; i < 2; i++) {
                    try (ClientResponse r = s.get(url)) {
                        assertThat(r.text()).isEqualTo("seen GET /secret?x=1 HTTP/1.1");
                    }
                }
                assertThat(proxy.heads).hasSize(1);
                assertThat(proxy.heads.get(0)).startsWith("CONNECT localhost:" + target.port() + " HTTP/1.1\r\n")
                        .contains("Host: localhost:" + target.port())
                        .contains("Proxy-Authorization: Basic dXNlcjpwdw==");
                assertThat(target.heads).hasSize(2).allSatisfy(h -> assertThat(h)
                        .doesNotContainIgnoringCase("Proxy-Authorization").contains("Host: localhost:" + target.port()));
                assertThat(s.connector().idleCount()).isEqualTo(1);
            }
        });
    }

    /** Plain http through the same proxy goes in absolute form, credentials included. */
    @Test
    void plainHttpIsForwardedInAbsoluteForm() throws Exception {
        Asyncio.run(() -> {
            try (TestProxy proxy = TestProxy.start();
                 ClientSession s = ClientSession.builder().proxy(proxy.url(null)).build();
                 ClientResponse r = s.get("http://example.invalid/a b", new RequestOptions()
                         .proxyAuth(new BasicAuth("user", "pw")))) {
                assertThat(r.text()).isEqualTo("proxied GET http://example.invalid/a%20b HTTP/1.1");
                assertThat(proxy.heads.get(0)).contains("Host: example.invalid")
                        .contains("Proxy-Authorization: Basic dXNlcjpwdw==");
            }
        });
    }

    /** The certificate is checked against the target's name: a valid certificate for another name fails, naming target and proxy. */
    @Test
    void tlsIsVerifiedAgainstTheTarget() throws Exception {
        Asyncio.run(() -> {
            try (TestProxy proxy = TestProxy.start(); RecordingServer target = RecordingServer.tls(otherName.serverContext());
                 ClientSession s = ClientSession.builder().tls(otherName.trustPolicy()).proxy(proxy.url(null)).build()) {
                assertThatThrownBy(() -> s.get("https://localhost:" + target.port() + "/"))
                        .isInstanceOfSatisfying(ClientConnectorError.class, e -> {
                            assertThat(e).isNotInstanceOf(ClientProxyConnectionError.class);
                            assertThat(e.getCause()).isInstanceOf(SSLException.class);
                            assertThat(e.getMessage()).contains("localhost:" + target.port())
                                    .contains("via proxy " + proxy.url(null));
                        });
                assertThat(target.heads).isEmpty();
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** A CONNECT the proxy refuses is a ClientHttpProxyError with its status; nothing reaches the target. */
    @Test
    void refusedTunnel() throws Exception {
        Asyncio.run(() -> {
            try (TestProxy proxy = TestProxy.start(); RecordingServer target = RecordingServer.tls(localhost.serverContext());
                 ClientSession s = ClientSession.builder().tls(localhost.trustPolicy()).proxy(proxy.url(null)).build()) {
                proxy.refuseWith = 403;
                assertThatThrownBy(() -> s.get("https://localhost:" + target.port() + "/"))
                        .isInstanceOfSatisfying(ClientHttpProxyError.class, e -> {
                            assertThat(e.status()).isEqualTo(403);
                            assertThat(e.getMessage()).contains(proxy.url(null)).contains("403");
                        });
                assertThat(target.heads).isEmpty();
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** A proxy port nobody listens on: ClientProxyConnectionError naming the proxy, with the ConnectException. */
    @Test
    void unreachableProxy() throws Exception {
        int port = PeerProcess.freePort();
        Asyncio.run(() -> {
            try (ClientSession s = ClientSession.builder().proxy("http://127.0.0.1:" + port).build()) {
                assertThatThrownBy(() -> s.get("https://localhost:443/"))
                        .isInstanceOfSatisfying(ClientProxyConnectionError.class, e -> {
                            assertThat(e.getCause()).isInstanceOf(ConnectException.class);
                            assertThat(e.getMessage()).contains("proxy http://127.0.0.1:" + port).contains("localhost:443");
                        });
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }
}
