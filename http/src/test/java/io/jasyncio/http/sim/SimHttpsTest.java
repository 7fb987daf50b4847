package io.jasyncio.http.sim;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.EventLoop;
import io.jasyncio.http.TestCertificate;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.Dialer;
import io.jasyncio.http.client.TlsPolicy;
import io.jasyncio.net.Server;
import io.jasyncio.net.TlsOptions;
import io.jasyncio.testing.AsyncTest;
import io.jasyncio.testing.net.SimNetwork;
import java.io.IOException;

/** https through Dialer.overStreams: TLS layered on the simulated network's streams with startTls. */
class SimHttpsTest {

    /** A host "localhost" that answers one request over TLS, then closes. */
    private static Server httpsServer(SimNetwork net) throws Exception {
        TlsOptions tls = TlsOptions.of(TestCertificate.shared().serverContext());
        return net.host("localhost").startServer((reader, writer) -> {
            try {
                writer.startTls(tls);
                while (reader.readLine().length > 2) {
                    // skip the request head
                }
                writer.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret"
                        .getBytes(ISO_8859_1));
                writer.drain();
            } catch (IOException refusedByTheClient) {
                // the untrusting client's test expects this
            }
            writer.close();
        }, 443);
    }

    private static ClientSession.Builder client(SimNetwork net) {
        return ClientSession.builder()
                .dialer(Dialer.overStreams((host, port) -> net.host("client").openConnection(host, port)));
    }

    /** A client trusting the certificate gets the body, with the host name checked. */
    @AsyncTest
    void httpsOverTheSimulatedNetworkWithATrustedCertificate(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        net.link("client", "localhost").latency(0.01);
        Server server = httpsServer(net);
        try (ClientSession s = client(net).tls(TlsPolicy.of(TestCertificate.shared().trusting())).build();
                ClientResponse r = s.get("https://localhost/")) {
            assertThat(r.text()).isEqualTo("secret");
        }
        server.close();
        server.waitClosed();
    }

    /** The default trust store refuses the self-signed server, naming it. */
    @AsyncTest
    void httpsOverTheSimulatedNetworkRefusesAnUntrustedServer(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop);
        Server server = httpsServer(net);
        try (ClientSession s = client(net).build()) {
            assertThatThrownBy(() -> s.get("https://localhost/")).isInstanceOf(IOException.class)
                    .hasMessageContaining("localhost");
        }
        server.close();
        server.waitClosed();
    }
}
