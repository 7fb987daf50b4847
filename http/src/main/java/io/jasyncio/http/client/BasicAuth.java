package io.jasyncio.http.client;

import io.jasyncio.http.url.Url;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic credentials (RFC 7617), as aiohttp's {@code BasicAuth(login, password)}: used for
 * {@code proxyAuth} ({@code Proxy-Authorization}). Encoded as UTF-8, as the client encodes
 * credentials taken from a URL.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the password.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=httpProxy}
 *
 * @param login the user name; must not contain {@code ':'}
 * @param password the password, possibly empty
 */
public record BasicAuth(String login, String password) {

    /** Checks the login, which Basic cannot carry if it holds a colon. */
    public BasicAuth {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        if (login.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic login cannot contain ':'");
        }
    }

    /**
     * @param url a URL that may carry {@code user:password@}
     * @return its credentials, or {@code null} if it has none
     */
    public static BasicAuth fromUrl(Url url) {
        if (!url.hasUserInfo()) {
            return null;
        }
        return new BasicAuth(url.user(), url.password() == null ? "" : url.password());
    }

    /** @return the header value: {@code Basic } and the base64 of {@code login:password} */
    public String encode() {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuth[login=" + login + ", password=***]";
    }
}
