package io.jasyncio.http.client;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test helper: a self-signed certificate made with the JDK's keytool (a PKCS#12 key store,
 * password {@code secret}), the server and client TLS contexts built from it, and, through
 * openssl, the same certificate and key as one PEM file for nginx and {@code openssl s_server}.
 */
final class TestCertificate {

    static final String PASSWORD = "secret";

    final Path p12;
    final KeyStore keys;

    private TestCertificate(Path p12, KeyStore keys) {
        this.p12 = p12;
        this.keys = keys;
    }

    /**
     * @param dir where to write the key store
     * @param name the file name stem
     * @param cn the subject's common name
     * @param san the subject alternative names, in keytool's syntax ({@code dns:localhost,ip:127.0.0.1})
     * @return the certificate, valid for two days
     */
    static TestCertificate create(Path dir, String name, String cn, String san) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        PeerProcess.runChecked(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=" + cn, "-ext", "san=" + san,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(ks.toFile())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return new TestCertificate(ks, keys);
    }

    /** @return a server context presenting this certificate */
    SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** @return a client context that trusts this certificate (and nothing else) */
    SSLContext trusting() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** @return a verifying client policy that trusts this certificate */
    TlsPolicy trustPolicy() throws Exception {
        return TlsPolicy.of(trusting());
    }

    /** @return the certificate and its unencrypted key in one PEM file (written by openssl once) */
    Path pem() throws Exception {
        Path pem = p12.resolveSibling(p12.getFileName().toString().replace(".p12", ".pem"));
        if (!pem.toFile().exists()) {
            PeerProcess.runChecked("openssl", "pkcs12", "-in", p12.toString(), "-passin", "pass:" + PASSWORD,
                    "-nodes", "-out", pem.toString());
        }
        return pem;
    }
}
