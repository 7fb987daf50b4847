package io.jasyncio.http.client;

import io.jasyncio.http.url.Url;
import java.util.Objects;

/**
 * An HTTP proxy that requests go through, as aiohttp's {@code proxy=} and {@code proxy_auth=}:
 * plain {@code http} requests are sent to it in absolute form with {@code Proxy-Authorization};
 * {@code https} requests first open a tunnel with {@code CONNECT host:port}, which alone carries
 * the credentials, and then speak TLS with the target through it.
 *
 * <p>Invariants: the URL is an {@code http://} origin (scheme, host, port) with no credentials
 * in it; credentials written in the proxy URL ({@code http://user:pass@proxy:3128}) become
 * {@link #auth()} unless credentials were given explicitly. Only {@code http://} proxies are
 * supported. {@link #toString()} never shows the password.
 *
 * <p>Immutable and thread-safe; part of {@link ConnectionKey}, so connections through different
 * proxies or with different credentials are never shared.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=httpProxy}
 *
 * <p>A request or a session goes through one with {@code proxy} and {@code proxyAuth}:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=proxy}
 *
 * @param url the proxy's origin, {@code http://host:port}
 * @param auth the credentials sent to the proxy, or {@code null}
 */
public record HttpProxy(Url url, BasicAuth auth) {

    /** Reduces the URL to its origin, taking credentials from it when none are given. */
    public HttpProxy {
        Objects.requireNonNull(url, "url");
        if (!url.scheme().equals("http")) {
            throw new IllegalArgumentException("only http:// proxies are supported, not '" + url.withoutUserInfo() + "'");
        }
        if (url.host() == null || url.host().isEmpty()) {
            throw new IllegalArgumentException("the proxy URL has no host: '" + url.withoutUserInfo() + "'");
        }
        if (auth == null) {
            auth = BasicAuth.fromUrl(url);
        }
        url = url.origin();
    }

    /**
     * @param url the proxy URL, for example {@code http://proxy.example:3128}
     * @param auth explicit credentials, or {@code null} for those in the URL (if any)
     * @return the proxy
     * @throws IllegalArgumentException if the URL is malformed or not {@code http://}
     */
    public static HttpProxy of(String url, BasicAuth auth) {
        return new HttpProxy(Url.parse(Objects.requireNonNull(url, "url")), auth);
    }

    /** @return the key of the connection to the proxy itself */
    public ConnectionKey key() {
        return ConnectionKey.of(url);
    }

    /** @return the {@code Proxy-Authorization} value, or {@code null} without credentials */
    public String authorization() {
        return auth == null ? null : auth.encode();
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
