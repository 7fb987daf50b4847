package io.jasyncio.http.ws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/** Test helpers: raw frames built bit by bit (including invalid ones), hex, and feeding parsers. */
final class Frames {
    static final int FIN = 0x80;
    static final int RSV1 = 0x40;
    static final int RSV2 = 0x20;
    static final int RSV3 = 0x10;

    private Frames() {
    }

    /** Bytes from hex written with or without spaces and 0x prefixes: "0x81 0x05" or "8105". */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace("0x", "").replaceAll("\\s+", ""));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** An unmasked frame with the given first byte (FIN, RSV and opcode bits) and payload. */
    static byte[] frame(int firstByte, byte[] payload) {
        return frame(firstByte, payload, null);
    }

    /** A frame with the given first byte, payload and mask key (null for unmasked), shortest length form. */
    static byte[] frame(int firstByte, byte[] payload, Integer maskKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = maskKey == null ? 0 : 0x80;
        int len = payload.length;
        if (len <= 125) {
            out.write(maskBit | len);
        } else if (len <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(len >>> 8);
            out.write(len);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) len >>> shift));
            }
        }
        byte[] body = payload.clone();
        if (maskKey != null) {
            int k = maskKey;
            out.write(k >>> 24);
            out.write(k >>> 16);
            out.write(k >>> 8);
            out.write(k);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= (byte) (k >>> (24 - 8 * (i & 3)));
            }
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A masked frame as a client sends it (fixed key 0x37fa213d). */
    static byte[] masked(int firstByte, byte[] payload) {
        return frame(firstByte, payload, 0x37fa213d);
    }

    /** A mask source whose nextInt() returns the given keys in turn, then repeats the last. */
    static RandomGenerator keys(int... keys) {
        int[] i = {0};
        return () -> {
            int k = keys[Math.min(i[0]++, keys.length - 1)];
            return (long) k << 32;
        };
    }

    /** Collects messages and the failure of one parse. */
    static final class Result {
        final List<WsMessage> messages = new ArrayList<>();
        WsProtocolException failure;

        @Override
        public String toString() {
            return messages + (failure == null ? "" : " then " + failure.closeCode() + " " + failure.getMessage());
        }
    }

    /** Feeds {@code input} cut at the given ascending offsets; never throws, records the failure. */
    static Result parse(WsRole role, int maxMsgSize, WsDeflateParams deflate, byte[] input, int... cuts) {
        Result r = new Result();
        try (WsFrameParser parser = new WsFrameParser(role, maxMsgSize, deflate, r.messages::add)) {
            int start = 0;
            for (int cut : cuts) {
                parser.feed(ByteBuffer.wrap(input, start, cut - start));
                start = cut;
            }
            parser.feed(ByteBuffer.wrap(input, start, input.length - start));
        } catch (WsProtocolException e) {
            r.failure = e;
        }
        return r;
    }

    /** Feeds {@code input} one byte at a time. */
    static Result parseByteByByte(WsRole role, int maxMsgSize, WsDeflateParams deflate, byte[] input) {
        int[] cuts = new int[Math.max(0, input.length - 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        return parse(role, maxMsgSize, deflate, input, cuts);
    }

    /** Server role, default limit, no deflate, one feed. */
    static Result server(byte[] input) {
        return parse(WsRole.SERVER, WsFrameParser.DEFAULT_MAX_MSG_SIZE, null, input);
    }

    /** Client role, default limit, no deflate, one feed. */
    static Result client(byte[] input) {
        return parse(WsRole.CLIENT, WsFrameParser.DEFAULT_MAX_MSG_SIZE, null, input);
    }
}
