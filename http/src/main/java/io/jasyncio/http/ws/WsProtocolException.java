package io.jasyncio.http.ws;

import java.net.ProtocolException;

/**
 * The peer broke RFC 6455 or RFC 7692, or sent a message beyond a limit: the connection must be
 * failed by sending a close frame with {@link #closeCode()} and closing.
 *
 * <p>Invariants: {@link #closeCode()} is one of {@link WsCloseCode#PROTOCOL_ERROR} (1002),
 * {@link WsCloseCode#INVALID_TEXT} (1007) or {@link WsCloseCode#MESSAGE_TOO_BIG} (1009); the
 * message says what was wrong in words fit for a log (and short enough, at most 123 UTF-8 bytes,
 * to be sent as the close reason).
 *
 * <p>Thread rules: immutable once thrown.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=protocolError}
 */
public final class WsProtocolException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final int closeCode;

    /**
     * @param closeCode the close code to send to the peer
     * @param message what was wrong
     */
    public WsProtocolException(int closeCode, String message) {
        super(message);
        this.closeCode = closeCode;
    }

    /** The close code to send to the peer. */
    public int closeCode() {
        return closeCode;
    }

    /** The message cut to at most 123 UTF-8 bytes, ready to be a close frame's reason. */
    public String closeReason() {
        return Utf8Validator.truncate(getMessage(), 123);
    }
}
