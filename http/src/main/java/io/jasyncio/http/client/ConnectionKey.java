package io.jasyncio.http.client;

import io.jasyncio.http.url.Url;
import java.util.Locale;
import java.util.Objects;

/**
 * What a pooled connection can be reused for: scheme, host and port of the target, and the
 * proxy (with its credentials) it goes through, as aiohttp's {@code ConnectionKey}. Two requests
 * share connections exactly when their keys are equal.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows proxy credentials.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=dialer}
 *
 * @param scheme {@code http} or {@code https} (lower case)
 * @param host the host name or address, lower case, IPv6 without brackets
 * @param port the port
 * @param proxy the proxy the connection goes through, or {@code null} for a direct one
 */
public record ConnectionKey(String scheme, String host, int port, HttpProxy proxy) {

    /**
     * A direct connection's key.
     *
     * @param scheme {@code http} or {@code https}
     * @param host the host
     * @param port the port
     */
    public ConnectionKey(String scheme, String host, int port) {
        this(scheme, host, port, null);
    }

    /** Normalises case and checks the port. */
    public ConnectionKey {
        scheme = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
        host = Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * @param url an absolute http(s) or ws(s) URL
     * @return the key of its origin; {@code ws} counts as {@code http}, {@code wss} as {@code https}
     */
    public static ConnectionKey of(Url url) {
        String scheme = switch (url.scheme()) {
            case "https", "wss" -> "https";
            default -> "http";
        };
        return new ConnectionKey(scheme, url.host(), url.port());
    }

    /**
     * @param url an absolute http(s) or ws(s) URL
     * @param proxy the proxy to reach it through, or {@code null}
     * @return the key of its origin through that proxy
     */
    public static ConnectionKey of(Url url, HttpProxy proxy) {
        ConnectionKey direct = of(url);
        return proxy == null ? direct : new ConnectionKey(direct.scheme, direct.host, direct.port, proxy);
    }

    /** @return {@code host:port}, IPv6 in brackets: the target of a {@code CONNECT} */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return whether connections for this key use TLS */
    public boolean isSecure() {
        return scheme.equals("https");
    }

    @Override
    public String toString() {
        return scheme + "://" + authority() + (proxy == null ? "" : " via proxy " + proxy);
    }
}
