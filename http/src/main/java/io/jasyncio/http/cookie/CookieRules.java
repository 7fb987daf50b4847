package io.jasyncio.http.cookie;

import io.jasyncio.http.url.HostName;

/**
 * The matching rules of RFC 6265 §5.1.3 (domain-match) and §5.1.4 (default-path and
 * path-match), on canonical host names. Stateless and package-private.
 */
final class CookieRules {
    private CookieRules() {}

    /** §5.1.3: identical, or {@code host} ends with "." + {@code domain} and is not an IP address. */
    static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        return host.length() > domain.length()
                && host.endsWith(domain)
                && host.charAt(host.length() - domain.length() - 1) == '.'
                && !HostName.isIpAddress(host);
    }

    /** §5.1.4: the directory of the request path: "/" unless it has a second slash. */
    static String defaultPath(String requestPath) {
        if (requestPath.isEmpty() || requestPath.charAt(0) != '/') {
            return "/";
        }
        int last = requestPath.lastIndexOf('/');
        return last == 0 ? "/" : requestPath.substring(0, last);
    }

    /** §5.1.4: identical, or a prefix ending in "/", or a prefix followed by "/". */
    static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }
}
