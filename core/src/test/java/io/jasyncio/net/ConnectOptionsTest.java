package io.jasyncio.net;

import static io.jasyncio.Asyncio.getRunningLoop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connection and server options: local address, family, TCP_NODELAY, validation. */
@Timeout(30)
class ConnectOptionsTest {

    /** A local address given in the options is the connection's sockname. */
    @Test
    void localAddressIsBound() throws Exception {
        Asyncio.run(() -> {
            try (Server server = getRunningLoop().createServer(RecordingProtocol::new, "127.0.0.1", 0)) {
                var tp = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port(),
                        ConnectOptions.defaults().localAddress(new InetSocketAddress("127.0.0.2", 0)));
                InetSocketAddress local = (InetSocketAddress) tp.transport().getExtraInfo("sockname");
                assertThat(local.getAddress().getHostAddress()).isEqualTo("127.0.0.2");
                tp.transport().close();
            }
        });
    }

    /** The family option keeps only that family's addresses of a host, and says so when there are none. */
    @Test
    void familyFiltersTheHostsAddresses() throws Exception {
        Asyncio.run(() -> {
            try (Server server = getRunningLoop().createServer(RecordingProtocol::new, "127.0.0.1", 0)) {
                var ok = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port(),
                        ConnectOptions.defaults().family(StandardProtocolFamily.INET));
                ok.transport().close();
                assertThatThrownBy(() -> getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1",
                        server.port(), ConnectOptions.defaults().family(StandardProtocolFamily.INET6)))
                        .isInstanceOf(UnknownHostException.class)
                        .hasMessageContaining("127.0.0.1").hasMessageContaining("INET6");
            }
        });
    }

    /** TCP_NODELAY can be turned off for a client connection. */
    @Test
    void noDelayCanBeTurnedOff() throws Exception {
        Asyncio.run(() -> {
            try (Server server = getRunningLoop().createServer(RecordingProtocol::new, "127.0.0.1", 0)) {
                var tp = getRunningLoop().createConnection(RecordingProtocol::new, "127.0.0.1", server.port(),
                        ConnectOptions.defaults().noDelay(false));
                SocketChannel ch = (SocketChannel) tp.transport().getExtraInfo("socket");
                assertThat(ch.getOption(StandardSocketOptions.TCP_NODELAY)).isFalse();
                tp.transport().close();
            }
        });
    }

    /** Options are values: withers return copies, equal options are equal, bad values are refused. */
    @Test
    void optionsAreValidatedValues() {
        ConnectOptions a = ConnectOptions.defaults().connectTimeout(Duration.ofSeconds(2));
        assertThat(a).isEqualTo(ConnectOptions.defaults().connectTimeout(Duration.ofSeconds(2)));
        assertThat(ConnectOptions.defaults().connectTimeout()).isNull();
        assertThatThrownBy(() -> ConnectOptions.defaults().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerOptions.defaults().backlog(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerOptions.defaults().limit(-1)).isInstanceOf(IllegalArgumentException.class);
        ServerOptions s = ServerOptions.defaults();
        assertThat(s.backlog()).isEqualTo(100);
        assertThat(s.reuseAddress()).isTrue();
        assertThat(s.reusePort()).isFalse();
        assertThat(s.noDelay()).isTrue();
        assertThat(s.limit()).isEqualTo(64 * 1024);
        assertThat(s.reusePort(true)).isNotEqualTo(s);
        assertThat(DatagramOptions.defaults().allowBroadcast(true).allowBroadcast()).isTrue();
    }

    /** Calling a suspending loop method outside a task fails at once, saying to use a task. */
    @Test
    void createConnectionOutsideATaskFailsClearly() throws Exception {
        try (io.jasyncio.EventLoop loop = io.jasyncio.EventLoop.create()) {
            assertThatThrownBy(() -> loop.createConnection(RecordingProtocol::new, "127.0.0.1", 1))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a task");
        }
    }
}
