package io.jasyncio.http;

/**
 * HTTP status codes and their standard reason phrases (RFC 9110 §15 and the IANA registry).
 *
 * <p>Stateless and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=methodStatus}
 */
public final class HttpStatus {
    private HttpStatus() {
    }

    public static final int CONTINUE = 100;
    public static final int SWITCHING_PROTOCOLS = 101;
    public static final int EARLY_HINTS = 103;
    public static final int OK = 200;
    public static final int CREATED = 201;
    public static final int ACCEPTED = 202;
    public static final int NO_CONTENT = 204;
    public static final int PARTIAL_CONTENT = 206;
    public static final int MOVED_PERMANENTLY = 301;
    public static final int FOUND = 302;
    public static final int SEE_OTHER = 303;
    public static final int NOT_MODIFIED = 304;
    public static final int TEMPORARY_REDIRECT = 307;
    public static final int PERMANENT_REDIRECT = 308;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int METHOD_NOT_ALLOWED = 405;
    public static final int REQUEST_TIMEOUT = 408;
    public static final int CONFLICT = 409;
    public static final int LENGTH_REQUIRED = 411;
    public static final int CONTENT_TOO_LARGE = 413;
    public static final int URI_TOO_LONG = 414;
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;
    public static final int EXPECTATION_FAILED = 417;
    public static final int UPGRADE_REQUIRED = 426;
    public static final int TOO_MANY_REQUESTS = 429;
    public static final int REQUEST_HEADER_FIELDS_TOO_LARGE = 431;
    public static final int INTERNAL_SERVER_ERROR = 500;
    public static final int NOT_IMPLEMENTED = 501;
    public static final int BAD_GATEWAY = 502;
    public static final int SERVICE_UNAVAILABLE = 503;
    public static final int GATEWAY_TIMEOUT = 504;
    public static final int HTTP_VERSION_NOT_SUPPORTED = 505;

    /** Indexed by status code; {@code null} where no phrase is registered. */
    private static final String[] REASONS = new String[600];

    static {
        String[] pairs = {
            "100", "Continue", "101", "Switching Protocols", "102", "Processing", "103", "Early Hints",
            "200", "OK", "201", "Created", "202", "Accepted", "203", "Non-Authoritative Information",
            "204", "No Content", "205", "Reset Content", "206", "Partial Content", "207", "Multi-Status",
            "208", "Already Reported", "226", "IM Used",
            "300", "Multiple Choices", "301", "Moved Permanently", "302", "Found", "303", "See Other",
            "304", "Not Modified", "305", "Use Proxy", "307", "Temporary Redirect", "308", "Permanent Redirect",
            "400", "Bad Request", "401", "Unauthorized", "402", "Payment Required", "403", "Forbidden",
            "404", "Not Found", "405", "Method Not Allowed", "406", "Not Acceptable",
            "407", "Proxy Authentication Required", "408", "Request Timeout", "409", "Conflict",
            "410", "Gone", "411", "Length Required", "412", "Precondition Failed",
            "413", "Content Too Large", "414", "URI Too Long", "415", "Unsupported Media Type",
            "416", "Range Not Satisfiable", "417", "Expectation Failed", "421", "Misdirected Request",
            "422", "Unprocessable Content", "423", "Locked", "424", "Failed Dependency", "425", "Too Early",
            "426", "Upgrade Required", "428", "Precondition Required", "429", "Too Many Requests",
            "431", "Request Header Fields Too Large", "451", "Unavailable For Legal Reasons",
            "500", "Internal Server Error", "501", "Not Implemented", "502", "Bad Gateway",
            "503", "Service Unavailable", "504", "Gateway Timeout", "505", "HTTP Version Not Supported",
            "506", "Variant Also Negotiates", "507", "Insufficient Storage", "508", "Loop Detected",
            "510", "Not Extended", "511", "Network Authentication Required",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            REASONS[Integer.parseInt(pairs[i])] = pairs[i + 1];
        }
    }

    /**
     * @param status a status code
     * @return its registered reason phrase (e.g. {@code "Not Found"}), or {@code ""} if the code is
     *         not registered; an empty reason is valid on the wire
     */
    public static String reasonPhrase(int status) {
        if (status < 0 || status >= REASONS.length) {
            return "";
        }
        String r = REASONS[status];
        return r == null ? "" : r;
    }

    /**
     * @param status a status code
     * @return whether it is 1xx (informational: a final response follows)
     */
    public static boolean isInformational(int status) {
        return status >= 100 && status < 200;
    }

    /**
     * @param status a status code
     * @return whether responses with this status never have content (1xx, 204, 304; RFC 9110 §6.4.1)
     */
    public static boolean forbidsContent(int status) {
        return status < 200 || status == NO_CONTENT || status == NOT_MODIFIED;
    }
}
