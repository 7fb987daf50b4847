package io.jasyncio.net.tls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test helper: certificates made by the tests, once per JVM, with Debian's {@code openssl} into a
 * temporary directory: a CA; a server certificate it signed for {@code localhost},
 * {@code 127.0.0.1} and {@code ::1}; a client certificate it signed; and a self-signed
 * {@code localhost} certificate no one trusts. All ECDSA P-256, valid for two days. The PEM files
 * serve {@code openssl s_server}/{@code s_client}; the PKCS#12 files the JDK's contexts.
 */
final class TestCerts {

    static final String OPENSSL = "/usr/bin/openssl";
    private static final String PASSWORD = "test";
    private static TestCerts instance;

    final Path dir;

    private TestCerts(Path dir) {
        this.dir = dir;
    }

    /**
     * @return the certificates, generated on first use (the calling test is skipped, saying why,
     *     if openssl is not installed)
     */
    static synchronized TestCerts get() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(OPENSSL)),
                OPENSSL + " makes the tests' certificates and is not installed: run scripts/install-test-peers.sh");
        if (instance == null) {
            Path dir = Files.createTempDirectory("jasyncio-tls-");
            dir.toFile().deleteOnExit();
            String ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2";
            openssl(dir, "req -x509 " + ec + " -keyout ca.key -out ca.pem -subj /CN=jasyncio-test-CA"
                    + " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign");
            openssl(dir, "req -x509 " + ec + " -keyout server.key -out server.pem -subj /CN=localhost"
                    + " -CA ca.pem -CAkey ca.key -addext subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"
                    + " -addext basicConstraints=CA:FALSE -addext extendedKeyUsage=serverAuth");
            openssl(dir, "req -x509 " + ec + " -keyout client.key -out client.pem -subj /CN=jasyncio-test-client"
                    + " -CA ca.pem -CAkey ca.key -addext basicConstraints=CA:FALSE -addext extendedKeyUsage=clientAuth");
            openssl(dir, "req -x509 " + ec + " -keyout untrusted.key -out untrusted.pem -subj /CN=localhost"
                    + " -addext subjectAltName=DNS:localhost,IP:127.0.0.1");
            for (String name : List.of("server", "client", "untrusted")) {
                openssl(dir, "pkcs12 -export -in " + name + ".pem -inkey " + name + ".key -out " + name
                        + ".p12 -passout pass:" + PASSWORD + " -name " + name);
            }
            for (String f : List.of("ca", "server", "client", "untrusted")) {
                for (String ext : List.of(".key", ".pem", ".p12", ".srl")) {
                    dir.resolve(f + ext).toFile().deleteOnExit();
                }
            }
            instance = new TestCerts(dir);
        }
        return instance;
    }

    private static void openssl(Path dir, String args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(OPENSSL);
        cmd.addAll(List.of(args.split(" ")));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + args + " failed: " + out);
        }
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** @return a server context with the CA-signed {@code localhost} certificate, trusting the CA */
    SSLContext serverContext() throws Exception {
        return context("server.p12", true);
    }

    /** @return a server context with the self-signed certificate */
    SSLContext untrustedServerContext() throws Exception {
        return context("untrusted.p12", true);
    }

    /** @return a client context that trusts the test CA only */
    SSLContext clientContext() throws Exception {
        return context(null, true);
    }

    /** @return a client context with the client certificate, trusting the test CA */
    SSLContext clientContextWithCertificate() throws Exception {
        return context("client.p12", true);
    }

    /** @return a context that trusts nothing (the JDK's empty trust store would reject everything) */
    SSLContext context(String p12, boolean trustCa) throws Exception {
        KeyManagerFactory kmf = null;
        if (p12 != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir.resolve(p12))) {
                ks.load(in, PASSWORD.toCharArray());
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        if (trustCa) {
            trust.setCertificateEntry("ca", caCertificate());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    Certificate caCertificate() throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
