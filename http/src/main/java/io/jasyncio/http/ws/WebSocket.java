package io.jasyncio.http.ws;

import io.jasyncio.TimeoutError;
import java.io.IOException;
import java.util.Iterator;

/**
 * An open WebSocket, at either end: what the server's {@code WebSocketResponse} and the client's
 * {@code ClientWebSocket} both are, with the names of aiohttp's {@code WebSocketResponse} and
 * {@code ClientWebSocketResponse}.
 *
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=webSocket}
 *
 * <p><b>Receiving.</b> {@link #receive()} suspends the calling task until the next message:
 * TEXT, BINARY, PING and PONG (the last two only without {@code autoping}), the peer's CLOSE,
 * an ERROR when the connection failed (a protocol violation, a heartbeat without answer, a
 * lost socket; {@link #exception()} says which), CLOSING when another task called
 * {@link #close} meanwhile, and CLOSED forever after the connection ended. Only one task may
 * receive at a time. Iteration ({@code for (WsMessage m : ws)}) receives until CLOSE, CLOSING or
 * CLOSED, which it does not yield; ERROR messages are yielded.
 *
 * <p><b>Sending.</b> The {@code send*}, {@link #ping} and {@link #pong} methods encode a whole
 * message and queue it without suspending, then wait while the socket's output is above its
 * high-water mark, so several tasks may send at once: each message goes out whole, in the order
 * the calls started. They throw {@link java.net.SocketException} once closing has begun.
 *
 * <p><b>Closing.</b> {@link #close(int, String)} sends a close frame, waits for the peer's (at
 * most {@link WsSettings#timeout()} seconds), then closes the socket. {@link #closeCode()} is
 * then the code the peer sent, or the code sent for a protocol violation, or 1006 (abnormal
 * closure) if the connection ended without a close frame.
 *
 * <p><b>Threads.</b> Confined to the event loop of its connection; all methods that suspend
 * must be called from tasks of that loop.
 */
public interface WebSocket extends Iterable<WsMessage>, AutoCloseable {

    /**
     * The next message; suspends until there is one.
     *
     * @return the message (never null)
     * @throws TimeoutError if {@link WsSettings#receiveTimeout()} is set and passed; the
     *     connection stays usable
     * @throws IllegalStateException if another task is receiving, or if receive is called again
     *     and again (more than 5 times) after the connection ended (aiohttp's guard against
     *     endless loops)
     */
    WsMessage receive() throws TimeoutError;

    /**
     * @param timeoutSeconds the longest wait, greater than 0
     * @return the next message
     * @throws TimeoutError if no message arrived in time; the connection stays usable
     */
    WsMessage receive(double timeoutSeconds) throws TimeoutError;

    /**
     * @return the text of the next message
     * @throws WsUnexpectedMessageException if it is not a TEXT message
     * @throws TimeoutError as {@link #receive()}
     */
    default String receiveStr() throws IOException, TimeoutError {
        WsMessage m = receive();
        if (m.type() != WsMsgType.TEXT) {
            throw new WsUnexpectedMessageException(m, WsMsgType.TEXT);
        }
        return m.text();
    }

    /**
     * @return the bytes of the next message
     * @throws WsUnexpectedMessageException if it is not a BINARY message
     * @throws TimeoutError as {@link #receive()}
     */
    default byte[] receiveBytes() throws IOException, TimeoutError {
        WsMessage m = receive();
        if (m.type() != WsMsgType.BINARY) {
            throw new WsUnexpectedMessageException(m, WsMsgType.BINARY);
        }
        return m.data();
    }

    /**
     * @param type what to read the next TEXT message's JSON as
     * @param <T> that type
     * @return the value
     * @throws WsUnexpectedMessageException if the next message is not TEXT
     * @throws IOException if it is not JSON of that type (a Jackson exception)
     * @throws TimeoutError as {@link #receive()}
     */
    default <T> T receiveJson(Class<T> type) throws IOException, TimeoutError {
        return settings().mapper().readValue(receiveStr(), type);
    }

    /**
     * Sends a text message, compressed if permessage-deflate was agreed.
     *
     * @param text the message
     * @throws IOException if the connection is closing or failed
     */
    default void sendStr(String text) throws IOException {
        sendStr(text, true);
    }

    /**
     * @param text the message
     * @param compress false to send it uncompressed even with permessage-deflate
     * @throws IOException if the connection is closing or failed
     */
    void sendStr(String text, boolean compress) throws IOException;

    /**
     * Sends a binary message, compressed if permessage-deflate was agreed.
     *
     * @param data the message (only read)
     * @throws IOException if the connection is closing or failed
     */
    default void sendBytes(byte[] data) throws IOException {
        sendBytes(data, true);
    }

    /**
     * @param data the message (only read)
     * @param compress false to send it uncompressed even with permessage-deflate
     * @throws IOException if the connection is closing or failed
     */
    void sendBytes(byte[] data, boolean compress) throws IOException;

    /**
     * Sends {@code value} as JSON text with {@link WsSettings#mapper()}.
     *
     * @param value the value
     * @throws IOException if it cannot be serialised, or the connection is closing or failed
     */
    default void sendJson(Object value) throws IOException {
        sendStr(settings().mapper().writeValueAsString(value));
    }

    /**
     * @param data at most 125 bytes of application data
     * @throws IOException if the connection is closing or failed
     */
    void ping(byte[] data) throws IOException;

    /** Sends a ping without data. @throws IOException if the connection is closing or failed */
    default void ping() throws IOException {
        ping(new byte[0]);
    }

    /**
     * @param data at most 125 bytes of application data
     * @throws IOException if the connection is closing or failed
     */
    void pong(byte[] data) throws IOException;

    /** Sends an unsolicited pong without data. @throws IOException if the connection is closing or failed */
    default void pong() throws IOException {
        pong(new byte[0]);
    }

    /**
     * The closing handshake: sends a close frame, waits for the peer's (at most
     * {@link WsSettings#timeout()} seconds; then {@link #closeCode()} is 1006), closes the socket.
     * Messages that arrive meanwhile are discarded; a task blocked in {@link #receive()} gets a
     * CLOSING message. I/O failures end up in {@link #exception()}, not thrown.
     *
     * @param code a code valid in a close frame (1000 normal, 1001 going away, 3000-4999 own use, ...)
     * @param reason at most 123 bytes of UTF-8
     * @return true if this call closed the WebSocket, false if it was closed or closing already
     * @throws IllegalArgumentException if the code may not be sent or the reason is too long
     */
    boolean close(int code, String reason);

    /** {@code close(1000, "")}. */
    @Override
    default void close() {
        close(WsCloseCode.OK, "");
    }

    /** @return whether closing has begun: no more messages may be sent (aiohttp's {@code closed}) */
    boolean closed();

    /** @return the close code (see the class comment), or 0 while the connection is open */
    int closeCode();

    /** @return what made the connection fail, or null */
    Throwable exception();

    /** @return the subprotocol agreed in the handshake, or null */
    String protocol();

    /** @return the permessage-deflate parameters agreed in the handshake, or null */
    WsDeflateParams deflate();

    /** @return the settings in force */
    WsSettings settings();

    /**
     * Receives until the connection closes; see the class comment. If a receive timeout is set
     * and passes, {@code hasNext()} throws the {@link TimeoutError} unchecked (undeclared).
     */
    @Override
    default Iterator<WsMessage> iterator() {
        return new MessageIterator(this);
    }
}
