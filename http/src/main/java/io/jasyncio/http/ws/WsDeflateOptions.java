package io.jasyncio.http.ws;

/**
 * What one side is willing to do about permessage-deflate (RFC 7692) before the handshake: a
 * client offers it, a server accepts an offer with it. The result of the handshake is a
 * {@link WsDeflateParams} (or none).
 *
 * <p>For a client, {@code serverNoContextTakeover} asks the server to reset its compressor after
 * every message and {@code clientNoContextTakeover} announces that the client will reset its own.
 * For a server, {@code serverNoContextTakeover} makes it reset its compressor even if the client
 * did not ask, and {@code clientNoContextTakeover} asks the client to reset its compressor (which
 * saves the server's inflater nothing in Java, but bounds what the client must keep). See
 * {@link WsDeflateParams} for window bits.
 *
 * <p>Thread rules: an immutable record.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=handshake}
 *
 * @param enabled whether to offer (client) or accept (server) permessage-deflate at all
 * @param serverNoContextTakeover see above
 * @param clientNoContextTakeover see above
 */
public record WsDeflateOptions(boolean enabled, boolean serverNoContextTakeover, boolean clientNoContextTakeover) {

    /** permessage-deflate off. */
    public static final WsDeflateOptions DISABLED = new WsDeflateOptions(false, false, false);

    /** permessage-deflate on, with context takeover in both directions unless the peer asks otherwise. */
    public static final WsDeflateOptions ENABLED = new WsDeflateOptions(true, false, false);
}
