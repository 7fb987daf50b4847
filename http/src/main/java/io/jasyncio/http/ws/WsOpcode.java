package io.jasyncio.http.ws;

/**
 * The frame opcodes of RFC 6455 §5.2.
 *
 * <p>Invariants: {@link #code()} is the 4-bit value on the wire; control opcodes (close, ping,
 * pong) have the high bit of the opcode set ({@code code >= 0x8}). The values 0x3-0x7 and 0xB-0xF
 * are reserved and have no constant: {@link #fromCode(int)} returns {@code null} for them.
 *
 * <p>Thread rules: an immutable enum, safe to share.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=frames}
 */
public enum WsOpcode {
    /** 0x0: continues a fragmented text or binary message. */
    CONTINUATION(0x0),
    /** 0x1: the first (or only) frame of a UTF-8 text message. */
    TEXT(0x1),
    /** 0x2: the first (or only) frame of a binary message. */
    BINARY(0x2),
    /** 0x8: close control frame. */
    CLOSE(0x8),
    /** 0x9: ping control frame. */
    PING(0x9),
    /** 0xA: pong control frame. */
    PONG(0xA);

    private static final WsOpcode[] BY_CODE = new WsOpcode[16];

    static {
        for (WsOpcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;

    WsOpcode(int code) {
        this.code = code;
    }

    /** The 4-bit opcode value sent on the wire. */
    public int code() {
        return code;
    }

    /** Whether this is a control opcode (close, ping, pong), which may not be fragmented. */
    public boolean isControl() {
        return code >= 0x8;
    }

    /**
     * The opcode for a wire value.
     *
     * @param code a value in 0..15 (other values give {@code null} too)
     * @return the opcode, or {@code null} if {@code code} is reserved or out of range
     */
    public static WsOpcode fromCode(int code) {
        return code >= 0 && code < 16 ? BY_CODE[code] : null;
    }
}
