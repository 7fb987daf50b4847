package io.jasyncio.net;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seeds' TCP echo server and client (the asyncio docs' {@code handle_echo} and
 * {@code tcp_echo_client}), line for line.
 */
@Timeout(30)
class EchoSeedTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private void handleEcho(StreamReader reader, StreamWriter writer) throws Exception {
        byte[] data = reader.read(1024);
        String message = new String(data, UTF_8);
        Object addr = writer.getExtraInfo("peername");

        log.add("Received " + message + " from " + addr);

        log.add("Send: " + message);
        writer.write(data);
        writer.drain();

        log.add("Close the connection");
        writer.close();
        writer.waitClosed();
    }

    private String tcpEchoClient(String message, int port) throws Exception {
        Connection c = Streams.openConnection("127.0.0.1", port);
        StreamReader reader = c.reader();
        StreamWriter writer = c.writer();

        writer.write(message.getBytes(UTF_8));
        writer.drain();

        byte[] data = reader.read(1024);

        writer.close();
        writer.waitClosed();
        return new String(data, UTF_8);
    }

    /** The echo server answers the echo client with the same message, then both close. */
    @Test
    void echoServerAndClient() throws Exception {
        String reply = Asyncio.run(() -> {
            Server server = Streams.startServer(this::handleEcho, "127.0.0.1", 0);
            int port = server.port();
            Task<Void> serving = createTask(() -> {
                try (server) {
                    server.serveForever();
                }
            });
            String r = tcpEchoClient("Hello World!", port);
            serving.cancel();
            try {
                await(serving);
            } catch (CancelledError expected) {
                // serveForever ends with the cancellation, having closed the server
            }
            assertThat(server.isServing()).isFalse();
            assertThat(server.sockets()).isEmpty();
            return r;
        });
        assertThat(reply).isEqualTo("Hello World!");
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).startsWith("Received Hello World! from /127.0.0.1:");
        assertThat(log).endsWith("Send: Hello World!", "Close the connection");
    }

    /** The server's sockets report the bound address, and port() the kernel-chosen port. */
    @Test
    void serverSocketsReportTheBoundAddress() throws Exception {
        Asyncio.run(() -> {
            try (Server server = Streams.startServer(this::handleEcho, "127.0.0.1", 0)) {
                InetSocketAddress bound = (InetSocketAddress) server.sockets().get(0).getLocalAddress();
                assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
                assertThat(bound.getPort()).isEqualTo(server.port()).isPositive();
            }
        });
    }
}
