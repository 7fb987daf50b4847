package io.jasyncio.http.ws;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One complete WebSocket message, as aiohttp's {@code WSMessage}.
 *
 * <p>Invariants, by {@link #type()}:
 * <ul>
 *   <li>{@code TEXT}: {@link #text()} is the decoded message and {@link #data()} its UTF-8 bytes;
 *   <li>{@code BINARY}, {@code PING}, {@code PONG}: {@link #data()} is the payload, {@link #text()} is null;
 *   <li>{@code CLOSE}: {@link #closeCode()} is the peer's status code, or
 *       {@link WsCloseCode#NO_STATUS_RECEIVED} (1005) if its close frame had none; {@link #text()} is
 *       the reason ({@code ""} if none) and {@link #data()} the raw close payload;
 *   <li>{@code ERROR}: {@link #error()} is the failure; {@code CLOSING}, {@code CLOSED}: nothing.
 * </ul>
 * {@link #data()} is never null (empty when there is no payload); {@link #closeCode()} is 0 unless
 * the type is {@code CLOSE}. Equality compares {@code data} by content.
 *
 * <p>Ownership and thread rules: the message is immutable apart from the array returned by
 * {@link #data()}, which is handed over without a copy for speed: the parser never touches it
 * again, and nobody should write to it. With that, a message may be passed between threads.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=webSocket}
 *
 * @param type the kind of message
 * @param data the payload bytes, never null
 * @param text the text of a TEXT message or the reason of a CLOSE; otherwise null
 * @param closeCode the close code of a CLOSE message; otherwise 0
 * @param error the failure of an ERROR message; otherwise null
 */
public record WsMessage(WsMsgType type, byte[] data, String text, int closeCode, Throwable error) {
    private static final byte[] EMPTY = new byte[0];

    /** The message that tells the application the local side started closing. */
    public static final WsMessage CLOSING = new WsMessage(WsMsgType.CLOSING, EMPTY, null, 0, null);
    /** The message that tells the application the connection is closed. */
    public static final WsMessage CLOSED = new WsMessage(WsMsgType.CLOSED, EMPTY, null, 0, null);

    /** Checks the invariants above. */
    public WsMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (type == WsMsgType.TEXT && text == null) {
            throw new IllegalArgumentException("a TEXT message needs its text");
        }
        if (type == WsMsgType.CLOSE && text == null) {
            throw new IllegalArgumentException("a CLOSE message needs a reason (may be empty)");
        }
        if (type != WsMsgType.CLOSE && closeCode != 0) {
            throw new IllegalArgumentException("only a CLOSE message has a close code");
        }
        if (type == WsMsgType.ERROR && error == null) {
            throw new IllegalArgumentException("an ERROR message needs its error");
        }
    }

    /** A text message; its {@link #data()} is the UTF-8 encoding of {@code text}. */
    public static WsMessage ofText(String text) {
        return new WsMessage(WsMsgType.TEXT, text.getBytes(StandardCharsets.UTF_8), text, 0, null);
    }

    /** A binary message owning {@code data} (no copy). */
    public static WsMessage ofBinary(byte[] data) {
        return new WsMessage(WsMsgType.BINARY, data, null, 0, null);
    }

    /** A ping owning {@code data} (no copy). */
    public static WsMessage ofPing(byte[] data) {
        return new WsMessage(WsMsgType.PING, data, null, 0, null);
    }

    /** A pong owning {@code data} (no copy). */
    public static WsMessage ofPong(byte[] data) {
        return new WsMessage(WsMsgType.PONG, data, null, 0, null);
    }

    /** A close message with a status code (or 1005 for none) and a reason. */
    public static WsMessage ofClose(int closeCode, String reason) {
        byte[] payload;
        if (closeCode == WsCloseCode.NO_STATUS_RECEIVED) {
            payload = EMPTY;
        } else {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            payload = new byte[2 + r.length];
            payload[0] = (byte) (closeCode >>> 8);
            payload[1] = (byte) closeCode;
            System.arraycopy(r, 0, payload, 2, r.length);
        }
        return new WsMessage(WsMsgType.CLOSE, payload, reason, closeCode, null);
    }

    /** An error message carrying {@code error}. */
    public static WsMessage ofError(Throwable error) {
        return new WsMessage(WsMsgType.ERROR, EMPTY, null, 0, error);
    }

    static WsMessage ofTextBytes(byte[] utf8, String text) {
        return new WsMessage(WsMsgType.TEXT, utf8, text, 0, null);
    }

    static WsMessage ofCloseFrame(int closeCode, String reason, byte[] payload) {
        return new WsMessage(WsMsgType.CLOSE, payload, reason, closeCode, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WsMessage m
                && type == m.type
                && closeCode == m.closeCode
                && Arrays.equals(data, m.data)
                && Objects.equals(text, m.text)
                && Objects.equals(error, m.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(data), text, closeCode, error);
    }

    @Override
    public String toString() {
        return switch (type) {
            case TEXT -> "WsMessage[TEXT, " + data.length + " bytes: " + abbreviate(text) + "]";
            case CLOSE -> "WsMessage[CLOSE, code=" + closeCode + ", reason=" + abbreviate(text) + "]";
            case ERROR -> "WsMessage[ERROR, " + error + "]";
            case CLOSING, CLOSED -> "WsMessage[" + type + "]";
            default -> "WsMessage[" + type + ", " + data.length + " bytes]";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? '"' + s + '"' : '"' + s.substring(0, 40) + "\"...";
    }
}
