package io.jasyncio.http.client;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a connector sets up TLS for {@code https}: verification is on by default, with the JDK's
 * default trust store; a custom {@link SSLContext} may be given; verification can be turned off
 * only through the loudly named {@link #insecureSkipVerify()}, the equivalent of aiohttp's
 * {@code ssl=False} / {@code verify_ssl=False}.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=tls}
 *
 * @param context the context to create engines from, or {@code null} for the JDK default
 * @param verify whether the server's certificate chain and host name are checked
 */
public record TlsPolicy(SSLContext context, boolean verify) {

    /** Verification on, default trust store. */
    public static final TlsPolicy DEFAULT = new TlsPolicy(null, true);

    /**
     * @param context the context to use; its trust managers verify the server
     * @return a verifying policy with that context
     */
    public static TlsPolicy of(SSLContext context) {
        return new TlsPolicy(Objects.requireNonNull(context, "context"), true);
    }

    /**
     * INSECURE: accept any certificate and any host name, so that anyone on the network path can
     * read and change the traffic. Only for tests and servers you control.
     *
     * @return the policy that skips verification
     */
    public static TlsPolicy insecureSkipVerify() {
        return new TlsPolicy(null, false);
    }
}
