package io.jasyncio.http.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A push parser for the WebSocket framing of RFC 6455 §5 (and permessage-deflate, RFC 7692):
 * bytes go in through {@link #feed(ByteBuffer)} in pieces of any size, and every complete message
 * comes out to the listener, in order, as a {@link WsMessage}. No event loop and no socket: the
 * server and the client feed it what they read.
 *
 * <p>What comes out: a fragmented text or binary message is reassembled and delivered once, when
 * its last frame ends; ping, pong and close frames are delivered as soon as they end, also when
 * they arrive between the fragments of a message. The parser answers nothing (pongs and the
 * closing handshake are the caller's business). After a close frame, every further byte is
 * ignored (RFC 6455 §5.5.1: the peer may send nothing after it) and {@link #isCloseReceived()}
 * is true.
 *
 * <p>What fails: each violation throws a {@link WsProtocolException} whose
 * {@link WsProtocolException#closeCode() close code} is 1002 (protocol error: RSV bits set without
 * permessage-deflate or on a frame where RSV1 has no meaning, a reserved opcode, a fragmented or
 * over-125-byte control frame, a continuation with no message to continue or a new message
 * before the last one ended, a 64-bit length with its top bit set, a frame masked the wrong way
 * for the role, a 1-byte close payload, a close code that may not be sent), 1007 (a text message
 * or close reason that is not UTF-8, or undecodable compressed data) or 1009 (a message over
 * {@code maxMsgSize}, counted across fragments, and after inflating for a compressed one).
 * Checks happen as early as the bytes allow: header rules on the first two bytes, size on the
 * length field, UTF-8 at the first bad byte even in the middle of a frame.
 *
 * <p>Invariants: the result (the messages delivered, then the exception if any) is the same
 * however the input is split. Every {@code feed} consumes its whole buffer. After a
 * {@link WsProtocolException} the parser is failed for good: a further {@code feed} throws
 * {@link IllegalStateException}. If the listener throws, the exception propagates out of
 * {@code feed} with the parser in a consistent state, the buffer's position just past the frame
 * that completed the message; feeding the rest of the buffer goes on from there.
 *
 * <p>Thread rules: not thread-safe. One parser per connection, used by one thread (or task) at a
 * time; the listener is called on the thread that calls {@code feed}. {@link #close()} frees the
 * inflater's native memory.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=frames}
 */
public final class WsFrameParser implements AutoCloseable {
    /** The default message size limit: 4 MiB, as aiohttp's {@code max_msg_size}. */
    public static final int DEFAULT_MAX_MSG_SIZE = 4 * 1024 * 1024;

    private static final int NO_MESSAGE = -1;
    private static final int SCRATCH_SIZE = 16 * 1024;

    private enum State { HEADER, PAYLOAD, CLOSE_RECEIVED, FAILED, CLOSED }

    private final WsRole role;
    private final WsDeflateParams deflate;
    private final Consumer<WsMessage> listener;
    private State state = State.HEADER;
    private WsProtocolException failure;

    // The frame header being read.
    private final byte[] header = new byte[14];
    private int headerHave;
    private int headerNeed = 2;

    // The frame whose payload is being read.
    private boolean fin;
    private boolean rsv1;
    private boolean masked;
    private int opcode;
    private int maskKey;
    private long remaining;
    private long position;

    // A control frame's payload.
    private final byte[] control = new byte[125];
    private int controlLength;

    // The data message being assembled (possibly across fragments).
    private int messageOpcode = NO_MESSAGE;
    private boolean messageCompressed;
    private final MessageBuffer message;
    private final Utf8Validator utf8 = new Utf8Validator();
    private MessageInflater inflater;
    private byte[] scratch;

    /**
     * A parser with the default limit and no permessage-deflate.
     *
     * @param role the side this parser reads for: a {@link WsRole#SERVER} reads masked frames
     * @param listener receives each complete message
     */
    public WsFrameParser(WsRole role, Consumer<WsMessage> listener) {
        this(role, DEFAULT_MAX_MSG_SIZE, null, listener);
    }

    /**
     * @param role the side this parser reads for: a {@link WsRole#SERVER} reads masked frames
     * @param maxMsgSize the largest message in bytes (after inflating), or 0 for no limit
     * @param deflate the agreed permessage-deflate parameters, or null if not negotiated
     * @param listener receives each complete message
     */
    public WsFrameParser(WsRole role, int maxMsgSize, WsDeflateParams deflate, Consumer<WsMessage> listener) {
        if (maxMsgSize < 0) {
            throw new IllegalArgumentException("maxMsgSize must be >= 0 (0 for no limit): " + maxMsgSize);
        }
        this.role = Objects.requireNonNull(role, "role");
        this.deflate = deflate;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.message = new MessageBuffer(maxMsgSize);
    }

    /**
     * Parses all of {@code in}, delivering each message completed on the way.
     *
     * @throws WsProtocolException if the peer broke the protocol; the parser is then failed
     * @throws IllegalStateException if the parser failed before or was closed
     */
    public void feed(ByteBuffer in) throws WsProtocolException {
        if (state == State.FAILED) {
            throw new IllegalStateException("the parser failed earlier and takes no more input: "
                    + failure.getMessage(), failure);
        }
        if (state == State.CLOSED) {
            throw new IllegalStateException("the parser is closed");
        }
        try {
            while (in.hasRemaining()) {
                switch (state) {
                    case HEADER -> readHeader(in);
                    case PAYLOAD -> readPayload(in);
                    default -> in.position(in.limit()); // CLOSE_RECEIVED: ignore what follows
                }
            }
        } catch (WsProtocolException e) {
            state = State.FAILED;
            failure = e;
            freeInflater();
            throw e;
        }
    }

    /** Whether a close frame has been received (all later input is ignored). */
    public boolean isCloseReceived() {
        return state == State.CLOSE_RECEIVED;
    }

    /** The violation that failed this parser, or null. */
    public WsProtocolException failure() {
        return failure;
    }

    /** Frees the inflater; the parser takes no more input. Idempotent. */
    @Override
    public void close() {
        if (state != State.FAILED) {
            state = State.CLOSED;
        }
        freeInflater();
    }

    private void freeInflater() {
        if (inflater != null) {
            inflater.close();
            inflater = null;
        }
    }

    // ---- header ------------------------------------------------------------------------------

    private void readHeader(ByteBuffer in) throws WsProtocolException {
        while (headerHave < headerNeed && in.hasRemaining()) {
            header[headerHave++] = in.get();
            if (headerHave == 2) {
                headerNeed = checkFirstTwoBytes();
            }
        }
        if (headerHave == headerNeed) {
            startFrame();
        }
    }

    /** Applies every rule that the first two bytes decide; returns the full header length. */
    private int checkFirstTwoBytes() throws WsProtocolException {
        int b0 = header[0] & 0xFF;
        int b1 = header[1] & 0xFF;
        fin = (b0 & 0x80) != 0;
        rsv1 = (b0 & 0x40) != 0;
        opcode = b0 & 0x0F;
        if ((b0 & 0x30) != 0) {
            throw protocolError("reserved bits RSV2/RSV3 set (no extension defines them)");
        }
        WsOpcode op = WsOpcode.fromCode(opcode);
        if (op == null) {
            throw protocolError("reserved opcode 0x" + Integer.toHexString(opcode));
        }
        if (rsv1 && deflate == null) {
            throw protocolError("reserved bit RSV1 set but permessage-deflate was not negotiated");
        }
        int length7 = b1 & 0x7F;
        if (op.isControl()) {
            if (!fin) {
                throw protocolError("fragmented control frame (" + op + ")");
            }
            if (length7 > 125) {
                throw protocolError("control frame (" + op + ") payload over 125 bytes");
            }
            if (rsv1) {
                throw protocolError("reserved bit RSV1 set on a control frame (" + op + ")");
            }
        } else if (op == WsOpcode.CONTINUATION) {
            if (messageOpcode == NO_MESSAGE) {
                throw protocolError("continuation frame with no fragmented message to continue");
            }
            if (rsv1) {
                throw protocolError("reserved bit RSV1 set on a continuation frame");
            }
        } else if (messageOpcode != NO_MESSAGE) {
            throw protocolError("new " + op + " message before the fragmented message ended");
        }
        masked = (b1 & 0x80) != 0;
        if (role == WsRole.SERVER && !masked) {
            throw protocolError("client frame not masked");
        }
        if (role == WsRole.CLIENT && masked) {
            throw protocolError("server frame masked");
        }
        return 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + (masked ? 4 : 0);
    }

    private void startFrame() throws WsProtocolException {
        int length7 = header[1] & 0x7F;
        int p = 2;
        long length;
        if (length7 == 126) {
            length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            p = 4;
        } else if (length7 == 127) {
            length = 0;
            for (int i = 2; i < 10; i++) {
                length = (length << 8) | (header[i] & 0xFF);
            }
            if (length < 0) {
                throw protocolError("64-bit payload length with its most significant bit set");
            }
            p = 10;
        } else {
            length = length7;
        }
        maskKey = masked
                ? (header[p] & 0xFF) << 24 | (header[p + 1] & 0xFF) << 16 | (header[p + 2] & 0xFF) << 8 | (header[p + 3] & 0xFF)
                : 0;
        headerHave = 0;
        headerNeed = 2;
        remaining = length;
        position = 0;
        if (opcode >= 0x8) {
            controlLength = 0;
        } else {
            if (opcode != WsOpcode.CONTINUATION.code()) {
                messageOpcode = opcode;
                messageCompressed = rsv1; // the first frame of a message decides
                utf8.reset();
            }
            if (!messageCompressed) {
                message.reserveFrame(length);
            }
        }
        state = State.PAYLOAD;
        if (remaining == 0) {
            endFrame();
        }
    }

    // ---- payload -----------------------------------------------------------------------------

    private void readPayload(ByteBuffer in) throws WsProtocolException {
        int n = (int) Math.min(in.remaining(), remaining);
        if (opcode >= 0x8) {
            in.get(control, controlLength, n);
            WsMasking.mask(control, controlLength, n, maskKey, position);
            controlLength += n;
        } else if (!messageCompressed) {
            message.ensureRoom(n);
            int at = message.size;
            in.get(message.buf, at, n);
            WsMasking.mask(message.buf, at, n, maskKey, position);
            message.size = at + n;
            if (messageOpcode == WsOpcode.TEXT.code() && utf8.feed(message.buf, at, n) >= 0) {
                throw invalidUtf8();
            }
        } else {
            if (scratch == null) {
                scratch = new byte[SCRATCH_SIZE];
            }
            n = Math.min(n, scratch.length);
            in.get(scratch, 0, n);
            WsMasking.mask(scratch, 0, n, maskKey, position);
            inflater().inflate(scratch, 0, n, message, textValidator());
        }
        position += n;
        remaining -= n;
        if (remaining == 0) {
            endFrame();
        }
    }

    private void endFrame() throws WsProtocolException {
        state = State.HEADER;
        if (opcode >= 0x8) {
            endControlFrame();
        } else if (fin) {
            endMessage();
        }
    }

    private void endMessage() throws WsProtocolException {
        boolean text = messageOpcode == WsOpcode.TEXT.code();
        if (messageCompressed) {
            inflater().endMessage(message, textValidator());
        }
        if (text && !utf8.isComplete()) {
            throw new WsProtocolException(WsCloseCode.INVALID_TEXT, "text message ends inside a UTF-8 sequence");
        }
        byte[] data = message.take();
        messageOpcode = NO_MESSAGE;
        messageCompressed = false;
        listener.accept(text
                ? WsMessage.ofTextBytes(data, new String(data, StandardCharsets.UTF_8))
                : WsMessage.ofBinary(data));
    }

    private void endControlFrame() throws WsProtocolException {
        byte[] payload = Arrays.copyOf(control, controlLength);
        if (opcode == WsOpcode.PING.code()) {
            listener.accept(WsMessage.ofPing(payload));
        } else if (opcode == WsOpcode.PONG.code()) {
            listener.accept(WsMessage.ofPong(payload));
        } else {
            WsMessage close = parseClose(payload);
            state = State.CLOSE_RECEIVED;
            listener.accept(close);
        }
    }

    private static WsMessage parseClose(byte[] payload) throws WsProtocolException {
        if (payload.length == 0) {
            return WsMessage.ofCloseFrame(WsCloseCode.NO_STATUS_RECEIVED, "", payload);
        }
        if (payload.length == 1) {
            throw protocolError("close frame payload of 1 byte (a close code takes 2)");
        }
        int code = (payload[0] & 0xFF) << 8 | (payload[1] & 0xFF);
        if (!WsCloseCode.isValidOnWire(code)) {
            throw protocolError("invalid close code " + code);
        }
        if (!Utf8Validator.isValid(payload, 2, payload.length - 2)) {
            throw new WsProtocolException(WsCloseCode.INVALID_TEXT, "close reason is not valid UTF-8");
        }
        return WsMessage.ofCloseFrame(code, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8), payload);
    }

    private MessageInflater inflater() {
        if (inflater == null) {
            inflater = new MessageInflater(deflate.noContextTakeover(role.peer()));
        }
        return inflater;
    }

    private Utf8Validator textValidator() {
        return messageOpcode == WsOpcode.TEXT.code() ? utf8 : null;
    }

    private static WsProtocolException protocolError(String message) {
        return new WsProtocolException(WsCloseCode.PROTOCOL_ERROR, message);
    }

    static WsProtocolException invalidUtf8() {
        return new WsProtocolException(WsCloseCode.INVALID_TEXT, "text message is not valid UTF-8");
    }
}
