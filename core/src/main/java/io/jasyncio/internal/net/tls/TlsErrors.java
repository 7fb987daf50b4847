package io.jasyncio.internal.net.tls;

import java.io.EOFException;
import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what the JDK reports when a handshake fails into an {@link SSLHandshakeException} whose
 * message names the peer and says why in words, keeping the JDK's exception as the cause: the
 * certificate is not trusted, it is for another host name, it has expired, no protocol version or
 * cipher suite in common, no ALPN protocol in common, the peer rejected our certificate, the peer
 * does not speak TLS, the peer closed the connection. Stateless.
 */
final class TlsErrors {

    private TlsErrors() {
    }

    /**
     * @param e what the engine threw (or an I/O error of the socket) during the handshake
     * @param peer who the handshake was with, for the message
     * @param serverSide whether this side is the server
     * @return an exception for the awaiter
     */
    static SSLHandshakeException handshakeFailed(Throwable e, String peer, boolean serverSide) {
        String original = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        String reason = reason(e, original, serverSide);
        String msg = "TLS handshake with " + peer + " failed: " + reason
                + (reason.contains(original) ? "" : " (" + original + ")");
        SSLHandshakeException out = new SSLHandshakeException(msg);
        out.initCause(e);
        return out;
    }

    /**
     * @param peer who the handshake was with
     * @param serverSide whether this side is the server
     * @return the failure when the peer closed the connection in the middle of the handshake
     */
    static SSLHandshakeException closedDuringHandshake(String peer, boolean serverSide) {
        return handshakeFailed(new EOFException("end of stream during the handshake"), peer, serverSide);
    }

    /**
     * @param e an engine error after the handshake (a bad record MAC, say)
     * @param peer who the connection is with
     * @return an exception naming the peer, {@code e} as its cause
     */
    static SSLException afterHandshake(SSLException e, String peer) {
        SSLException out = new SSLException("TLS error on the connection with " + peer + ": " + e.getMessage());
        out.initCause(e);
        return out;
    }

    private static String reason(Throwable e, String original, boolean serverSide) {
        String who = serverSide ? "the client's" : "the server's";
        if (e instanceof EOFException) {
            return "the peer closed the connection during the handshake";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathValidatorException v) {
                String r = String.valueOf(v.getReason());
                if (r.equals("EXPIRED")) {
                    return who + " certificate has expired";
                }
                if (r.equals("NOT_YET_VALID")) {
                    return who + " certificate is not valid yet";
                }
                if (r.equals("REVOKED")) {
                    return who + " certificate has been revoked";
                }
                return who + " certificate is not trusted";
            }
            if (t instanceof CertPathBuilderException) {
                return who + " certificate is not trusted (no chain to a trusted CA)";
            }
            if (t instanceof CertificateException c && c.getMessage() != null
                    && (c.getMessage().startsWith("No subject alternative") || c.getMessage().startsWith("No name matching"))) {
                return who + " certificate is not valid for the host name";
            }
            if (t.getMessage() != null && t.getMessage().contains("trustAnchors parameter must be non-empty")) {
                return "this side trusts no certificate at all (its trust store is empty)";
            }
        }
        String m = original.toLowerCase(Locale.ROOT);
        String alert = alert(m);
        if (alert != null) {
            return switch (alert) {
                case "certificate_unknown", "bad_certificate", "unknown_ca", "unsupported_certificate",
                        "certificate_expired", "certificate_revoked", "access_denied" ->
                        "the peer rejected our certificate (alert " + alert + ")";
                case "certificate_required" -> "the peer requires a certificate from us (alert certificate_required)";
                case "protocol_version" -> "no TLS protocol version in common (alert protocol_version)";
                case "handshake_failure", "insufficient_security" ->
                        "the peer refused the handshake: no cipher suite or parameters in common (alert " + alert + ")";
                case "no_application_protocol" -> "no ALPN protocol in common (alert no_application_protocol)";
                case "unrecognized_name" -> "the server does not know the requested host name (alert unrecognized_name)";
                default -> "the peer sent the fatal alert " + alert;
            };
        }
        if (m.contains("no appropriate protocol") || m.contains("is not enabled or supported")
                || m.contains("protocol version") || m.contains("unsupported protocol")) {
            return "no TLS protocol version in common";
        }
        if (m.contains("no cipher suites in common") || m.contains("no negotiable cipher")) {
            return "no cipher suite in common";
        }
        if (m.contains("application layer protocol")) {
            return "no ALPN protocol in common";
        }
        if (m.contains("unsupported or unrecognized ssl message") || m.contains("plaintext connection")) {
            return "the peer does not speak TLS (a plain-text service?)";
        }
        if (m.contains("empty client certificate chain") || m.contains("certificate required")) {
            return "the client sent no certificate, and one is required";
        }
        if (m.contains("remote host terminated") || m.contains("end of stream") || m.contains("connection reset")
                || m.contains("broken pipe")) {
            return "the peer closed the connection during the handshake";
        }
        if (e instanceof IOException && !(e instanceof SSLException)) {
            return "I/O error during the handshake";
        }
        return original;
    }

    /** @return the alert name in "Received fatal alert: xyz", or {@code null} */
    private static String alert(String lowerMessage) {
        String key = "received fatal alert: ";
        int i = lowerMessage.indexOf(key);
        if (i < 0) {
            return null;
        }
        String rest = lowerMessage.substring(i + key.length()).trim();
        int end = 0;
        while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? null : rest.substring(0, end);
    }
}
