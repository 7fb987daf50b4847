package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session lifecycle: closing, loop binding, leak reports, the seeds' concurrent downloads. */
class SessionTest {

    /** The seeds' pattern: many concurrent downloads through one session, gathered. */
    @Test
    void concurrentDownloadsWithGather() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("file " + r.head().target()));
        List<String> got = VirtualTimeLoop.run(() -> {
            try (ClientSession session = server.session()) {
                List<Task<String>> tasks = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String url = "http://example.com/file" + i;
                    tasks.add(Asyncio.createTask(() -> {
                        try (ClientResponse response = session.get(url)) {
                            return response.text();
                        }
                    }));
                }
                return Asyncio.gather(tasks);
            }
        });
        assertThat(got).hasSize(200).startsWith("file /file0").endsWith("file /file199");
        assertThat(server.dials).isEqualTo(100); // the default limit
    }

    /** A closed session refuses requests and closes the connector it owns. */
    @Test
    void closedSessionRefuses() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        VirtualTimeLoop.run(() -> {
            ClientSession s = server.session();
            s.get("http://h/").read();
            s.close();
            assertThat(s.isClosed()).isTrue();
            assertThat(s.connector().isClosed()).isTrue();
            assertThat(server.connections.getFirst().client.closed).isTrue();
            assertThatThrownBy(() -> s.get("http://h/")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        });
    }

    /** A connector given with connectorOwner(false) survives the session. */
    @Test
    void sharedConnectorSurvives() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        VirtualTimeLoop.run(() -> {
            TcpConnector c = TcpConnector.builder().dialer(server).build();
            try (ClientSession s = ClientSession.builder().connector(c).connectorOwner(false).build()) {
                s.get("http://h/").read();
            }
            assertThat(c.isClosed()).isFalse();
            try (ClientSession s = ClientSession.builder().connector(c).build()) {
                s.get("http://h/").read();
            }
            assertThat(c.isClosed()).isTrue();
        });
        assertThat(server.dials).isEqualTo(1);
    }

    /** Requests outside a task fail at once with a message pointing at Asyncio.run. */
    @Test
    void outsideATask() {
        try (ClientSession s = new ClientSession()) {
            assertThatThrownBy(() -> s.get("http://h/")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("loop");
        }
    }

    /** A session used on one loop refuses another. */
    @Test
    void boundToOneLoop() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        ClientSession s = server.session();
        VirtualTimeLoop.run(() -> s.get("http://h/").read());
        VirtualTimeLoop.run(() -> {
            assertThatThrownBy(() -> s.get("http://h/")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another event loop");
        });
        s.close();
    }

    /** TLS options and a given connector are refused together. */
    @Test
    void tlsBelongsToConnector() {
        assertThatThrownBy(() -> ClientSession.builder().connector(new TcpConnector()).insecureSkipTlsVerify().build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TcpConnector.builder().insecureSkipTlsVerify().build().tls().verify()).isFalse();
        assertThat(new TcpConnector().tls().verify()).isTrue();
    }

    /** A session dropped without close is reported through its loop's exception handler. */
    @Test
    void unclosedSessionReported() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        List<Map<String, Object>> reports = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            loop.runUntilComplete(() -> {
                useAndDrop(server);
                for (int i = 0; i < 200 && reports.isEmpty(); i++) {
                    System.gc();
                    Asyncio.sleep(0.01);
                }
            });
        }
        assertThat(reports).anySatisfy(ctx -> assertThat((String) ctx.get("message"))
                .startsWith("Unclosed client session"));
    }

    private static void useAndDrop(FakeServer server) throws Exception {
        ClientSession s = server.session();
        s.get("http://h/").read();
    }

    /** A closed session is not reported when collected. */
    @Test
    void closedSessionNotReported() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        List<Map<String, Object>> reports = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            loop.runUntilComplete(() -> {
                useAndClose(server);
                for (int i = 0; i < 20; i++) {
                    System.gc();
                    Asyncio.sleep(0.01);
                }
            });
        }
        assertThat(reports).noneSatisfy(ctx -> assertThat(String.valueOf(ctx.get("message")))
                .contains("Unclosed client session"));
    }

    private static void useAndClose(FakeServer server) throws Exception {
        try (ClientSession s = server.session()) {
            s.get("http://h/").read();
        }
    }
}
