package io.jasyncio.internal.net.tls;

import io.jasyncio.internal.net.Resolver;
import io.jasyncio.net.TlsOptions;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Makes the {@link SSLEngine} of one connection from its {@link TlsOptions}: client or server
 * mode; for a client, the server host name as the engine's peer host, as SNI (unless it is an IP
 * literal) and, when the name is checked, RFC 2818 identification ({@code "HTTPS"}); ALPN; then
 * the user's configurator. Stateless.
 */
final class TlsEngines {

    private TlsEngines() {
    }

    /**
     * The server host name a client uses: the one in the options, else the host it connects to.
     *
     * @param tls the options
     * @param host the host connected to, or {@code null} (Unix sockets, {@code startTls})
     * @return the name, or {@code ""} for none
     * @throws IllegalArgumentException when the name is checked but there is none
     */
    static String clientHostname(TlsOptions tls, String host) {
        String name = tls.serverHostname();
        if (name == null) {
            name = host == null ? "" : host;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.isEmpty() && tls.checkHostname()) {
            throw new IllegalArgumentException("a TLS client that checks the server's host name needs one: set "
                    + "TlsOptions.serverHostname(...) (or, to accept a certificate for any name, checkHostname(false))");
        }
        return name;
    }

    /**
     * @param tls the options
     * @param serverSide whether this side is the server
     * @param hostname a client's server host name ({@code ""} for none); ignored for a server
     * @param peerPort the peer's port (for the JDK's session cache), or -1
     * @return a configured engine, not yet handshaking
     */
    static SSLEngine create(TlsOptions tls, boolean serverSide, String hostname, int peerPort) {
        SSLEngine engine = serverSide || hostname.isEmpty() ? tls.context().createSSLEngine()
                : tls.context().createSSLEngine(hostname, peerPort);
        engine.setUseClientMode(!serverSide);
        SSLParameters p = engine.getSSLParameters();
        if (!serverSide) {
            if (!hostname.isEmpty() && Resolver.literal(hostname) == null) {
                try {
                    p.setServerNames(List.of(new SNIHostName(hostname)));
                } catch (IllegalArgumentException notADnsName) {
                    // not a valid SNI name (an underscore, say): send none, still check the name
                }
            }
            if (tls.checkHostname()) {
                p.setEndpointIdentificationAlgorithm("HTTPS");
            }
        }
        if (!tls.alpnProtocols().isEmpty()) {
            p.setApplicationProtocols(tls.alpnProtocols().toArray(String[]::new));
        }
        engine.setSSLParameters(p);
        if (tls.engineConfigurator() != null) {
            tls.engineConfigurator().accept(engine);
        }
        return engine;
    }
}
