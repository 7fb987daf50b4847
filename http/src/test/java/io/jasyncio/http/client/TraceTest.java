package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TraceConfig signals, in order (aiohttp's test_client_functional.py trace tests). */
class TraceTest {

    /** A redirected request then a reused one produce the expected signal sequence. */
    @Test
    void signalsInOrder() throws Exception {
        FakeServer server = FakeServer.responding(r -> r.head().target().equals("/r")
                ? "HTTP/1.1 302 Found\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n" : FakeServer.ok("x"));
        List<String> seen = new ArrayList<>();
        TraceConfig trace = new TraceConfig()
                .onRequestStart(e -> seen.add("start " + e.url().rawPath()))
                .onRequestRedirect(e -> seen.add("redirect " + e.response().status()))
                .onRequestEnd(e -> seen.add("end " + e.response().status()))
                .onConnectionCreateStart(e -> seen.add("create-start " + e.key().host()))
                .onConnectionCreateEnd(e -> seen.add("create-end"))
                .onConnectionReuseconn(e -> seen.add("reuse"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(server).traceConfig(trace).build()) {
                s.get("http://h/r").read();
                s.get("http://h/x").read();
            }
        });
        assertThat(seen).containsExactly("start /r", "create-start h", "create-end", "redirect 302",
                "start /x", "reuse", "end 200", "start /x", "reuse", "end 200");
    }

    /** A failing request signals request-exception with the error. */
    @Test
    void exceptionSignal() throws Exception {
        List<Throwable> errors = new ArrayList<>();
        TraceConfig trace = new TraceConfig().onRequestException(e -> errors.add(e.exception()));
        Dialer refusing = (key, tls) -> {
            throw new java.net.ConnectException("refused");
        };
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(refusing).traceConfig(trace).build()) {
                try {
                    s.get("http://h/");
                } catch (ClientConnectorError expected) {
                    // checked below
                }
            }
        });
        assertThat(errors).singleElement().isInstanceOf(ClientConnectorError.class);
    }

    /** Waiting for a pool slot signals queued-start and queued-end. */
    @Test
    void queuedSignals() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        List<String> seen = new ArrayList<>();
        TraceConfig trace = new TraceConfig()
                .onConnectionQueuedStart(e -> seen.add("queued"))
                .onConnectionQueuedEnd(e -> seen.add("dequeued"));
        VirtualTimeLoop.run(() -> {
            TcpConnector c = TcpConnector.builder().limit(1).dialer(server).build();
            try (ClientSession s = ClientSession.builder().connector(c).traceConfig(trace).build()) {
                ClientResponse first = s.get("http://h/");
                var second = io.jasyncio.Asyncio.createTask(() -> s.get("http://h/").read());
                io.jasyncio.Asyncio.sleep(0);
                assertThat(seen).containsExactly("queued");
                first.read();
                io.jasyncio.Asyncio.await(second);
            }
        });
        assertThat(seen).containsExactly("queued", "dequeued");
    }

    /** A listener that throws fails the request without leaking its pool slot. */
    @Test
    void throwingListenerReleasesSlot() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        TraceConfig trace = new TraceConfig().onRequestEnd(e -> {
            throw new IllegalStateException("listener failed");
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(server).traceConfig(trace).build()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.get("http://h/"))
                        .hasMessage("listener failed");
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }
}
