package io.jasyncio.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client through a real proxy: Debian's tinyproxy, with Basic credentials required, in
 * front of a {@link RecordingServer} (plain, and TLS trusted explicitly). Skipped when tinyproxy
 * is not installed (scripts/install-test-peers.sh installs it).
 */
class TinyproxyTest {

    private static final String TINYPROXY = "/usr/bin/tinyproxy";

    @TempDir
    static Path dir;
    static TestCertificate cert;
    static PeerProcess tinyproxy;
    static String proxy;

    @BeforeAll
    static void startTinyproxy() throws Exception {
        assumeTrue(PeerProcess.installed(TINYPROXY),
                "tinyproxy is not installed: apt-get install tinyproxy (scripts/install-test-peers.sh)");
        cert = TestCertificate.create(dir, "localhost", "localhost", "dns:localhost,ip:127.0.0.1");
        int port = PeerProcess.freePort();
        Path conf = dir.resolve("tinyproxy.conf");
        Files.writeString(conf, """
                Port %d
                Listen 127.0.0.1
                Timeout 30
                MaxClients 50
                LogLevel Info
                BasicAuth user pw
                """.formatted(port));
        tinyproxy = PeerProcess.start(dir, port, List.of(TINYPROXY, "-d", "-c", conf.toString()));
        proxy = "127.0.0.1:" + port;
    }

    @AfterAll
    static void stopTinyproxy() throws Exception {
        if (tinyproxy != null) {
            tinyproxy.close();
        }
    }

    /** Plain http: tinyproxy accepts the absolute-form request with our credentials and forwards it. */
    @Test
    void plainHttp() throws Exception {
        Asyncio.run(() -> {
            try (RecordingServer target = RecordingServer.plain();
                 ClientSession s = ClientSession.builder().proxy("http://user:pw@" + proxy).build()) {
                for (int i = 0; i < 3; i++) {
                    try (ClientResponse r = s.get("http://127.0.0.1:" + target.port() + "/plain?i=" + i)) {
                        assertThat(r.status()).isEqualTo(200);
                        assertThat(r.text()).startsWith("seen GET /plain?i=" + i + " HTTP/1.");
                    }
                }
                assertThat(target.heads).hasSize(3);
            }
        });
    }

    /** https: a CONNECT tunnel through tinyproxy, TLS verified end to end, no credentials reach the target. */
    @Test
    void httpsThroughTheTunnel() throws Exception {
        Asyncio.run(() -> {
            try (RecordingServer target = RecordingServer.tls(cert.serverContext());
                 ClientSession s = ClientSession.builder().tls(cert.trustPolicy()).proxy("http://" + proxy)
                         .proxyAuth(new BasicAuth("user", "pw")).build()) {
                for (int i = 0; i < 2; i++) {
                    try (ClientResponse r = s.get("https://127.0.0.1:" + target.port() + "/tls")) {
                        assertThat(r.text()).isEqualTo("seen GET /tls HTTP/1.1");
                    }
                }
                assertThat(target.heads).hasSize(2)
                        .allSatisfy(h -> assertThat(h).doesNotContainIgnoringCase("Proxy-Authorization"));
                assertThat(s.connector().idleCount()).as("the tunnel is pooled").isEqualTo(1);
            }
        });
    }

    /** Without credentials tinyproxy answers 407: a ClientHttpProxyError for https, a 407 response for http. */
    @Test
    void missingCredentials() throws Exception {
        Asyncio.run(() -> {
            try (RecordingServer target = RecordingServer.plain();
                 ClientSession s = ClientSession.builder().tls(cert.trustPolicy()).proxy("http://" + proxy).build()) {
                assertThatThrownBy(() -> s.get("https://127.0.0.1:" + target.port() + "/"))
                        .isInstanceOfSatisfying(ClientHttpProxyError.class, e -> {
                            assertThat(e.status()).isEqualTo(407);
                            assertThat(e.getMessage()).contains("http://" + proxy).contains("407");
                        });
                try (ClientResponse r = s.get("http://127.0.0.1:" + target.port() + "/")) {
                    assertThat(r.status()).isEqualTo(407);
                }
                assertThat(target.heads).isEmpty();
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }
}
