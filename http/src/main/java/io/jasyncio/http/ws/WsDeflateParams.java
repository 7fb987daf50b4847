package io.jasyncio.http.ws;

/**
 * The permessage-deflate parameters (RFC 7692 §7.1) agreed in a handshake: what
 * {@link WsServerHandshake} and {@link WsClientHandshake} return and what {@link WsFrameParser}
 * and {@link WsFrameWriter} take. A {@code null} {@code WsDeflateParams} everywhere means
 * "permessage-deflate was not negotiated".
 *
 * <p>Window bits: Java's {@link java.util.zip.Deflater} always compresses with a 32 KiB window
 * (15 bits) and offers no way to choose a smaller one, while its {@link java.util.zip.Inflater}
 * decompresses streams made with any window up to 15 bits. So the sender's own window is always
 * 15, and the peer may have agreed to any of 8..15 for its window. The handshake classes never
 * agree to a smaller window for our own compressor: a server declines an offer with
 * {@code server_max_window_bits} below 15 (RFC 7692 §7.1.2.1 lets it), and a client never offers
 * {@code client_max_window_bits}, so that a server cannot ask it for a smaller window.
 *
 * <p>Invariants: both window sizes are in 8..15. Thread rules: an immutable record.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=handshake}
 *
 * @param serverNoContextTakeover the server resets its compressor after every message
 * @param clientNoContextTakeover the client resets its compressor after every message
 * @param serverMaxWindowBits the largest LZ77 window the server's compressor uses
 * @param clientMaxWindowBits the largest LZ77 window the client's compressor uses
 */
public record WsDeflateParams(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                              int serverMaxWindowBits, int clientMaxWindowBits) {

    /** Both sides keep their context and use 15-bit windows. */
    public static final WsDeflateParams DEFAULT = new WsDeflateParams(false, false, 15, 15);

    /** Checks that the window sizes are in 8..15. */
    public WsDeflateParams {
        if (serverMaxWindowBits < 8 || serverMaxWindowBits > 15) {
            throw new IllegalArgumentException("server_max_window_bits must be in 8..15: " + serverMaxWindowBits);
        }
        if (clientMaxWindowBits < 8 || clientMaxWindowBits > 15) {
            throw new IllegalArgumentException("client_max_window_bits must be in 8..15: " + clientMaxWindowBits);
        }
    }

    /** Whether the compressor of {@code sender} is reset after every message. */
    public boolean noContextTakeover(WsRole sender) {
        return sender == WsRole.SERVER ? serverNoContextTakeover : clientNoContextTakeover;
    }

    /** The window bits of the compressor of {@code sender}. */
    public int maxWindowBits(WsRole sender) {
        return sender == WsRole.SERVER ? serverMaxWindowBits : clientMaxWindowBits;
    }
}
