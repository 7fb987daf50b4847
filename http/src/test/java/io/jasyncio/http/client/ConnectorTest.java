package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection pool: reuse, limits, expiry, stale connections, slots on every path (aiohttp's test_connector.py). */
class ConnectorTest {

    /** Sequential requests to one server reuse one keep-alive connection. */
    @Test
    void keepAliveReuse() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                for (int i = 0; i < 5; i++) {
                    try (ClientResponse r = s.get("http://h/")) {
                        r.read();
                    }
                }
                assertThat(s.connector().idleCount()).isEqualTo(1);
                assertThat(s.connector().inUse()).isZero();
            }
        });
        assertThat(server.dials).isEqualTo(1);
    }

    /** Connections are pooled per (scheme, host, port). */
    @Test
    void poolIsPerKey() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                for (String u : List.of("http://a/", "http://b/", "http://a:81/", "https://a/", "http://a/x")) {
                    s.get(u).read();
                }
            }
        });
        assertThat(server.dials).isEqualTo(4);
    }

    /** Connection: close from the server is honoured: the next request dials again. */
    @Test
    void connectionCloseNotReused() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                s.get("http://h/").read();
                s.get("http://h/").read();
                assertThat(s.connector().idleCount()).isZero();
            }
        });
        assertThat(server.dials).isEqualTo(2);
    }

    /** Closing a response before reading its body closes the connection instead of pooling it. */
    @Test
    void unreadBodyClosesConnection() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("unread"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                s.get("http://h/").close();
                assertThat(s.connector().idleCount()).isZero();
                assertThat(s.connector().inUse()).isZero();
                assertThat(server.connections.getFirst().client.closed).isTrue();
            }
        });
    }

    /** The connection returns to the pool as soon as the body is read, before the response is closed. */
    @Test
    void releasedAtEndOfBody() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("body"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                ClientResponse r = s.get("http://h/");
                assertThat(s.connector().inUse()).isEqualTo(1);
                r.read();
                assertThat(s.connector().inUse()).isZero();
                assertThat(s.connector().idleCount()).isEqualTo(1);
            }
        });
    }

    /** With limit 2, a third concurrent request waits for a slot and then reuses a released connection. */
    @Test
    void limitQueuesRequests() throws Exception {
        Future<?>[] gate = new Future<?>[1];
        FakeServer server = new FakeServer(conn -> {
            for (ServerSide.Req r; (r = conn.readRequest()) != null; ) {
                Asyncio.await(gate[0]);
                conn.write(FakeServer.ok("x"));
            }
            conn.close();
        });
        int[] maxInUse = {0};
        VirtualTimeLoop.run(() -> {
            gate[0] = Asyncio.getRunningLoop().createFuture();
            TcpConnector c = TcpConnector.builder().limit(2).dialer(server).build();
            try (ClientSession s = ClientSession.builder().connector(c).build()) {
                List<Task<String>> tasks = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    tasks.add(Asyncio.createTask(() -> {
                        try (ClientResponse r = s.get("http://h/")) {
                            maxInUse[0] = Math.max(maxInUse[0], c.inUse());
                            return r.text();
                        }
                    }));
                }
                Asyncio.sleep(1);
                assertThat(c.inUse()).isEqualTo(2);
                assertThat(c.waiting()).isEqualTo(3);
                ((Future<Object>) gate[0]).setResult(null);
                assertThat(Asyncio.gather(tasks)).containsOnly("x");
                assertThat(c.inUse()).isZero();
            }
        });
        assertThat(maxInUse[0]).isEqualTo(2);
        assertThat(server.dials).isEqualTo(2);
    }

    /** limitPerHost bounds one key while another key still gets connections. */
    @Test
    void limitPerHost() throws Exception {
        Future<?>[] gate = new Future<?>[1];
        FakeServer server = new FakeServer(conn -> {
            for (ServerSide.Req r; (r = conn.readRequest()) != null; ) {
                Asyncio.await(gate[0]);
                conn.write(FakeServer.ok("x"));
            }
            conn.close();
        });
        VirtualTimeLoop.run(() -> {
            gate[0] = Asyncio.getRunningLoop().createFuture();
            TcpConnector c = TcpConnector.builder().limitPerHost(1).dialer(server).build();
            try (ClientSession s = ClientSession.builder().connector(c).build()) {
                List<Task<byte[]>> tasks = new ArrayList<>();
                for (String u : List.of("http://a/", "http://a/", "http://a/", "http://b/")) {
                    tasks.add(Asyncio.createTask(() -> s.get(u).read()));
                }
                Asyncio.sleep(1);
                assertThat(c.inUse(new ConnectionKey("http", "a", 80))).isEqualTo(1);
                assertThat(c.inUse(new ConnectionKey("http", "b", 80))).isEqualTo(1);
                assertThat(c.waiting()).isEqualTo(2);
                ((Future<Object>) gate[0]).setResult(null);
                Asyncio.gather(tasks);
            }
        });
        assertThat(server.dials).isEqualTo(2);
    }

    /** An idle connection older than keepaliveTimeout is closed by the cleanup timer. */
    @Test
    void idleExpiry() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        VirtualTimeLoop.run(() -> {
            TcpConnector c = TcpConnector.builder().keepaliveTimeout(5).dialer(server).build();
            try (ClientSession s = ClientSession.builder().connector(c).build()) {
                s.get("http://h/").read();
                Asyncio.sleep(3);
                assertThat(c.idleCount()).isEqualTo(1);
                Asyncio.sleep(10);
                assertThat(c.idleCount()).isZero();
                assertThat(server.connections.getFirst().client.closed).isTrue();
                s.get("http://h/").read();
            }
        });
        assertThat(server.dials).isEqualTo(2);
    }

    /** A pooled connection the server closed while idle is detected and not used. */
    @Test
    void staleIdleConnectionSkipped() throws Exception {
        FakeServer server = new FakeServer(conn -> {
            conn.readRequest();
            conn.write(FakeServer.ok("x"));
            conn.close(); // closes right after answering, without saying so
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                s.get("http://h/").read();
                Asyncio.sleep(0.1);
                try (ClientResponse r = s.get("http://h/")) {
                    assertThat(r.text()).isEqualTo("x");
                }
            }
        });
        assertThat(server.dials).isEqualTo(2);
    }

    /** A GET on a reused connection that the server drops before answering is retried once on a new one. */
    @Test
    void idempotentRetryOnStaleConnection() throws Exception {
        int[] served = {0};
        FakeServer server = new FakeServer(conn -> {
            for (ServerSide.Req r; (r = conn.readRequest()) != null; ) {
                if (served[0]++ == 1) {
                    conn.close(); // the race: closes as the second request arrives
                    return;
                }
                conn.write(FakeServer.ok("x" + served[0]));
            }
            conn.close();
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                assertThat(s.get("http://h/").text()).isEqualTo("x1");
                assertThat(s.get("http://h/").text()).isEqualTo("x3");
                assertThat(s.connector().inUse()).isZero();
            }
        });
        assertThat(server.dials).isEqualTo(2);
    }

    /** A POST in the same situation is not retried: ServerDisconnectedError. */
    @Test
    void postIsNotRetried() throws Exception {
        int[] served = {0};
        FakeServer server = new FakeServer(conn -> {
            for (ServerSide.Req r; (r = conn.readRequest()) != null; ) {
                if (served[0]++ == 1) {
                    conn.close();
                    return;
                }
                conn.write(FakeServer.ok("x"));
            }
            conn.close();
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                s.get("http://h/").read();
                assertThatThrownBy(() -> s.post("http://h/p", new RequestOptions().data("d")))
                        .isInstanceOf(ServerDisconnectedError.class).hasMessageContaining("POST http://h/p");
                assertThat(s.connector().inUse()).isZero();
            }
        });
        assertThat(server.dials).isEqualTo(1);
    }

    /** A refused connection raises ClientConnectorError naming host and port, with the cause. */
    @Test
    void connectFailure() throws Exception {
        Dialer refusing = (key, tls) -> {
            throw new ConnectException("Connection refused");
        };
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(refusing).build()) {
                assertThatThrownBy(() -> s.get("http://nowhere.test:8081/"))
                        .isInstanceOfSatisfying(ClientConnectorError.class, e -> {
                            assertThat(e.host()).isEqualTo("nowhere.test");
                            assertThat(e.port()).isEqualTo(8081);
                            assertThat(e.getCause()).isInstanceOf(ConnectException.class);
                            assertThat(e.getMessage()).contains("nowhere.test:8081").contains("refused");
                        });
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /**
     * 10,000 failing requests of five kinds (refused, closed before answering, malformed head,
     * closed mid-body, reset mid-body) leak no pool slot and pool no broken connection, and the
     * pool still works.
     */
    @Test
    void tenThousandFailuresLeakNoSlot() throws Exception {
        int[] n = {0};
        FakeServer good = FakeServer.responding(r -> FakeServer.ok("fine"));
        FakeServer bad = new FakeServer(conn -> {
            ServerSide.Req r = conn.readRequest();
            switch (n[0]++ % 4) {
                case 0 -> conn.close();
                case 1 -> conn.write("HTTP/1.1 2OO OK\r\n\r\n");
                case 2 -> conn.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
                default -> {
                    conn.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
                    conn.reset();
                }
            }
            conn.close();
        });
        Dialer dialer = (key, tls) -> {
            if (key.host().equals("refused")) {
                throw new ConnectException("refused");
            }
            return (key.host().equals("bad") ? bad : good).dial(key, tls);
        };
        VirtualTimeLoop.run(() -> {
            TcpConnector c = TcpConnector.builder().limit(10).limitPerHost(5).dialer(dialer).build();
            try (ClientSession s = ClientSession.builder().connector(c).build()) {
                List<Task<Void>> tasks = new ArrayList<>();
                java.util.Map<Class<?>, Integer> failures = new java.util.HashMap<>();
                for (int i = 0; i < 10_000; i++) {
                    String url = i % 2 == 0 ? "http://bad/" : "http://refused/";
                    tasks.add(Asyncio.createTask(() -> {
                        try (ClientResponse r = s.get(url)) {
                            r.read();
                        } catch (ClientError e) {
                            failures.merge(e.getClass(), 1, Integer::sum);
                        }
                    }));
                }
                Asyncio.gather(tasks);
                assertThat(failures.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
                assertThat(failures).containsKeys(ClientConnectorError.class, ServerDisconnectedError.class,
                        InvalidResponseError.class, ClientPayloadError.class);
                assertThat(failures.get(ClientConnectorError.class)).isEqualTo(5_000);
                assertThat(c.inUse()).isZero();
                assertThat(c.waiting()).isZero();
                assertThat(c.idleCount()).as("no failed connection is pooled").isZero();
                try (ClientResponse r = s.get("http://good/")) {
                    assertThat(r.text()).isEqualTo("fine");
                }
            }
        });
    }

    /** Cancelling requests that wait for a slot, connect or read gives every slot back. */
    @Test
    void cancellationReleasesSlots() throws Exception {
        Future<?>[] never = new Future<?>[1];
        FakeServer hanging = new FakeServer(conn -> {
            conn.readRequest();
            Asyncio.await(never[0]);
        });
        VirtualTimeLoop.run(() -> {
            never[0] = Asyncio.getRunningLoop().createFuture();
            TcpConnector c = TcpConnector.builder().limit(3).dialer(hanging).build();
            try (ClientSession s = ClientSession.builder().connector(c).build()) {
                List<Task<ClientResponse>> tasks = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    tasks.add(Asyncio.createTask(() -> s.get("http://h/")));
                }
                Asyncio.sleep(1);
                assertThat(c.inUse()).isEqualTo(3);
                assertThat(c.waiting()).isEqualTo(3);
                for (Task<ClientResponse> t : tasks) {
                    t.cancel();
                }
                for (Task<ClientResponse> t : tasks) {
                    assertThatThrownBy(() -> Asyncio.await(t)).isInstanceOf(CancelledError.class);
                }
                assertThat(c.inUse()).isZero();
                assertThat(c.waiting()).isZero();
            }
        });
    }

    /** A slot released by a cancelled waiter that had just been granted one passes to the next waiter. */
    @Test
    void grantedThenCancelledWaiterPassesSlotOn() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        VirtualTimeLoop.run(() -> {
            TcpConnector c = TcpConnector.builder().limit(1).dialer(server).build();
            try (ClientSession s = ClientSession.builder().connector(c).build()) {
                ClientResponse holder = s.get("http://h/");
                Task<byte[]> second = Asyncio.createTask(() -> s.get("http://h/").read());
                Task<byte[]> third = Asyncio.createTask(() -> s.get("http://h/").read());
                Asyncio.sleep(0);
                assertThat(c.waiting()).isEqualTo(2);
                holder.close();   // grants the slot to `second`...
                second.cancel();  // ...which is cancelled before it runs
                assertThat(new String(Asyncio.await(third))).isEqualTo("x");
                assertThat(second.cancelled()).isTrue();
                assertThat(c.inUse()).isZero();
            }
        });
    }

    /** Closing the connector fails waiting requests and closes its connections. */
    @Test
    void closeFailsWaiters() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        VirtualTimeLoop.run(() -> {
            TcpConnector c = TcpConnector.builder().limit(1).dialer(server).build();
            ClientSession s = ClientSession.builder().connector(c).build();
            ClientResponse holder = s.get("http://h/");
            Task<ClientResponse> waiting = Asyncio.createTask(() -> s.get("http://h/"));
            Asyncio.sleep(0);
            s.close();
            assertThatThrownBy(() -> Asyncio.await(waiting)).isInstanceOf(ClientConnectionError.class)
                    .hasMessageContaining("closed");
            assertThat(server.connections.getFirst().client.closed).isTrue();
            holder.close();
            assertThat(c.isClosed()).isTrue();
        });
    }
}
