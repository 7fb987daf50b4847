package io.jasyncio.http;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC certificate for {@code localhost} (and 127.0.0.1), made with the JDK's keytool,
 * and the TLS contexts of a server presenting it and of a client trusting it. Shared by the http
 * module's https tests.
 */
public final class TestCertificate {

    private static TestCertificate shared;

    private final KeyStore keys;

    private TestCertificate(KeyStore keys) {
        this.keys = keys;
    }

    /**
     * @return one certificate for the whole test run, made on first use (the key store file is
     *     deleted at once: the key store is in memory)
     * @throws Exception if keytool fails
     */
    public static synchronized TestCertificate shared() throws Exception {
        if (shared == null) {
            Path dir = java.nio.file.Files.createTempDirectory("jasyncio-cert");
            try {
                shared = create(dir);
            } finally {
                java.nio.file.Files.deleteIfExists(dir.resolve("server.p12"));
                java.nio.file.Files.deleteIfExists(dir);
            }
        }
        return shared;
    }

    /**
     * @param dir a temporary folder for the key store
     * @return a new certificate, valid for two days
     * @throws Exception if keytool fails (its output is in the message)
     */
    public static TestCertificate create(Path dir) throws Exception {
        Path ks = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "secret", "-keypass", "secret")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(ks.toFile())) {
            keys.load(in, "secret".toCharArray());
        }
        return new TestCertificate(keys);
    }

    /** @return a context for a server presenting this certificate */
    public SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "secret".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** @return a context for a client trusting this certificate (and nothing else) */
    public SSLContext trusting() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
