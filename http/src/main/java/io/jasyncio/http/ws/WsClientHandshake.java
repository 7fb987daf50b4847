package io.jasyncio.http.ws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The client side of the opening handshake (RFC 6455 §4.1): makes a fresh key and the upgrade
 * request's headers, then {@link #verify}s the server's response.
 *
 * <p>{@link #verify} fails with a {@link WsHandshakeException} (carrying the received status)
 * naming what was wrong when: the status is not 101; {@code Upgrade} lacks {@code websocket} or
 * {@code Connection} lacks {@code upgrade}; {@code Sec-WebSocket-Accept} is missing, repeated or
 * not the value for our key; {@code Sec-WebSocket-Protocol} names more than one protocol or one
 * the client did not offer; {@code Sec-WebSocket-Extensions} is malformed, names an extension not
 * offered, or has permessage-deflate parameters the client cannot accept (see
 * {@link WsDeflateParams}). A server that chose no subprotocol is accepted (the result's protocol
 * is null), as aiohttp does.
 *
 * <p>Invariants: {@link #key()} and {@link #requestHeaders()} are fixed at construction.
 * Thread rules: immutable after construction.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=handshake}
 */
public final class WsClientHandshake {

    /**
     * What the server agreed to.
     *
     * @param protocol the subprotocol the server chose, or null
     * @param deflate the agreed permessage-deflate parameters, or null if not negotiated
     */
    public record Result(String protocol, WsDeflateParams deflate) {
    }

    private final List<String> protocols;
    private final WsDeflateOptions deflate;
    private final String key;
    private final Map<String, String> requestHeaders;

    /**
     * @param protocols the subprotocols to offer, most preferred first (may be empty); each a token
     * @param deflate whether and how to offer permessage-deflate
     * @param random the source of the key's 16 random bytes (a {@link java.security.SecureRandom} in production)
     */
    public WsClientHandshake(List<String> protocols, WsDeflateOptions deflate, RandomGenerator random) {
        this.protocols = List.copyOf(protocols);
        for (String p : this.protocols) {
            if (p.isEmpty() || !p.chars().allMatch(c -> c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                throw new IllegalArgumentException("a subprotocol must be a token, got '" + p + "'");
            }
        }
        this.deflate = deflate;
        this.key = WsHandshake.newKey(random);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Upgrade", "websocket");
        h.put("Connection", "Upgrade");
        h.put("Sec-WebSocket-Key", key);
        h.put("Sec-WebSocket-Version", WsHandshake.VERSION);
        if (!this.protocols.isEmpty()) {
            h.put("Sec-WebSocket-Protocol", String.join(", ", this.protocols));
        }
        String offer = DeflateNegotiation.clientOffer(deflate);
        if (offer != null) {
            h.put("Sec-WebSocket-Extensions", offer);
        }
        this.requestHeaders = Collections.unmodifiableMap(h);
    }

    /** The {@code Sec-WebSocket-Key} sent. */
    public String key() {
        return key;
    }

    /** The WebSocket headers to add to the GET request (besides {@code Host} and the like), in order. */
    public Map<String, String> requestHeaders() {
        return requestHeaders;
    }

    /**
     * Checks the server's response.
     *
     * @param status the response status code
     * @param responseHeaders all values of a header by name; names must be looked up ignoring case
     * @throws WsHandshakeException if the response does not complete the handshake
     */
    public Result verify(int status, Function<String, List<String>> responseHeaders) throws WsHandshakeException {
        if (status != 101) {
            throw new WsHandshakeException(status, "expected status 101 Switching Protocols, got " + status);
        }
        List<String> upgrade = HeaderValues.all(responseHeaders, "Upgrade");
        if (!HeaderValues.containsToken(upgrade, "websocket")) {
            throw new WsHandshakeException(status,
                    "Upgrade header must contain 'websocket', got " + HeaderValues.describe(upgrade));
        }
        List<String> connection = HeaderValues.all(responseHeaders, "Connection");
        if (!HeaderValues.containsToken(connection, "upgrade")) {
            throw new WsHandshakeException(status,
                    "Connection header must contain 'upgrade', got " + HeaderValues.describe(connection));
        }
        List<String> accept = HeaderValues.all(responseHeaders, "Sec-WebSocket-Accept");
        String expected = WsHandshake.acceptKey(key);
        if (accept.size() != 1 || !expected.equals(accept.getFirst().strip())) {
            throw new WsHandshakeException(status,
                    "Sec-WebSocket-Accept is " + HeaderValues.describe(accept) + ", expected " + expected);
        }
        List<String> chosen = HeaderValues.elements(HeaderValues.all(responseHeaders, "Sec-WebSocket-Protocol"));
        String protocol = null;
        if (chosen.size() > 1) {
            throw new WsHandshakeException(status, "Sec-WebSocket-Protocol names more than one protocol: " + chosen);
        }
        if (chosen.size() == 1) {
            protocol = chosen.getFirst();
            if (!protocols.contains(protocol)) {
                throw new WsHandshakeException(status,
                        "Sec-WebSocket-Protocol '" + protocol + "' was not offered (offered " + protocols + ")");
            }
        }
        List<WsExtensionHeader.Extension> extensions;
        try {
            extensions = WsExtensionHeader.parse(HeaderValues.all(responseHeaders, "Sec-WebSocket-Extensions"));
        } catch (IllegalArgumentException e) {
            throw new WsHandshakeException(status, e.getMessage());
        }
        return new Result(protocol, DeflateNegotiation.clientVerify(extensions, deflate, status));
    }

    /** {@link #verify(int, Function)} with headers in a map (names in any case). */
    public Result verify(int status, Map<String, ? extends List<String>> responseHeaders) throws WsHandshakeException {
        return verify(status, HeaderValues.lookup(responseHeaders));
    }
}
