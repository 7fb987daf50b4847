package io.jasyncio.http.ws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The server side of the opening handshake (RFC 6455 §4.2): {@link #accept} checks a client's
 * request and, if it is a valid WebSocket upgrade, gives the headers of the 101 response, the
 * chosen subprotocol and the agreed permessage-deflate parameters.
 *
 * <p>Checks, each failing with a {@link WsHandshakeException} naming the header: the method is
 * {@code GET} (else 405); {@code Upgrade} has the token {@code websocket} and {@code Connection}
 * the token {@code upgrade}, ignoring case (else 400); {@code Sec-WebSocket-Version} is {@code 13}
 * (400 if missing, else 426 with {@code Sec-WebSocket-Version: 13}); {@code Sec-WebSocket-Key} is
 * given once and is base64 of 16 bytes (else 400).
 *
 * <p>Subprotocol: the first of the server's {@code protocols} (its order of preference) that the
 * client listed in {@code Sec-WebSocket-Protocol}, compared exactly; none if there is no common
 * one, in which case the response has no {@code Sec-WebSocket-Protocol} and the client decides
 * whether to go on (as aiohttp does). Extensions: see {@link WsDeflateParams}; unknown extensions
 * and unacceptable offers are declined, a malformed header declines them all.
 *
 * <p>Invariants: {@code responseHeaders} holds {@code Upgrade}, {@code Connection},
 * {@code Sec-WebSocket-Accept}, and {@code Sec-WebSocket-Protocol} iff {@code protocol} is not
 * null, and {@code Sec-WebSocket-Extensions} iff {@code deflate} is not null. Thread rules: an
 * immutable record; {@link #accept} is a pure function.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=handshake}
 *
 * @param protocol the chosen subprotocol, or null
 * @param deflate the agreed permessage-deflate parameters, or null if not negotiated
 * @param responseHeaders the headers of the 101 response, in order
 */
public record WsServerHandshake(String protocol, WsDeflateParams deflate, Map<String, String> responseHeaders) {

    /** Copies the headers into an unmodifiable map that keeps their order. */
    public WsServerHandshake {
        responseHeaders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(responseHeaders));
    }

    /**
     * Checks an upgrade request and answers it.
     *
     * @param method the request method
     * @param requestHeaders all values of a header by name; names must be looked up ignoring case
     * @param protocols the subprotocols the server speaks, most preferred first (may be empty)
     * @param deflate whether and how the server accepts permessage-deflate
     * @throws WsHandshakeException if the request is not a valid WebSocket upgrade
     */
    public static WsServerHandshake accept(String method, Function<String, List<String>> requestHeaders,
                                           List<String> protocols, WsDeflateOptions deflate)
            throws WsHandshakeException {
        if (!"GET".equals(method)) {
            throw new WsHandshakeException(405, "WebSocket handshake needs method GET, got " + method);
        }
        List<String> upgrade = HeaderValues.all(requestHeaders, "Upgrade");
        if (!HeaderValues.containsToken(upgrade, "websocket")) {
            throw new WsHandshakeException(400,
                    "Upgrade header must contain 'websocket', got " + HeaderValues.describe(upgrade));
        }
        List<String> connection = HeaderValues.all(requestHeaders, "Connection");
        if (!HeaderValues.containsToken(connection, "upgrade")) {
            throw new WsHandshakeException(400,
                    "Connection header must contain 'upgrade', got " + HeaderValues.describe(connection));
        }
        List<String> version = HeaderValues.all(requestHeaders, "Sec-WebSocket-Version");
        if (version.isEmpty()) {
            throw new WsHandshakeException(400, "missing Sec-WebSocket-Version header");
        }
        if (version.size() != 1 || !WsHandshake.VERSION.equals(version.getFirst().strip())) {
            throw new WsHandshakeException(426,
                    "unsupported Sec-WebSocket-Version " + HeaderValues.describe(version) + ", only 13 is supported",
                    Map.of("Sec-WebSocket-Version", WsHandshake.VERSION));
        }
        List<String> keys = HeaderValues.all(requestHeaders, "Sec-WebSocket-Key");
        if (keys.size() != 1) {
            throw new WsHandshakeException(400,
                    "Sec-WebSocket-Key must be given exactly once, got " + HeaderValues.describe(keys));
        }
        String key = keys.getFirst().strip();
        if (!WsHandshake.isValidKey(key)) {
            throw new WsHandshakeException(400,
                    "Sec-WebSocket-Key must be base64 of 16 bytes, got '" + key + "'");
        }

        String chosen = chooseProtocol(
                HeaderValues.elements(HeaderValues.all(requestHeaders, "Sec-WebSocket-Protocol")), protocols);

        DeflateNegotiation.Accepted ext = null;
        List<String> extValues = HeaderValues.all(requestHeaders, "Sec-WebSocket-Extensions");
        if (!extValues.isEmpty()) {
            try {
                ext = DeflateNegotiation.serverAccept(WsExtensionHeader.parse(extValues), deflate);
            } catch (IllegalArgumentException malformed) {
                ext = null; // decline every extension of a header we cannot read
            }
        }

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Accept", WsHandshake.acceptKey(key));
        if (chosen != null) {
            headers.put("Sec-WebSocket-Protocol", chosen);
        }
        if (ext != null) {
            headers.put("Sec-WebSocket-Extensions", ext.responseHeader());
        }
        return new WsServerHandshake(chosen, ext == null ? null : ext.params(), headers);
    }

    /** {@link #accept(String, Function, List, WsDeflateOptions)} with headers in a map (names in any case). */
    public static WsServerHandshake accept(String method, Map<String, ? extends List<String>> requestHeaders,
                                           List<String> protocols, WsDeflateOptions deflate)
            throws WsHandshakeException {
        return accept(method, HeaderValues.lookup(requestHeaders), protocols, deflate);
    }

    private static String chooseProtocol(List<String> offered, List<String> supported) {
        for (String p : supported) {
            if (offered.contains(p)) {
                return p;
            }
        }
        return null;
    }
}
