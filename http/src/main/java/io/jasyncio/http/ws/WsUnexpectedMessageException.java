package io.jasyncio.http.ws;

import java.io.IOException;

/**
 * {@code receiveStr()}, {@code receiveBytes()} or {@code receiveJson()} got a message of another
 * type (aiohttp raises {@code TypeError}): for example the peer's CLOSE, or BINARY where TEXT was
 * expected. The message is not lost: {@link #received()} has it.
 *
 * <p>Thread rules: immutable once thrown.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=connection}
 */
public final class WsUnexpectedMessageException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient WsMessage received;

    /**
     * @param received the message that arrived
     * @param expected the type that was asked for
     */
    public WsUnexpectedMessageException(WsMessage received, WsMsgType expected) {
        super("Received message " + received + " is not " + expected, received.error());
        this.received = received;
    }

    /** @return the message that arrived instead */
    public WsMessage received() {
        return received;
    }
}
