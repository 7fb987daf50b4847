package io.jasyncio.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real nginx (Debian's nginx-light), run as the test user from a generated
 * configuration whose every path is in a temporary directory: plain and TLS listeners on
 * loopback, redirects, gzip with chunked transfer, keep-alive. Skipped when nginx is not
 * installed (scripts/install-test-peers.sh installs it).
 */
class NginxTest {

    private static final String NGINX = "/usr/sbin/nginx";

    @TempDir
    static Path dir;
    static TestCertificate cert;
    static PeerProcess nginx;
    static String http;
    static String https;
    static byte[] bigText;

    @BeforeAll
    static void startNginx() throws Exception {
        assumeTrue(PeerProcess.installed(NGINX), "nginx is not installed: apt-get install nginx-light "
                + "(scripts/install-test-peers.sh)");
        cert = TestCertificate.create(dir, "localhost", "localhost", "dns:localhost,ip:127.0.0.1");
        Path www = Files.createDirectories(dir.resolve("www"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("line ").append(i).append('\n');
        }
        bigText = text.toString().getBytes(StandardCharsets.US_ASCII);
        Files.write(www.resolve("big.txt"), bigText);
        int plain = PeerProcess.freePort();
        int tls = PeerProcess.freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    types { text/plain txt; }
                    default_type text/plain;
                    gzip on;
                    gzip_types text/plain;
                    gzip_min_length 0;
                    server {
                        listen 127.0.0.1:%2$d;
                        listen 127.0.0.1:%3$d ssl;
                        server_name localhost;
                        ssl_certificate %4$s;
                        ssl_certificate_key %4$s;
                        root %1$s/www;
                        location = /r301 { return 301 /target/301; }
                        location = /r302 { return 302 /target/302; }
                        location = /r307 { return 307 /target/307; }
                        location = /chain { return 302 /r301; }
                        location /target/ { return 200 "target $request_method $request_uri"; }
                    }
                }
                """.formatted(dir, plain, tls, cert.pem()));
        nginx = PeerProcess.start(dir, tls, List.of(NGINX, "-p", dir + "/", "-c", conf.toString(),
                "-e", dir.resolve("error.log").toString()));
        http = "http://127.0.0.1:" + plain;
        https = "https://localhost:" + tls;
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    /** 301 and 302 turn POST into GET, 307 keeps it; a chain of two is followed. */
    @Test
    void redirects() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession()) {
                for (String code : List.of("301", "302", "307")) {
                    try (ClientResponse r = s.post(http + "/r" + code, new RequestOptions().data("x"))) {
                        assertThat(r.status()).isEqualTo(200);
                        assertThat(r.history()).extracting(ClientResponse::status).containsExactly(Integer.parseInt(code));
                        assertThat(r.text()).isEqualTo("target " + (code.equals("307") ? "POST" : "GET") + " /target/" + code);
                    }
                }
                try (ClientResponse r = s.get(http + "/chain")) {
                    assertThat(r.history()).extracting(ClientResponse::status).containsExactly(302, 301);
                    assertThat(r.text()).isEqualTo("target GET /target/301");
                }
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** A gzip-encoded, chunked file arrives decoded and whole (SHA-256), streamed through content(). */
    @Test
    void gzipChunked() throws Exception {
        byte[] digest = Asyncio.run(() -> {
            try (ClientSession s = new ClientSession(); ClientResponse r = s.get(http + "/big.txt")) {
                assertThat(r.headers().get("Content-Encoding")).isEqualTo("gzip");
                assertThat(r.headers().get("Transfer-Encoding")).isEqualTo("chunked");
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (byte[] b; (b = r.content().read(8192)).length > 0; ) {
                    sha.update(b);
                }
                return sha.digest();
            }
        });
        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bigText));
    }

    /** Keep-alive: requests in a row share one connection. */
    @Test
    void keepAlive() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession()) {
                for (int i = 0; i < 5; i++) {
                    try (ClientResponse r = s.get(http + "/target/" + i)) {
                        assertThat(r.text()).isEqualTo("target GET /target/" + i);
                    }
                }
                assertThat(s.connector().idleCount()).isEqualTo(1);
            }
        });
    }

    /** TLS with verification on and the certificate trusted explicitly: the host name is checked and passes. */
    @Test
    void httpsTrusted() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = ClientSession.builder().tls(cert.trustPolicy()).build();
                 ClientResponse r = s.get(https + "/r302")) {
                assertThat(r.text()).isEqualTo("target GET /target/302");
                assertThat(r.url().toString()).startsWith(https);
            }
        });
    }

    /** TLS with the default trust store: nginx's self-signed certificate is refused with a TLS error naming the server. */
    @Test
    void httpsUntrusted() throws Exception {
        Asyncio.run(() -> {
            try (ClientSession s = new ClientSession()) {
                assertThatThrownBy(() -> s.get(https + "/target/x"))
                        .isInstanceOfSatisfying(ClientConnectorError.class, e -> {
                            assertThat(e.getCause()).isInstanceOf(SSLException.class);
                            assertThat(e.getMessage()).contains(https.substring("https://".length())).contains("ssl:true");
                        });
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }
}
