package io.jasyncio.http.client;

import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.Streams;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The default {@link Dialer}: plain TCP through {@code Streams.openConnection}, which resolves
 * the host name off the loop thread and sets {@code TCP_NODELAY}; optionally bound to a local
 * address. {@code https} goes through the network layer's TLS, verifying the server by default.
 *
 * <p>Immutable; the connections it makes belong to the calling task's loop.
 */
final class StreamsDialer implements Dialer {

    private final InetSocketAddress localAddress;

    StreamsDialer(InetSocketAddress localAddress) {
        this.localAddress = localAddress;
    }

    /**
     * TLS for one connection: the policy's context (the JDK's default trust store when none),
     * SNI and host-name verification on; with verification explicitly turned off, a context that
     * trusts any certificate and no host-name check.
     */
    static io.jasyncio.net.TlsOptions tlsOptions(ConnectionKey key, TlsPolicy tls) throws IOException {
        TlsPolicy policy = tls == null ? TlsPolicy.DEFAULT : tls;
        javax.net.ssl.SSLContext context;
        try {
            context = policy.context() != null ? policy.context()
                    : policy.verify() ? javax.net.ssl.SSLContext.getDefault() : InsecureTrust.context();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for " + key + ": " + e.getMessage(), e);
        }
        return io.jasyncio.net.TlsOptions.of(context).serverHostname(key.host()).checkHostname(policy.verify());
    }

    @Override
    public ClientConnection dial(ConnectionKey key, TlsPolicy tls) throws IOException {
        ConnectOptions options = ConnectOptions.defaults();
        if (localAddress != null) {
            options = options.localAddress(localAddress);
        }
        if (key.isSecure()) {
            return new StreamConnection(Streams.openConnection(key.host(), key.port(), options, tlsOptions(key, tls)));
        }
        return new StreamConnection(Streams.openConnection(key.host(), key.port(), options));
    }

    @Override
    public ClientConnection startTls(ClientConnection connection, ConnectionKey target, TlsPolicy tls)
            throws IOException {
        if (!(connection instanceof StreamConnection c)) {
            return Dialer.super.startTls(connection, target, tls);
        }
        c.startTls(tlsOptions(target, tls));
        return c;
    }
}
