package io.jasyncio.http.ws;

/**
 * Which end of a WebSocket connection an object works for. It decides masking (RFC 6455 §5.1):
 * a client masks every frame it sends and a server never does, so a {@link #SERVER} parser
 * requires masked frames and a {@link #CLIENT} parser requires unmasked ones. With
 * permessage-deflate it also decides which of the {@code *_no_context_takeover} parameters
 * applies to which direction.
 *
 * <p>Thread rules: an immutable enum, safe to share.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=frames}
 */
public enum WsRole {
    /** The end that accepted the connection: sends unmasked frames, receives masked ones. */
    SERVER,
    /** The end that opened the connection: sends masked frames, receives unmasked ones. */
    CLIENT;

    /** The other end. */
    public WsRole peer() {
        return this == SERVER ? CLIENT : SERVER;
    }
}
