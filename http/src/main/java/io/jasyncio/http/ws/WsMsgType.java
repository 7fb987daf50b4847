package io.jasyncio.http.ws;

/**
 * The kinds of {@link WsMessage}, as aiohttp's {@code WSMsgType}.
 *
 * <p>{@link #TEXT}, {@link #BINARY}, {@link #PING}, {@link #PONG} and {@link #CLOSE} come from
 * frames received on the wire. {@link #CLOSING}, {@link #CLOSED} and {@link #ERROR} are made by
 * the WebSocket objects of the server and client (never by {@link WsFrameParser}) to tell the
 * application that the connection is closing, has closed, or failed.
 *
 * <p>Thread rules: an immutable enum, safe to share.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=webSocket}
 */
public enum WsMsgType {
    /** A complete UTF-8 text message: {@link WsMessage#text()}. */
    TEXT,
    /** A complete binary message: {@link WsMessage#data()}. */
    BINARY,
    /** A ping from the peer, with its application data. */
    PING,
    /** A pong from the peer, with its application data. */
    PONG,
    /** A close frame from the peer: {@link WsMessage#closeCode()} and the reason as {@link WsMessage#text()}. */
    CLOSE,
    /** The local side has started the closing handshake. */
    CLOSING,
    /** The connection is closed; no further message will come. */
    CLOSED,
    /** The connection failed: {@link WsMessage#error()}. */
    ERROR
}
