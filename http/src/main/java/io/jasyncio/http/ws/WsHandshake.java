package io.jasyncio.http.ws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * The key arithmetic of the opening handshake (RFC 6455 §4.1, §4.2.2), shared by
 * {@link WsServerHandshake} and {@link WsClientHandshake}.
 *
 * <p>Thread rules: pure functions (apart from drawing from the caller's random source).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=handshake}
 */
public final class WsHandshake {
    /** The GUID appended to the key before hashing. */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** The only protocol version this library speaks, as sent in {@code Sec-WebSocket-Version}. */
    public static final String VERSION = "13";

    private WsHandshake() {
    }

    /**
     * The {@code Sec-WebSocket-Accept} value for a {@code Sec-WebSocket-Key}: base64 of the SHA-1
     * of the key followed by {@link #GUID}.
     */
    public static String acceptKey(String secWebSocketKey) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((secWebSocketKey + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }

    /** A fresh {@code Sec-WebSocket-Key}: base64 of 16 bytes drawn from {@code random}. */
    public static String newKey(RandomGenerator random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** Whether {@code key} is the base64 form (24 characters, padded) of exactly 16 bytes. */
    public static boolean isValidKey(String key) {
        if (key == null || key.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
