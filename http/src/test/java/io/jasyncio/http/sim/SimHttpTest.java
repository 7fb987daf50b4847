package io.jasyncio.http.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.http.client.ClientOSError;
import io.jasyncio.http.client.ClientPayloadError;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.ClientTimeout;
import io.jasyncio.http.client.Dialer;
import io.jasyncio.http.client.ServerTimeoutError;
import io.jasyncio.http.web.AppRunner;
import io.jasyncio.http.web.Application;
import io.jasyncio.http.web.Response;
import io.jasyncio.http.web.ServerSite;
import io.jasyncio.http.web.StreamResponse;
import io.jasyncio.testing.AsyncTest;
import io.jasyncio.testing.net.SimNetwork;
import java.net.SocketException;
import java.util.Arrays;

/** The HTTP server and client, unchanged, over the testing module's simulated network. */
class SimHttpTest {

    private static final byte[] BIG = pattern(200_000);

    private static byte[] pattern(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (i % 251);
        }
        return out;
    }

    /** An app with a large and a small resource, served by a runner on the host "server", port 80. */
    private static AppRunner serve(SimNetwork net) throws Exception {
        Application app = new Application();
        app.router().addGet("/big", req -> Response.bytes(BIG));
        app.router().addGet("/small", req -> Response.text("still serving"));
        AppRunner runner = new AppRunner(app);
        runner.setup();
        new ServerSite(runner, "http://server:80", protocols -> net.host("server").listen(80, protocols)).start();
        return runner;
    }

    private static ClientSession client(SimNetwork net) {
        return clientBuilder(net).build();
    }

    private static ClientSession.Builder clientBuilder(SimNetwork net) {
        return ClientSession.builder()
                .dialer(Dialer.overStreams((host, port) -> net.host("client").openConnection(host, port)));
    }

    /** A request crosses the network with its latency: one round trip to connect, one for the exchange. */
    @AsyncTest
    void requestTakesTwoRoundTripsOnAFreshConnection(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.link("client", "server").latency(0.05);
        AppRunner runner = serve(net);
        try (ClientSession session = client(net)) {
            double start = loop.time();
            try (ClientResponse r = session.get("http://server/small")) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("still serving");
            }
            assertThat(loop.time() - start).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
        } finally {
            runner.cleanup();
        }
    }

    /**
     * The acceptance test: a reset injected mid-body makes the client raise
     * ClientPayloadError (its cause the reset, naming the server), and the server keeps serving the
     * next request, on a new connection.
     */
    @AsyncTest
    void resetMidBodyRaisesClientPayloadErrorAndTheServerKeepsServing(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.onConnection(c -> {
            if (net.connections().size() == 1) {
                c.resetAfter("server", 50_000);
            }
        });
        AppRunner runner = serve(net);
        try (ClientSession session = client(net)) {
            try (ClientResponse r = session.get("http://server/big")) {
                assertThat(r.status()).isEqualTo(200);
                assertThatThrownBy(r::read).isInstanceOf(ClientPayloadError.class)
                        .hasMessageContaining("Response payload is not completed")
                        .hasMessageContaining("/big")
                        .rootCause().isInstanceOf(SocketException.class)
                        .hasMessageContaining("Connection reset by peer").hasMessageContaining("server:80");
            }
            try (ClientResponse r = session.get("http://server/small")) {
                assertThat(r.text()).isEqualTo("still serving");
            }
            assertThat(net.connections()).hasSize(2);
            assertThat(net.connections().getFirst().isReset()).isTrue();
        } finally {
            runner.cleanup();
        }
    }

    /** A reset before any response byte is a ClientOSError (aiohttp's reraised OSError), not a payload error. */
    @AsyncTest
    void resetBeforeTheResponseIsNotAPayloadError(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.onConnection(c -> c.resetAfter("server", 0));
        AppRunner runner = serve(net);
        try (ClientSession session = client(net)) {
            assertThatThrownBy(() -> session.get("http://server/small"))
                    .isInstanceOf(ClientOSError.class).isNotInstanceOf(ClientPayloadError.class)
                    .hasMessageContaining("GET http://server/small")
                    .rootCause().isInstanceOf(SocketException.class).hasMessageContaining("Connection reset");
        } finally {
            runner.cleanup();
        }
    }

    /** A partition after connecting ends the request in the client's sock_read timeout, to the virtual second. */
    @AsyncTest
    void partitionMidRequestEndsInTheSockReadTimeout(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.onConnection(c -> {
            if (net.connections().size() == 1) {
                net.partition("client", "server");
            }
        });
        AppRunner runner = serve(net);
        try (ClientSession session = clientBuilder(net).timeout(ClientTimeout.DEFAULT.withSockRead(5)).build()) {
            double start = loop.time();
            assertThatThrownBy(() -> session.get("http://server/small")).isInstanceOf(ServerTimeoutError.class);
            assertThat(loop.time() - start).isEqualTo(5.0);
            net.heal("client", "server");
            try (ClientResponse r = session.get("http://server/small")) {
                assertThat(r.text()).isEqualTo("still serving");
            }
        } finally {
            runner.cleanup();
        }
    }

    /** A client reading 16 KiB a second paces a handler streaming 1 MiB: its writes wait for the reader. */
    @AsyncTest
    void slowClientBackPressuresAStreamingHandler(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Application app = new Application();
        double[] handlerDone = new double[1];
        app.router().addGet("/stream", req -> {
            StreamResponse resp = new StreamResponse();
            resp.prepare(req);
            for (int i = 0; i < 16; i++) {
                resp.write(Arrays.copyOfRange(BIG, 0, 64 * 1024));
            }
            resp.writeEof();
            handlerDone[0] = loop.time();
            return resp;
        });
        AppRunner runner = new AppRunner(app);
        runner.setup();
        new ServerSite(runner, "http://server:80", protocols -> net.host("server").listen(80, protocols)).start();
        try (ClientSession session = client(net); ClientResponse r = session.get("http://server/stream")) {
            int total = 0;
            for (byte[] chunk; (chunk = r.content().read(16 * 1024)).length > 0; ) {
                total += chunk.length;
                Asyncio.sleep(1);
            }
            assertThat(total).isEqualTo(16 * 64 * 1024);
            assertThat(handlerDone[0]).as("the handler waited for the slow client").isGreaterThan(30.0)
                    .isLessThan(loop.time());
        } finally {
            runner.cleanup();
        }
    }
}
