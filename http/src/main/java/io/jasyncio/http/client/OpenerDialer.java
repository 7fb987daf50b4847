package io.jasyncio.http.client;

import io.jasyncio.net.Connection;
import java.io.IOException;

/**
 * The {@link Dialer} of {@link Dialer#overStreams(StreamOpener)}: opens the connection with the
 * opener and, for {@code https}, upgrades it with {@code StreamWriter.startTls} under the same TLS
 * policy as the default dialer. Immutable.
 */
final class OpenerDialer implements Dialer {

    private final StreamOpener opener;

    OpenerDialer(StreamOpener opener) {
        this.opener = opener;
    }

    @Override
    public ClientConnection dial(ConnectionKey key, TlsPolicy tls) throws IOException {
        Connection c = opener.open(key.host(), key.port());
        if (c == null) {
            throw new IllegalStateException("the stream opener returned no connection for " + key);
        }
        if (key.isSecure()) {
            try {
                c.writer().startTls(StreamsDialer.tlsOptions(key, tls));
            } catch (IOException | RuntimeException e) {
                c.writer().transport().abort();
                throw e;
            }
        }
        return new StreamConnection(c);
    }
}
