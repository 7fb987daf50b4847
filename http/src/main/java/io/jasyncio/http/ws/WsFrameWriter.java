package io.jasyncio.http.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.zip.Deflater;

/**
 * Encodes messages as WebSocket frames (RFC 6455 §5), ready to write to the connection: each
 * {@code encode*} method returns a new heap buffer holding every frame of one message.
 *
 * <p>Behaviour: a {@link WsRole#CLIENT} writer masks every frame with a fresh key drawn from its
 * mask source ({@link RandomGenerator#nextInt()}, one per frame); a {@link WsRole#SERVER} writer
 * never masks. With {@code maxFrameSize > 0}, a text or binary message longer than that is split
 * into frames of at most {@code maxFrameSize} payload bytes (after compression); control frames
 * are never split. With permessage-deflate agreed, text and binary messages are compressed
 * (unless the call asks otherwise), RSV1 set on their first frame, and the compressor reset after
 * each message if this side agreed to no context takeover; control frames are never compressed.
 * Lengths use the shortest of the 7-bit, 16-bit and 64-bit forms.
 *
 * <p>Invariants: the returned buffer is the writer's no more (position 0, limit = length);
 * arguments are only read. After {@link #encodeClose} nothing more may be encoded (RFC 6455
 * §5.5.1): any later call throws {@link IllegalStateException}. Invalid arguments (a control
 * payload over 125 bytes, a close code that may not be sent, a reason over 123 UTF-8 bytes)
 * throw {@link IllegalArgumentException}.
 *
 * <p>Thread rules: not thread-safe (the compressor's context and the close state are shared by
 * all calls): one writer per connection, used by one thread (or task) at a time, in the order the
 * frames will be written. {@link #close()} frees the compressor's native memory.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=frames}
 */
public final class WsFrameWriter implements AutoCloseable {
    private static final byte[] EMPTY = new byte[0];

    private final WsRole role;
    private final RandomGenerator maskSource;
    private final int maxFrameSize;
    private final MessageDeflater deflater;
    private boolean closeWritten;

    /**
     * @param role the side this writer writes for: a {@link WsRole#CLIENT} masks
     * @param maskSource the source of masking keys for a client (a {@link java.security.SecureRandom}
     *        in production, RFC 6455 §10.3); ignored, and may be null, for a server
     * @param deflate the agreed permessage-deflate parameters, or null if not negotiated
     * @param compressionLevel a {@link Deflater} level, 0..9 or {@link Deflater#DEFAULT_COMPRESSION}
     * @param maxFrameSize the largest payload per data frame, or 0 to send each message as one frame
     */
    public WsFrameWriter(WsRole role, RandomGenerator maskSource, WsDeflateParams deflate,
                         int compressionLevel, int maxFrameSize) {
        this.role = Objects.requireNonNull(role, "role");
        if (role == WsRole.CLIENT) {
            Objects.requireNonNull(maskSource, "a client writer needs a mask source");
        }
        if (maxFrameSize < 0) {
            throw new IllegalArgumentException("maxFrameSize must be >= 0 (0 for no fragmentation): " + maxFrameSize);
        }
        if (compressionLevel < -1 || compressionLevel > 9) {
            throw new IllegalArgumentException("compressionLevel must be -1..9: " + compressionLevel);
        }
        this.maskSource = maskSource;
        this.maxFrameSize = maxFrameSize;
        this.deflater = deflate == null ? null : new MessageDeflater(compressionLevel, deflate.noContextTakeover(role));
    }

    /** A server writer: no masking, default compression level, no fragmentation. */
    public static WsFrameWriter forServer(WsDeflateParams deflate) {
        return new WsFrameWriter(WsRole.SERVER, null, deflate, Deflater.DEFAULT_COMPRESSION, 0);
    }

    /** A client writer masking with keys from {@code maskSource}: default compression level, no fragmentation. */
    public static WsFrameWriter forClient(RandomGenerator maskSource, WsDeflateParams deflate) {
        return new WsFrameWriter(WsRole.CLIENT, maskSource, deflate, Deflater.DEFAULT_COMPRESSION, 0);
    }

    /** Whether messages are compressed by default (permessage-deflate was agreed). */
    public boolean isCompressing() {
        return deflater != null;
    }

    /** A text message, compressed if permessage-deflate was agreed. */
    public ByteBuffer encodeText(String text) {
        return encodeText(text, deflater != null);
    }

    /**
     * A text message. Unpaired surrogates in {@code text} become '?', as {@link String#getBytes} does.
     *
     * @param compress whether to compress it; ignored if permessage-deflate was not agreed
     */
    public ByteBuffer encodeText(String text, boolean compress) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return encodeMessage(WsOpcode.TEXT, utf8, 0, utf8.length, compress);
    }

    /** A binary message, compressed if permessage-deflate was agreed. */
    public ByteBuffer encodeBinary(byte[] data) {
        return encodeBinary(data, 0, data.length, deflater != null);
    }

    /**
     * A binary message of {@code data[offset, offset+length)}.
     *
     * @param compress whether to compress it; ignored if permessage-deflate was not agreed
     */
    public ByteBuffer encodeBinary(byte[] data, int offset, int length, boolean compress) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return encodeMessage(WsOpcode.BINARY, data, offset, length, compress);
    }

    /** A ping with up to 125 bytes of application data. */
    public ByteBuffer encodePing(byte[] data) {
        return encodeControl(WsOpcode.PING, data);
    }

    /** A pong with up to 125 bytes of application data (a reply to a ping echoes its data). */
    public ByteBuffer encodePong(byte[] data) {
        return encodeControl(WsOpcode.PONG, data);
    }

    /**
     * A close frame with a status code and a reason.
     *
     * @param code a code for which {@link WsCloseCode#isValidOnWire(int)} holds
     * @param reason at most 123 bytes in UTF-8 (may be empty)
     */
    public ByteBuffer encodeClose(int code, String reason) {
        if (!WsCloseCode.isValidOnWire(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent");
        }
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        if (r.length > 123) {
            throw new IllegalArgumentException("close reason is " + r.length + " bytes in UTF-8, at most 123 fit");
        }
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        ByteBuffer out = encodeControl(WsOpcode.CLOSE, payload);
        closeWritten = true;
        return out;
    }

    /** A close frame with no status code (the peer sees 1005). */
    public ByteBuffer encodeClose() {
        ByteBuffer out = encodeControl(WsOpcode.CLOSE, EMPTY);
        closeWritten = true;
        return out;
    }

    /** Whether a close frame has been encoded. */
    public boolean isCloseWritten() {
        return closeWritten;
    }

    /** Frees the compressor. Idempotent. */
    @Override
    public void close() {
        if (deflater != null) {
            deflater.close();
        }
    }

    private ByteBuffer encodeControl(WsOpcode op, byte[] payload) {
        checkOpen();
        if (payload.length > 125) {
            throw new IllegalArgumentException(op + " payload is " + payload.length + " bytes, at most 125 fit");
        }
        byte[] out = new byte[headerLength(payload.length) + payload.length];
        writeFrame(out, 0, true, false, op.code(), payload, 0, payload.length);
        return ByteBuffer.wrap(out);
    }

    private ByteBuffer encodeMessage(WsOpcode op, byte[] data, int offset, int length, boolean compress) {
        checkOpen();
        boolean rsv1 = false;
        if (compress && deflater != null) {
            length = deflater.compress(data, offset, length);
            data = deflater.buffer();
            offset = 0;
            rsv1 = true;
        }
        int chunk = maxFrameSize > 0 ? maxFrameSize : Math.max(length, 1);
        int frames = length == 0 ? 1 : (int) ((length + (long) chunk - 1) / chunk);
        long total = 0;
        for (int i = 0, left = length; i < frames; i++, left -= chunk) {
            int n = Math.min(chunk, left);
            total += headerLength(n) + n;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("message too large for one buffer: " + total + " bytes of frames");
        }
        byte[] out = new byte[(int) total];
        int pos = 0;
        for (int i = 0, done = 0; i < frames; i++) {
            int n = Math.min(chunk, length - done);
            pos = writeFrame(out, pos, i == frames - 1, rsv1 && i == 0, i == 0 ? op.code() : 0, data, offset + done, n);
            done += n;
        }
        return ByteBuffer.wrap(out);
    }

    private int headerLength(int payloadLength) {
        int len = payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
        return role == WsRole.CLIENT ? len + 4 : len;
    }

    /** Writes one frame at {@code pos}; returns the position after it. */
    private int writeFrame(byte[] out, int pos, boolean fin, boolean rsv1, int opcode,
                           byte[] payload, int offset, int length) {
        out[pos++] = (byte) ((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
        int maskBit = role == WsRole.CLIENT ? 0x80 : 0;
        if (length <= 125) {
            out[pos++] = (byte) (maskBit | length);
        } else if (length <= 0xFFFF) {
            out[pos++] = (byte) (maskBit | 126);
            out[pos++] = (byte) (length >>> 8);
            out[pos++] = (byte) length;
        } else {
            out[pos++] = (byte) (maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out[pos++] = (byte) ((long) length >>> shift);
            }
        }
        int key = 0;
        if (maskBit != 0) {
            key = maskSource.nextInt();
            out[pos++] = (byte) (key >>> 24);
            out[pos++] = (byte) (key >>> 16);
            out[pos++] = (byte) (key >>> 8);
            out[pos++] = (byte) key;
        }
        System.arraycopy(payload, offset, out, pos, length);
        WsMasking.mask(out, pos, length, key, 0);
        return pos + length;
    }

    private void checkOpen() {
        if (closeWritten) {
            throw new IllegalStateException("a close frame was already encoded: nothing may follow it");
        }
    }
}
