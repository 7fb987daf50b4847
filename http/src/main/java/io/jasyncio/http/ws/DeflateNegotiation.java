package io.jasyncio.http.ws;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The permessage-deflate negotiation of RFC 7692 §7.1 for both sides, within what Java's zlib
 * binding can do (see {@link WsDeflateParams} about window bits).
 *
 * <p>Thread rules: pure functions.
 */
final class DeflateNegotiation {
    static final String NAME = "permessage-deflate";

    /** What a server answers: the agreed parameters and the response header value. */
    record Accepted(WsDeflateParams params, String responseHeader) {
    }

    private DeflateNegotiation() {
    }

    /** The {@code Sec-WebSocket-Extensions} value a client sends, or null if deflate is off. */
    static String clientOffer(WsDeflateOptions options) {
        if (!options.enabled()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(NAME);
        if (options.clientNoContextTakeover()) {
            sb.append("; client_no_context_takeover");
        }
        if (options.serverNoContextTakeover()) {
            sb.append("; server_no_context_takeover");
        }
        return sb.toString();
    }

    /**
     * The first permessage-deflate offer this server can accept, or null. Offers with unknown,
     * repeated or invalid parameters are declined (RFC 7692 §7.1), and so are those asking for
     * {@code server_max_window_bits} below 15, which Java's Deflater cannot honour.
     */
    static Accepted serverAccept(List<WsExtensionHeader.Extension> offers, WsDeflateOptions options) {
        if (!options.enabled()) {
            return null;
        }
        for (WsExtensionHeader.Extension offer : offers) {
            if (offer.name().equalsIgnoreCase(NAME)) {
                Accepted a = tryAccept(offer, options);
                if (a != null) {
                    return a;
                }
            }
        }
        return null;
    }

    private static Accepted tryAccept(WsExtensionHeader.Extension offer, WsDeflateOptions options) {
        boolean serverNoTakeover = false;
        boolean clientNoTakeover = false;
        int serverBits = -1;
        int clientBits = 15;
        Set<String> seen = new HashSet<>();
        for (WsExtensionHeader.Param p : offer.params()) {
            String name = HeaderValues.lower(p.name());
            if (!seen.add(name)) {
                return null;
            }
            switch (name) {
                case "server_no_context_takeover" -> {
                    if (p.value() != null) {
                        return null;
                    }
                    serverNoTakeover = true;
                }
                case "client_no_context_takeover" -> {
                    if (p.value() != null) {
                        return null;
                    }
                    clientNoTakeover = true;
                }
                case "server_max_window_bits" -> {
                    serverBits = windowBits(p.value());
                    if (serverBits < 0) {
                        return null;
                    }
                }
                case "client_max_window_bits" -> {
                    if (p.value() != null) {
                        clientBits = windowBits(p.value());
                        if (clientBits < 0) {
                            return null;
                        }
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        if (serverBits >= 0 && serverBits < 15) {
            return null; // our Deflater always uses a 15-bit window
        }
        serverNoTakeover |= options.serverNoContextTakeover();
        clientNoTakeover |= options.clientNoContextTakeover();
        StringBuilder sb = new StringBuilder(NAME);
        if (serverNoTakeover) {
            sb.append("; server_no_context_takeover");
        }
        if (clientNoTakeover) {
            sb.append("; client_no_context_takeover");
        }
        if (serverBits == 15) {
            sb.append("; server_max_window_bits=15");
        }
        return new Accepted(new WsDeflateParams(serverNoTakeover, clientNoTakeover, 15, clientBits), sb.toString());
    }

    /**
     * Checks a server's {@code Sec-WebSocket-Extensions} answer against the client's offer.
     *
     * @return the agreed parameters, or null if the server accepted no extension
     */
    static WsDeflateParams clientVerify(List<WsExtensionHeader.Extension> answer, WsDeflateOptions offered,
                                        int status) throws WsHandshakeException {
        if (answer.isEmpty()) {
            return null;
        }
        if (!offered.enabled()) {
            throw new WsHandshakeException(status,
                    "server answered with extension '" + answer.getFirst().name() + "' but the client offered none");
        }
        if (answer.size() > 1) {
            throw new WsHandshakeException(status,
                    "server answered with " + answer.size() + " extensions but the client offered only " + NAME);
        }
        WsExtensionHeader.Extension ext = answer.getFirst();
        if (!ext.name().equalsIgnoreCase(NAME)) {
            throw new WsHandshakeException(status,
                    "server answered with extension '" + ext.name() + "' that the client did not offer");
        }
        boolean serverNoTakeover = false;
        boolean clientNoTakeover = offered.clientNoContextTakeover();
        int serverBits = 15;
        Set<String> seen = new HashSet<>();
        for (WsExtensionHeader.Param p : ext.params()) {
            String name = HeaderValues.lower(p.name());
            if (!seen.add(name)) {
                throw new WsHandshakeException(status, NAME + " parameter '" + p.name() + "' given twice");
            }
            switch (name) {
                case "server_no_context_takeover" -> {
                    requireNoValue(p, status);
                    serverNoTakeover = true;
                }
                case "client_no_context_takeover" -> {
                    requireNoValue(p, status);
                    clientNoTakeover = true;
                }
                case "server_max_window_bits" -> {
                    serverBits = windowBits(p.value());
                    if (serverBits < 0) {
                        throw new WsHandshakeException(status,
                                NAME + " server_max_window_bits must be 8..15, got " + p.value());
                    }
                }
                case "client_max_window_bits" -> throw new WsHandshakeException(status,
                        NAME + " answer has client_max_window_bits, which the client did not offer"
                                + " (Java's Deflater only compresses with a 15-bit window)");
                default -> throw new WsHandshakeException(status,
                        NAME + " answer has unknown parameter '" + p.name() + "'");
            }
        }
        return new WsDeflateParams(serverNoTakeover, clientNoTakeover, serverBits, 15);
    }

    private static void requireNoValue(WsExtensionHeader.Param p, int status) throws WsHandshakeException {
        if (p.value() != null) {
            throw new WsHandshakeException(status,
                    NAME + " parameter '" + p.name() + "' takes no value, got '" + p.value() + "'");
        }
    }

    /** 8..15 written without leading zeros, or -1. */
    private static int windowBits(String value) {
        if (value == null || value.isEmpty() || value.length() > 2 || value.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        int bits = Integer.parseInt(value);
        return bits >= 8 && bits <= 15 ? bits : -1;
    }
}
