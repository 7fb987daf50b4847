package io.jasyncio.net.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.net.Streams;
import io.jasyncio.net.TlsOptions;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Handshake failures give an {@link SSLHandshakeException} whose message names the host and the
 * reason, and leave the loop's other connections alone (CPython's test_ssl.py: the
 * bad-certificate, wrong-host-name and timeout cases).
 */
@Timeout(30)
class TlsHandshakeErrorsTest {

    private static Throwable connectError(TlsOptions serverTls, String host, TlsOptions clientTls) throws Exception {
        return Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, serverTls)) {
                try {
                    Streams.openConnection(host, server.port(), clientTls).writer().close();
                    return null;
                } catch (Exception e) {
                    return e;
                }
            }
        });
    }

    /** A server certificate from no trusted CA: the client's error says so and names the host. */
    @Test
    void untrustedCertificate() throws Exception {
        TestCerts certs = TestCerts.get();
        Throwable e = connectError(TlsOptions.of(certs.untrustedServerContext()), "localhost",
                TlsOptions.of(certs.clientContext()));
        assertThat(e).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("TLS handshake with localhost (127.0.0.1:")
                .hasMessageContaining("the server's certificate is not trusted");
        assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
    }

    /** A trusted certificate for another name: the error names the name that was checked. */
    @Test
    void wrongHostName() throws Exception {
        TestCerts certs = TestCerts.get();
        Throwable e = connectError(TlsOptions.of(certs.serverContext()), "127.0.0.1",
                TlsOptions.of(certs.clientContext()).serverHostname("wrong.example"));
        assertThat(e).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("TLS handshake with wrong.example (127.0.0.1:")
                .hasMessageContaining("not valid for the host name")
                .hasMessageContaining("wrong.example found");
    }

    /** With the host name check off (and only then) a certificate for another name is accepted. */
    @Test
    void hostNameCheckOff() throws Exception {
        TestCerts certs = TestCerts.get();
        Throwable e = connectError(TlsOptions.of(certs.serverContext()), "127.0.0.1",
                TlsOptions.of(certs.clientContext()).serverHostname("wrong.example").checkHostname(false));
        assertThat(e).isNull();
    }

    /** No protocol version in common (TLS 1.2 client, TLS 1.3 server). */
    @Test
    void protocolMismatch() throws Exception {
        TestCerts certs = TestCerts.get();
        Throwable e = connectError(
                TlsOptions.of(certs.serverContext()).engineConfigurator(en -> en.setEnabledProtocols(new String[] {"TLSv1.3"})),
                "localhost",
                TlsOptions.of(certs.clientContext()).engineConfigurator(en -> en.setEnabledProtocols(new String[] {"TLSv1.2"})));
        assertThat(e).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("TLS handshake with localhost (127.0.0.1:")
                .hasMessageContaining("no TLS protocol version in common");
    }

    /** No ALPN protocol in common: the server refuses the handshake (the JDK's behaviour). */
    @Test
    void alpnMismatch() throws Exception {
        TestCerts certs = TestCerts.get();
        Throwable e = connectError(TlsOptions.of(certs.serverContext()).alpnProtocols("http/1.1"), "localhost",
                TlsOptions.of(certs.clientContext()).alpnProtocols("h2"));
        assertThat(e).isInstanceOf(SSLHandshakeException.class).hasMessageContaining("no ALPN protocol in common");
    }

    /** A server that needs a client certificate and gets none refuses; the client hears why. */
    @Test
    void missingClientCertificate() throws Exception {
        TestCerts certs = TestCerts.get();
        Throwable e = Asyncio.run(() -> {
            TlsOptions serverTls = TlsOptions.of(certs.serverContext()).engineConfigurator(en -> en.setNeedClientAuth(true));
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, serverTls)) {
                Connection c;
                try {
                    c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                } catch (SSLHandshakeException failed) {
                    return failed; // TLS 1.2 style: during the handshake
                }
                // TLS 1.3: the client finishes first and hears the refusal on its first read.
                try {
                    c.reader().read();
                    return null;
                } catch (Exception failed) {
                    return failed;
                }
            }
        });
        assertThat(e).isInstanceOf(javax.net.ssl.SSLException.class).hasMessageContaining("certificate_required");
    }

    /** A peer that accepts but never answers: the handshake timeout aborts it, naming the host. */
    @Test
    void handshakeTimeout() throws Exception {
        TestCerts certs = TestCerts.get();
        Throwable e = Asyncio.run(() -> {
            try (Server silent = Streams.startServer((r, w) -> r.read(), "127.0.0.1", 0)) {
                try {
                    Streams.openConnection("localhost", silent.port(),
                            TlsOptions.of(certs.clientContext()).handshakeTimeout(Duration.ofMillis(200)));
                    return null;
                } catch (Exception failed) {
                    return failed;
                }
            }
        });
        assertThat(e).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("TLS handshake with localhost (127.0.0.1:")
                .hasMessageContaining("did not complete within 0.2 s");
    }

    /** A client that connects and never says hello: the server aborts it after its handshake timeout. */
    @Test
    void serverHandshakeTimeout() throws Exception {
        TestCerts certs = TestCerts.get();
        double[] waited = new double[1];
        int[] active = new int[1];
        Asyncio.run(() -> {
            io.jasyncio.EventLoop loop = Asyncio.getRunningLoop();
            TlsOptions tls = TlsOptions.of(certs.serverContext()).handshakeTimeout(Duration.ofMillis(200));
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0,
                    io.jasyncio.net.ServerOptions.defaults(), tls)) {
                Connection mute = Streams.openConnection("127.0.0.1", server.port());
                double t0 = loop.time();
                try {
                    assertThat(mute.reader().read()).isEmpty();
                } catch (java.io.IOException reset) {
                    // an abort may reach us as a reset
                }
                waited[0] = loop.time() - t0;
                mute.writer().close();
                for (int i = 0; i < 100 && server.activeConnections() > 0; i++) {
                    Asyncio.sleep(0.01);
                }
                active[0] = server.activeConnections();
            }
        });
        assertThat(waited[0]).isBetween(0.19, 5.0);
        assertThat(active[0]).isZero();
    }

    /** A plain-text service answering a ClientHello: the error says the peer does not speak TLS. */
    @Test
    void peerDoesNotSpeakTls() throws Exception {
        TestCerts certs = TestCerts.get();
        Throwable e = Asyncio.run(() -> {
            try (Server plain = Streams.startServer((r, w) -> {
                w.write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(US_ASCII));
                w.close();
            }, "127.0.0.1", 0)) {
                try {
                    Streams.openConnection("localhost", plain.port(), certs.clientContext());
                    return null;
                } catch (Exception failed) {
                    return failed;
                }
            }
        });
        assertThat(e).isInstanceOf(SSLHandshakeException.class).hasMessageContaining("does not speak TLS");
    }

    /** A peer that closes during the handshake: the error says so. */
    @Test
    void peerClosesDuringHandshake() throws Exception {
        TestCerts certs = TestCerts.get();
        Throwable e = Asyncio.run(() -> {
            try (Server closing = Streams.startServer((r, w) -> w.close(), "127.0.0.1", 0)) {
                try {
                    Streams.openConnection("localhost", closing.port(), certs.clientContext());
                    return null;
                } catch (Exception failed) {
                    return failed;
                }
            }
        });
        assertThat(e).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("the peer closed the connection during the handshake");
    }

    /** A failing handshake leaves an established connection and the server's later ones working. */
    @Test
    void otherConnectionsUnaffected() throws Exception {
        TestCerts certs = TestCerts.get();
        String out = Asyncio.run(() -> {
            try (Server server = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0, certs.serverContext())) {
                Connection a = Streams.openConnection("localhost", server.port(), certs.clientContext());
                a.writer().write("one\n".getBytes(US_ASCII));
                String first = new String(a.reader().readLine(), US_ASCII);
                assertThatThrownBy(() -> Streams.openConnection("127.0.0.1", server.port(),
                        TlsOptions.of(certs.clientContext()).serverHostname("wrong.example")))
                        .isInstanceOf(SSLHandshakeException.class);
                assertThatThrownBy(() -> Streams.openConnection("localhost", server.port(), certs.context(null, false)))
                        .isInstanceOf(SSLHandshakeException.class);
                a.writer().write("two\n".getBytes(US_ASCII));
                String second = new String(a.reader().readLine(), US_ASCII);
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                c.writer().write("three\n".getBytes(US_ASCII));
                String third = new String(c.reader().readLine(), US_ASCII);
                a.writer().close();
                c.writer().close();
                return first + second + third;
            }
        });
        assertThat(out).isEqualTo("one\ntwo\nthree\n");
    }

    /** A client over startTls that checks host names must be told which one: a clear error before any I/O. */
    @Test
    void startTlsClientNeedsHostName() throws Exception {
        TestCerts certs = TestCerts.get();
        Asyncio.run(() -> {
            try (Server plain = Streams.startServer(TlsStreamsTest::echo, "127.0.0.1", 0)) {
                Connection c = Streams.openConnection("127.0.0.1", plain.port());
                assertThatThrownBy(() -> c.writer().startTls(certs.clientContext()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("serverHostname");
                c.writer().close();
            }
        });
    }
}
