package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** ClientTimeout: each deadline expires on virtual time and names its phase (aiohttp's timeout tests). */
class TimeoutTest {

    private static Future<?>[] never = new Future<?>[1];

    /** A server that reads the request and never answers. */
    private static FakeServer silent() {
        return new FakeServer(conn -> {
            conn.readRequest();
            Asyncio.sleep(1e6);
        });
    }

    /** A dialer that never connects. */
    private static Dialer hangingDialer() {
        return (key, tls) -> {
            Asyncio.sleep(1e6);
            throw new AssertionError("unreachable");
        };
    }

    /** sock_read expires while waiting for the head: SocketTimeoutError naming sock_read and the request. */
    @Test
    void sockReadOnHead() throws Exception {
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(silent())
                    .timeout(ClientTimeout.DEFAULT.withSockRead(2)).build()) {
                double t0 = Asyncio.getRunningLoop().time();
                assertThatThrownBy(() -> s.get("http://h/slow")).isInstanceOfSatisfying(SocketTimeoutError.class, e -> {
                    assertThat(e.phase()).isEqualTo(TimeoutPhase.SOCK_READ);
                    assertThat(e.getMessage()).contains("sock_read").contains("GET http://h/slow");
                    assertThat(e.getCause()).isInstanceOf(io.jasyncio.TimeoutError.class);
                });
                assertThat(Asyncio.getRunningLoop().time() - t0).isEqualTo(2.0);
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** sock_read also bounds each wait while reading the body. */
    @Test
    void sockReadOnBody() throws Exception {
        FakeServer server = new FakeServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf");
            Asyncio.sleep(1e6);
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(server)
                    .timeout(ClientTimeout.DEFAULT.withSockRead(1)).build();
                    ClientResponse r = s.get("http://h/")) {
                assertThatThrownBy(r::read).isInstanceOf(SocketTimeoutError.class);
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** A trickling server resets sock_read with each byte but still hits the total deadline. */
    @Test
    void totalBoundsWholeRequestIncludingBody() throws Exception {
        FakeServer server = new FakeServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
            for (int i = 0; i < 100; i++) {
                Asyncio.sleep(1);
                conn.write("x");
            }
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(server)
                    .timeout(ClientTimeout.NONE.withTotal(10).withSockRead(2)).build()) {
                double t0 = Asyncio.getRunningLoop().time();
                try (ClientResponse r = s.get("http://h/")) {
                    assertThatThrownBy(r::read).isInstanceOfSatisfying(ServerTimeoutError.class, e -> {
                        assertThat(e.phase()).isEqualTo(TimeoutPhase.TOTAL);
                        assertThat(e).isNotInstanceOf(SocketTimeoutError.class);
                        assertThat(e.getMessage()).contains("total timeout of 10.0 s");
                    });
                }
                assertThat(Asyncio.getRunningLoop().time() - t0).isEqualTo(10.0);
            }
        });
    }

    /** sock_connect bounds a dial that hangs: ConnectionTimeoutError naming sock_connect. */
    @Test
    void sockConnect() throws Exception {
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(hangingDialer()).build()) {
                double t0 = Asyncio.getRunningLoop().time();
                assertThatThrownBy(() -> s.get("http://h/")).isInstanceOfSatisfying(ConnectionTimeoutError.class,
                        e -> assertThat(e.phase()).isEqualTo(TimeoutPhase.SOCK_CONNECT));
                assertThat(Asyncio.getRunningLoop().time() - t0).isEqualTo(30.0); // the default
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** connect bounds the wait for a pool slot: ConnectionTimeoutError naming connect. */
    @Test
    void connectIncludesQueueWait() throws Exception {
        VirtualTimeLoop.run(() -> {
            TcpConnector c = TcpConnector.builder().limit(1).dialer(silent()).build();
            try (ClientSession s = ClientSession.builder().connector(c)
                    .timeout(ClientTimeout.NONE.withConnect(3)).build()) {
                Task<ClientResponse> holder = Asyncio.createTask(() -> s.get("http://h/"));
                Asyncio.sleep(1);
                assertThatThrownBy(() -> s.get("http://h/")).isInstanceOfSatisfying(ConnectionTimeoutError.class, e -> {
                    assertThat(e.phase()).isEqualTo(TimeoutPhase.CONNECT);
                    assertThat(e.getMessage()).contains("connect timeout of 3.0 s");
                });
                assertThat(c.waiting()).isZero();
                assertThat(c.inUse()).isEqualTo(1);
                holder.cancel();
                assertThatThrownBy(() -> Asyncio.await(holder)).isInstanceOf(CancelledError.class);
                assertThat(c.inUse()).isZero();
            }
        });
    }

    /** A per-request timeout overrides the session's. */
    @Test
    void perRequestTimeout() throws Exception {
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(silent()).build()) {
                double t0 = Asyncio.getRunningLoop().time();
                assertThatThrownBy(() -> s.get("http://h/", new RequestOptions().timeout(ClientTimeout.ofTotal(0.5))))
                        .isInstanceOf(ServerTimeoutError.class);
                assertThat(Asyncio.getRunningLoop().time() - t0).isEqualTo(0.5);
            }
        });
    }

    /** An outer cancellation during a bounded wait stays a cancellation, not a timeout. */
    @Test
    void outerCancelIsNotATimeout() throws Exception {
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(silent())
                    .timeout(ClientTimeout.DEFAULT.withSockRead(100)).build()) {
                Task<ClientResponse> t = Asyncio.createTask(() -> s.get("http://h/"));
                Asyncio.sleep(1);
                t.cancel();
                assertThatThrownBy(() -> Asyncio.await(t)).isInstanceOf(CancelledError.class);
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** The defaults are aiohttp's: total 300 s, sock_connect 30 s, no connect or sock_read. */
    @Test
    void defaults() {
        assertThat(ClientTimeout.DEFAULT.seconds(TimeoutPhase.TOTAL)).isEqualTo(300);
        assertThat(ClientTimeout.DEFAULT.seconds(TimeoutPhase.SOCK_CONNECT)).isEqualTo(30);
        assertThat(ClientTimeout.DEFAULT.connect()).isNull();
        assertThat(ClientTimeout.DEFAULT.sockRead()).isNull();
    }
}
