package io.jasyncio.internal.net;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;

/**
 * How addresses and I/O errors appear in messages: {@code 127.0.0.1:8888}, {@code [::1]:8888},
 * {@code unix:/tmp/s}; and I/O errors re-made to say what was being done with which peer, keeping
 * their class (as far as the JDK allows) and the original as the cause.
 */
public final class Addresses {

    private Addresses() {
    }

    /**
     * @param addr a socket address (or anything)
     * @return a short description for messages
     */
    public static String describe(Object addr) {
        if (addr instanceof InetSocketAddress isa) {
            String host = isa.isUnresolved() || isa.getAddress() == null ? isa.getHostString()
                    : isa.getAddress() instanceof java.net.Inet6Address v6 ? compress(v6)
                    : isa.getAddress().getHostAddress();
            int pct = host.indexOf('%');
            if (pct >= 0) {
                host = host.substring(0, pct);
            }
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + isa.getPort();
        }
        if (addr instanceof UnixDomainSocketAddress u) {
            return "unix:" + u.getPath();
        }
        return String.valueOf(addr);
    }

    /** @return the RFC 5952 text of an IPv6 address: {@code ::1}, not {@code 0:0:0:0:0:0:0:1} */
    static String compress(java.net.Inet6Address a) {
        return rfc5952(a.getAddress());
    }

    /**
     * Formats 16 address bytes as RFC 5952 text: lower-case hex groups without leading zeros, the
     * first longest run of two or more zero groups as {@code ::}. Shared with the http module's
     * URL host normalisation, so that both print an address the same way.
     *
     * @param b the 16 bytes of an IPv6 address
     * @return its canonical text
     */
    public static String rfc5952(byte[] b) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(words[i]));
        }
        return sb.toString();
    }

    /**
     * Re-makes an I/O error so that its message names the operation and the peer.
     *
     * @param e the JDK's exception
     * @param what what was being done, such as {@code "reading from"}
     * @param peer the peer's address, or {@code null}
     * @return an exception of the same family with a descriptive message and {@code e} as cause
     */
    public static IOException annotate(IOException e, String what, Object peer) {
        String original = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        String msg = original + " (" + what + (peer != null ? " " + describe(peer) : "") + ")";
        IOException out;
        if (e instanceof ConnectException) {
            out = new ConnectException(msg);
        } else if (e instanceof BindException) {
            out = new BindException(msg);
        } else if (e instanceof NoRouteToHostException) {
            out = new NoRouteToHostException(msg);
        } else if (e instanceof PortUnreachableException) {
            out = new PortUnreachableException(msg);
        } else if (e instanceof SocketException) {
            out = new SocketException(msg);
        } else {
            out = new IOException(msg);
        }
        out.initCause(e);
        return out;
    }
}
