package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.url.Url;

/**
 * The redirect rules of RFC 9110 §15.4 as aiohttp applies them: which statuses redirect, how
 * the method and body change, and which header fields must not follow the request to another
 * origin. Pure functions; thread-safe.
 */
final class Redirects {

    private Redirects() {
    }

    /** @return whether the status is one the client follows: 301, 302, 303, 307 or 308 */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * 303 turns every method but HEAD into GET; 301 and 302 turn POST into GET (as browsers
     * and aiohttp do, which RFC 9110 allows); 307 and 308 never change the method.
     *
     * @return the method of the follow-up request
     */
    static String nextMethod(int status, String method) {
        if (status == 303 && !method.equals(HttpMethod.HEAD)) {
            return HttpMethod.GET;
        }
        if ((status == 301 || status == 302) && method.equals(HttpMethod.POST)) {
            return HttpMethod.GET;
        }
        return method;
    }

    /**
     * Resolves a {@code Location} against the request URL (RFC 3986), dropping the fragment.
     *
     * @throws InvalidUrlClientError if it is malformed or not http(s)
     */
    static Url target(Url from, String location) throws InvalidUrlClientError {
        Url to;
        try {
            to = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlClientError(location, "Invalid redirect URL (" + e.getMessage() + ")");
        }
        if (!to.scheme().equals("http") && !to.scheme().equals("https")) {
            throw new InvalidUrlClientError(location, "Redirect to a non-HTTP URL is not followed");
        }
        if (to.host() == null || to.host().isEmpty()) {
            throw new InvalidUrlClientError(location, "Redirect URL has no host");
        }
        return to.withoutFragment();
    }

    /** @return whether the two URLs have the same scheme, host and port */
    static boolean sameOrigin(Url a, Url b) {
        return a.origin().equals(b.origin());
    }

    /**
     * The caller's header fields for the follow-up request: without the content fields when the
     * body is dropped, and without credentials ({@code Authorization}, {@code Cookie},
     * {@code Proxy-Authorization}) when the origin changes.
     */
    static Headers nextHeaders(Headers user, boolean dropBody, boolean crossOrigin) {
        Headers h = user.copy();
        if (dropBody) {
            h.remove("Content-Length");
            h.remove("Content-Type");
            h.remove("Transfer-Encoding");
        }
        if (crossOrigin) {
            h.remove("Authorization");
            h.remove("Cookie");
            h.remove("Proxy-Authorization");
        }
        return h;
    }
}
