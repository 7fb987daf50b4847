package io.jasyncio.http.ws;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Receiving side of permessage-deflate (RFC 7692 §7.2.2): inflates a message's payload as its
 * frames arrive, then the 4 bytes {@code 00 00 ff ff} that the sender removed.
 *
 * <p>Guards against deflate bombs: output goes into a {@link MessageBuffer} that never grows past
 * one byte over the message limit, each piece of output is UTF-8 checked (for text) before the
 * limit is, so the outcome does not depend on how the input was split. The inflater's 32 KiB
 * window decodes streams made with any window of 8..15 bits.
 *
 * <p>Invariants: the inflater is reset after a message when the peer does not take over context
 * or when the message ended with a final (BFINAL) block; data after a final block is ignored.
 *
 * <p>Thread rules: not thread-safe; owned by one {@link WsFrameParser}.
 */
final class MessageInflater implements AutoCloseable {
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    private final Inflater inflater = new Inflater(true);
    private final boolean peerNoContextTakeover;

    MessageInflater(boolean peerNoContextTakeover) {
        this.peerNoContextTakeover = peerNoContextTakeover;
    }

    /** Inflates {@code src[off, off+len)} into {@code out}, checking new text bytes with {@code text} if not null. */
    void inflate(byte[] src, int off, int len, MessageBuffer out, Utf8Validator text) throws WsProtocolException {
        if (inflater.finished()) {
            return;
        }
        inflater.setInput(src, off, len);
        run(out, text);
    }

    /** Inflates the removed tail and readies the inflater for the next message. */
    void endMessage(MessageBuffer out, Utf8Validator text) throws WsProtocolException {
        if (!inflater.finished()) {
            inflater.setInput(TAIL);
            run(out, text);
        }
        if (peerNoContextTakeover || inflater.finished()) {
            inflater.reset();
        }
    }

    private void run(MessageBuffer out, Utf8Validator text) throws WsProtocolException {
        while (!inflater.finished()) {
            int room = out.roomForInflate();
            int start = out.size;
            int n;
            try {
                n = inflater.inflate(out.buf, start, room);
            } catch (DataFormatException e) {
                throw new WsProtocolException(WsCloseCode.INVALID_TEXT,
                        "invalid permessage-deflate data: " + e.getMessage());
            }
            if (n == 0) {
                return; // needs more input (there is room, so nothing is pending)
            }
            out.size = start + n;
            if (text != null && text.feed(out.buf, start, n) >= 0) {
                throw WsFrameParser.invalidUtf8();
            }
            out.checkLimit();
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
