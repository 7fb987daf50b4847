package io.jasyncio.http;

/**
 * Request method names (RFC 9110 §9 and RFC 5789 PATCH), as {@code String} constants: a method
 * is a plain string, as in aiohttp ({@code request.method == "GET"}), and any token is a valid
 * extension method.
 *
 * <p>The request parser returns these exact instances for the standard methods, so comparing with
 * {@code equals} usually succeeds on its identity check.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=methodStatus}
 */
public final class HttpMethod {
    private HttpMethod() {
    }

    public static final String GET = "GET";
    public static final String HEAD = "HEAD";
    public static final String POST = "POST";
    public static final String PUT = "PUT";
    public static final String DELETE = "DELETE";
    public static final String CONNECT = "CONNECT";
    public static final String OPTIONS = "OPTIONS";
    public static final String TRACE = "TRACE";
    public static final String PATCH = "PATCH";

    /**
     * @param method a method name (methods are case-sensitive)
     * @return whether the method is safe (read-only) per RFC 9110 §9.2.1
     */
    public static boolean isSafe(String method) {
        return switch (method) {
            case GET, HEAD, OPTIONS, TRACE -> true;
            default -> false;
        };
    }

    /**
     * @param method a method name (methods are case-sensitive)
     * @return whether the method is idempotent per RFC 9110 §9.2.2
     */
    public static boolean isIdempotent(String method) {
        return switch (method) {
            case GET, HEAD, OPTIONS, TRACE, PUT, DELETE -> true;
            default -> false;
        };
    }

    /**
     * @param method any string
     * @return whether it is a syntactically valid method: a non-empty RFC 9110 token
     */
    public static boolean isValid(String method) {
        return Tokens.isToken(method);
    }
}
