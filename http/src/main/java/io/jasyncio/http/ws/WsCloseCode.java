package io.jasyncio.http.ws;

/**
 * Close status codes (RFC 6455 §7.4, IANA "WebSocket Close Code Number Registry"), with the names
 * of aiohttp's {@code WSCloseCode}, and the rules for which codes may appear in a close frame.
 *
 * <p>Codes are plain {@code int}s because applications may use any code in 3000-4999 of their own.
 * Rules ({@link #isValidOnWire(int)}): 1000-1003 and 1007-1014 are valid; 1004 (reserved),
 * 1005 ({@link #NO_STATUS_RECEIVED}), 1006 ({@link #ABNORMAL_CLOSURE}) and 1015 (TLS failure) are
 * for reporting only and must never be sent; everything below 1000, 1016-2999 (reserved for
 * future revisions) and 5000 and above is invalid; 3000-4999 (libraries, frameworks and
 * applications) is allowed.
 *
 * <p>Thread rules: constants and pure functions only.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=webSocket}
 */
public final class WsCloseCode {
    /** 1000: normal closure. */
    public static final int OK = 1000;
    /** 1001: the endpoint is going away (server shutdown, page navigated away). */
    public static final int GOING_AWAY = 1001;
    /** 1002: protocol error. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1003: a data type the endpoint cannot accept (for example binary when it only takes text). */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1005: reported when a close frame had no status code; never sent. */
    public static final int NO_STATUS_RECEIVED = 1005;
    /** 1006: reported when the connection closed without a close frame; never sent. */
    public static final int ABNORMAL_CLOSURE = 1006;
    /** 1007: data inconsistent with the message type (invalid UTF-8 in a text message). */
    public static final int INVALID_TEXT = 1007;
    /** 1008: a message violates the endpoint's policy. */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a message too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1010: the client expected the server to negotiate an extension it did not. */
    public static final int MANDATORY_EXTENSION = 1010;
    /** 1011: the server met an unexpected condition. */
    public static final int INTERNAL_ERROR = 1011;
    /** 1012: the server is restarting. */
    public static final int SERVICE_RESTART = 1012;
    /** 1013: try again later. */
    public static final int TRY_AGAIN_LATER = 1013;
    /** 1014: a gateway or proxy received an invalid response from upstream. */
    public static final int BAD_GATEWAY = 1014;

    private WsCloseCode() {
    }

    /**
     * Whether {@code code} may appear in a close frame, sent or received. A received close frame
     * with a code for which this is false is a protocol error (1002).
     */
    public static boolean isValidOnWire(int code) {
        if (code >= 3000 && code <= 4999) {
            return true;
        }
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014);
    }
}
