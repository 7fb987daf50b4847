package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import io.jasyncio.http.url.Url;
import java.util.Objects;

/**
 * What was sent: the method, URL and header fields of one request, as aiohttp's
 * {@code RequestInfo}. Carried by responses and by {@link ClientResponseError}.
 *
 * <p>Immutable (the headers are frozen) and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errors}
 *
 * @param method the request method
 * @param url the URL requested (without fragment)
 * @param headers the header fields sent, frozen
 */
public record RequestInfo(String method, Url url, Headers headers) {

    /** Checks for {@code null} and freezes the headers. */
    public RequestInfo {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = Objects.requireNonNull(headers, "headers").isFrozen() ? headers : headers.copy().freeze();
    }

    @Override
    public String toString() {
        return method + " " + url;
    }
}
