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
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing a TLS connection (CPython's test_sslproto.py: the shutdown cases): close_notify both
 * ways, a close bounded by the shutdown timeout when the peer never answers, an EOF without
 * close_notify read as an end.
 */
@Timeout(30)
class TlsCloseTest {

    /** A close answered by the peer ends cleanly and at once: both sides see an end, no error. */
    @Test
    void closeNotifyAnswered() throws Exception {
        TestCerts certs = TestCerts.get();
        Asyncio.run(() -> {
            Future<byte[]> serverSaw = Asyncio.getRunningLoop().createFuture();
            try (Server server = Streams.startServer((r, w) -> {
                serverSaw.setResult(r.read());
                w.close();
                w.waitClosed();
            }, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                c.writer().write("last words".getBytes(US_ASCII));
                c.writer().close();
                assertThat(c.writer().isClosing()).isTrue();
                c.writer().waitClosed();
                assertThat(new String(Asyncio.await(serverSaw), US_ASCII)).isEqualTo("last words");
            }
        });
    }

    /**
     * A peer that completes the handshake and then never reads (so never answers close_notify):
     * the close is aborted after the shutdown timeout, and waitClosed reports it.
     */
    @Test
    void closeBoundedWhenPeerNeverAnswers() throws Exception {
        TestCerts certs = TestCerts.get();
        SSLContext serverCtx = certs.serverContext();
        CountDownLatch release = new CountDownLatch(1);
        try (SSLServerSocket listener = (SSLServerSocket) serverCtx.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofPlatform().daemon().start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.startHandshake();
                    release.await(); // never reads: close_notify stays unanswered
                } catch (Exception ignored) {
                    // the test ends it
                }
            });
            double[] elapsed = new double[1];
            try {
                Throwable e = Asyncio.run(() -> {
                    EventLoop loop = Asyncio.getRunningLoop();
                    Connection c = Streams.openConnection("localhost", listener.getLocalPort(),
                            TlsOptions.of(certs.clientContext()).shutdownTimeout(Duration.ofMillis(200)));
                    double t0 = loop.time();
                    c.writer().close();
                    try {
                        c.writer().waitClosed();
                        return null;
                    } catch (Exception failed) {
                        return failed;
                    } finally {
                        elapsed[0] = loop.time() - t0;
                    }
                });
                assertThat(e).isInstanceOf(SocketTimeoutException.class)
                        .hasMessageContaining("TLS shutdown with localhost (127.0.0.1:")
                        .hasMessageContaining("did not answer close_notify");
                assertThat(elapsed[0]).isBetween(0.19, 5.0);
            } finally {
                release.countDown();
                peer.join(5000);
            }
        }
    }

    /** A peer that closes TCP without close_notify: the reader gets an end of file, as CPython's. */
    @Test
    void eofWithoutCloseNotifyIsAnEnd() throws Exception {
        TestCerts certs = TestCerts.get();
        SSLContext serverCtx = certs.serverContext();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofPlatform().daemon().start(() -> {
                try (Socket plain = listener.accept()) {
                    SSLSocket s = (SSLSocket) serverCtx.getSocketFactory().createSocket(plain,
                            new InetSocketAddress(0).getHostString(), plain.getPort(), false);
                    s.setUseClientMode(false);
                    s.startHandshake();
                    s.getOutputStream().write("truncated".getBytes(US_ASCII));
                    s.getOutputStream().flush();
                    InputStream in = s.getInputStream();
                    in.read(); // the client's "go"
                    plain.shutdownOutput(); // FIN, no close_notify
                    plain.getInputStream().read(new byte[1024]); // until the client goes
                } catch (Exception ignored) {
                    // the client may reset it
                }
            });
            byte[] got = Asyncio.run(() -> {
                Connection c = Streams.openConnection("localhost", listener.getLocalPort(), certs.clientContext());
                byte[] first = c.reader().readExactly(9);
                c.writer().write(new byte[] {'g'});
                assertThat(c.reader().read()).isEmpty();
                assertThat(c.reader().atEof()).isTrue();
                c.writer().close();
                c.writer().waitClosed();
                return first;
            });
            assertThat(new String(got, US_ASCII)).isEqualTo("truncated");
            peer.join(5000);
        }
    }

    /** abort() closes at once, without a TLS close; the server's handler reads an end or an error. */
    @Test
    void abortIsImmediate() throws Exception {
        TestCerts certs = TestCerts.get();
        Asyncio.run(() -> {
            Future<Boolean> serverDone = Asyncio.getRunningLoop().createFuture();
            try (Server server = Streams.startServer((r, w) -> {
                try {
                    r.read();
                } catch (Exception reset) {
                    // a reset is fine too
                }
                serverDone.setResult(true);
            }, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                c.writer().transport().abort();
                assertThat(c.writer().isClosing()).isTrue();
                c.writer().waitClosed();
                assertThat(Asyncio.await(serverDone)).isTrue();
            }
        });
    }

    /** Writes after close are dropped (and drain reports the closed connection), as on plain sockets. */
    @Test
    void writeAfterCloseDropped() throws Exception {
        TestCerts certs = TestCerts.get();
        Asyncio.run(() -> {
            Future<byte[]> serverSaw = Asyncio.getRunningLoop().createFuture();
            try (Server server = Streams.startServer((r, w) -> {
                serverSaw.setResult(r.read());
                w.close();
            }, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                c.writer().write("kept".getBytes(US_ASCII));
                c.writer().close();
                c.writer().write("dropped".getBytes(US_ASCII));
                c.writer().waitClosed();
                assertThatThrownBy(() -> c.writer().drain()).isInstanceOf(java.io.IOException.class);
                assertThat(new String(Asyncio.await(serverSaw), US_ASCII)).isEqualTo("kept");
            }
        });
    }

    /** A server whose handler closes: the client's reader ends, and the server's count of clients drops to 0. */
    @Test
    void serverClientsAccounted() throws Exception {
        TestCerts certs = TestCerts.get();
        Asyncio.run(() -> {
            try (Server server = Streams.startServer((r, w) -> {
                w.close();
                w.waitClosed();
            }, "127.0.0.1", 0, certs.serverContext())) {
                Connection c = Streams.openConnection("localhost", server.port(), certs.clientContext());
                assertThat(c.reader().read()).isEmpty();
                c.writer().close();
                c.writer().waitClosed();
                for (int i = 0; i < 100 && server.activeConnections() > 0; i++) {
                    Asyncio.sleep(0.01);
                }
                assertThat(server.activeConnections()).isZero();
            }
        });
    }
}
