package io.jasyncio.net.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.net.Streams;
import io.jasyncio.net.TlsOptions;
import io.jasyncio.net.Transport;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Upgrading an open plain connection to TLS: {@code StreamWriter.startTls} and
 * {@code loop.startTls} (CPython's test_asyncio/test_ssl.py start_tls cases, an SMTP-like
 * STARTTLS exchange).
 */
@Timeout(30)
class StartTlsTest {

    /** A STARTTLS exchange in plaintext, then both sides upgrade and talk over TLS. */
    @Test
    void streamsUpgrade() throws Exception {
        TestCerts certs = TestCerts.get();
        String[] out = Asyncio.run(() -> {
            try (Server server = Streams.startServer((r, w) -> {
                assertThat(new String(r.readLine(), US_ASCII)).isEqualTo("STARTTLS\n");
                w.write("GO\n".getBytes(US_ASCII));
                w.startTls(certs.serverContext());
                TlsStreamsTest.echo(r, w);
            }, "127.0.0.1", 0)) {
                Connection c = Streams.openConnection("127.0.0.1", server.port());
                assertThat(c.writer().getExtraInfo("sslcontext")).isNull();
                c.writer().write("STARTTLS\n".getBytes(US_ASCII));
                String go = new String(c.reader().readLine(), US_ASCII);
                c.writer().startTls(TlsOptions.of(certs.clientContext()).serverHostname("localhost"));
                c.writer().write("secret\n".getBytes(US_ASCII));
                String back = new String(c.reader().readLine(), US_ASCII);
                X509Certificate peer = (X509Certificate) c.writer().getExtraInfo("peercert");
                c.writer().close();
                c.writer().waitClosed();
                return new String[] {go, back, peer.getSubjectX500Principal().getName()};
            }
        });
        assertThat(out).containsExactly("GO\n", "secret\n", "CN=localhost");
    }

    /** loop.startTls under protocols: the returned transport carries plaintext over TLS to the protocol. */
    @Test
    void protocolUpgrade() throws Exception {
        TestCerts certs = TestCerts.get();
        String got = Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            try (Server server = Streams.startServer((r, w) -> {
                w.startTls(certs.serverContext());
                TlsStreamsTest.echo(r, w);
            }, "127.0.0.1", 0)) {
                TlsProtocolTest.Recorder p = loop.createConnection(TlsProtocolTest.Recorder::new, "127.0.0.1",
                        server.port()).protocol();
                Transport tls = loop.startTls(p.transport, p,
                        TlsOptions.of(certs.clientContext()).serverHostname("localhost"));
                assertThat(tls.getExtraInfo("cipher")).isNotNull();
                tls.write("upgraded".getBytes(US_ASCII));
                p.awaitBytes(8);
                tls.close();
                Asyncio.await(p.lost);
                assertThat(p.calls).containsExactly("connectionMade", "dataReceived", "eofReceived", "connectionLost");
                return p.received.toString(US_ASCII);
            }
        });
        assertThat(got).isEqualTo("upgraded");
    }

    /** A failed upgrade (the server's certificate is not trusted) raises and closes the connection. */
    @Test
    void failedUpgradeClosesConnection() throws Exception {
        TestCerts certs = TestCerts.get();
        Asyncio.run(() -> {
            Future<Throwable> serverError = Asyncio.getRunningLoop().createFuture();
            try (Server server = Streams.startServer((r, w) -> {
                try {
                    w.startTls(certs.untrustedServerContext());
                    serverError.setResult(null);
                } catch (Exception e) {
                    serverError.setResult(e);
                }
            }, "127.0.0.1", 0)) {
                Connection c = Streams.openConnection("127.0.0.1", server.port());
                assertThatThrownBy(() -> c.writer().startTls(
                        TlsOptions.of(certs.clientContext()).serverHostname("localhost")))
                        .isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("not trusted");
                assertThat(c.writer().isClosing()).isTrue();
                assertThat(Asyncio.await(serverError)).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("TLS handshake with client 127.0.0.1:");
            }
        });
    }
}
