package io.jasyncio.http.client;

import io.jasyncio.http.url.Url;
import java.util.Locale;
import java.util.Objects;

/**
 * What a pooled connection can be reused for: scheme, host and port, as aiohttp's
 * {@code ConnectionKey}. Two requests share connections exactly when their keys are equal.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=dialer}
 *
 * @param scheme {@code http} or {@code https} (lower case)
 * @param host the host name or address, lower case, IPv6 without brackets
 * @param port the port
 */
public record ConnectionKey(String scheme, String host, int port) {

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

    /** @return whether connections for this key use TLS */
    public boolean isSecure() {
        return scheme.equals("https");
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
