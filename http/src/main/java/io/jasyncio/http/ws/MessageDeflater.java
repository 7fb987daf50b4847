package io.jasyncio.http.ws;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Sending side of permessage-deflate (RFC 7692 §7.2.1): compresses one whole message with a
 * sync flush and removes the trailing {@code 00 00 ff ff}.
 *
 * <p>Invariants: always a raw deflate stream with a 15-bit window (Java's Deflater cannot use a
 * smaller one, see {@link WsDeflateParams}); reset after each message when this side does not
 * take over context. The output array is reused by the next call.
 *
 * <p>Thread rules: not thread-safe; owned by one {@link WsFrameWriter}.
 */
final class MessageDeflater implements AutoCloseable {
    private final Deflater deflater;
    private final boolean noContextTakeover;
    private byte[] out = new byte[256];

    MessageDeflater(int level, boolean noContextTakeover) {
        this.deflater = new Deflater(level, true);
        this.noContextTakeover = noContextTakeover;
    }

    /** Compresses a message; the result is the first returned-count bytes of {@link #buffer()}. */
    int compress(byte[] data, int off, int len) {
        int want = len + (len >>> 8) + 64;
        if (out.length < want) {
            out = new byte[want];
        }
        deflater.setInput(data, off, len);
        int n = 0;
        while (true) {
            int room = out.length - n;
            int k = deflater.deflate(out, n, room, Deflater.SYNC_FLUSH);
            n += k;
            if (k < room) {
                break;
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        if (n == 0) {
            // Nothing new since the last flush (an empty message with context takeover): zlib
            // writes nothing, so send the empty stored block's first byte (RFC 7692 §7.2.3.6).
            out[0] = 0;
            n = 1;
        } else if (n >= 4 && out[n - 4] == 0 && out[n - 3] == 0 && out[n - 2] == (byte) 0xFF && out[n - 1] == (byte) 0xFF) {
            n -= 4;
        } else {
            throw new IllegalStateException("sync flush did not end with 00 00 ff ff");
        }
        if (noContextTakeover) {
            deflater.reset();
        }
        return n;
    }

    byte[] buffer() {
        return out;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
