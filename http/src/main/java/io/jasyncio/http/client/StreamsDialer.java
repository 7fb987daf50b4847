package io.jasyncio.http.client;

import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.Streams;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;

/**
 * The default {@link Dialer}: plain TCP through {@code Streams.openConnection}, which resolves
 * the host name off the loop thread and sets {@code TCP_NODELAY}; optionally bound to a local
 * address. {@code https} fails with a {@link ConnectException} until the network layer has TLS.
 *
 * <p>Immutable; the connections it makes belong to the calling task's loop.
 */
final class StreamsDialer implements Dialer {

    private final InetSocketAddress localAddress;

    StreamsDialer(InetSocketAddress localAddress) {
        this.localAddress = localAddress;
    }

    @Override
    public ClientConnection dial(ConnectionKey key, TlsPolicy tls) throws IOException {
        if (key.isSecure()) {
            throw new ConnectException("https is not available yet: the network layer has no TLS (" + key + ")");
        }
        ConnectOptions options = ConnectOptions.defaults();
        if (localAddress != null) {
            options = options.localAddress(localAddress);
        }
        return new StreamConnection(Streams.openConnection(key.host(), key.port(), options));
    }
}
