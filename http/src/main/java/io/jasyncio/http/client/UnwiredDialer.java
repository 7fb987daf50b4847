package io.jasyncio.http.client;

import java.io.IOException;
import java.net.ConnectException;

/**
 * The dialer of a connector built without one while the network layer is not available: every
 * dial fails with a {@link ConnectException} saying so. Stateless and thread-safe.
 */
final class UnwiredDialer implements Dialer {

    static final UnwiredDialer INSTANCE = new UnwiredDialer();

    @Override
    public ClientConnection dial(ConnectionKey key, TlsPolicy tls) throws IOException {
        throw new ConnectException("no network transport is available to the HTTP client yet: "
                + "build the TcpConnector with a Dialer");
    }
}
