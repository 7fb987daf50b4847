package io.jasyncio.http.url;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/**
 * Canonical host names (RFC 6265 §5.1.2 "canonicalized host name", RFC 3986 §3.2.2), shared by
 * {@link Url} and the cookie jar so both compare hosts the same way.
 *
 * <p>The canonical form is: a registered name percent-decoded, converted to IDNA A-labels
 * ({@link IDN#toASCII}) and lower-cased; an IPv4 address in dotted-decimal (the WHATWG number
 * forms {@code 127.1}, {@code 0x7f.0.0.1} and {@code 0177.0.0.1} are read as the address they
 * denote, so the same machine has one name); an IPv6 address in RFC 5952 text form without
 * brackets. Only RFC 3986 reg-name characters are allowed (unreserved and sub-delims) besides
 * non-ASCII letters.
 *
 * <p>Stateless; every method is pure, never touches the network, and is safe from any thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=hostName}
 */
public final class HostName {
    private static final boolean[] REG_NAME = regNameTable();

    private HostName() {}

    /**
     * The canonical form of a host, given with or without IPv6 brackets. The empty string stays
     * empty.
     *
     * @throws IllegalArgumentException naming the problem: a forbidden character, a malformed IP
     *     address, an IPv6 zone, or a name IDNA rejects
     */
    public static String canonicalize(String host) {
        if (host.isEmpty()) {
            return host;
        }
        if (host.startsWith("[") || host.indexOf(':') >= 0) {
            String inner = host.startsWith("[") && host.endsWith("]")
                    ? host.substring(1, host.length() - 1) : host;
            return ipv6(inner, host);
        }
        String name = host.indexOf('%') >= 0 ? PercentCodec.decode(host) : host;
        boolean ascii = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128) {
                ascii = false;
            } else if (!REG_NAME[c]) {
                throw new IllegalArgumentException(
                        "invalid character '" + printable(c) + "' in host '" + host + "'");
            }
        }
        if (!ascii) {
            try {
                name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "invalid internationalised host name '" + host + "': " + e.getMessage(), e);
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c >= 128 || !REG_NAME[c]) {
                    throw new IllegalArgumentException(
                            "invalid character '" + printable(c) + "' in host '" + host + "'");
                }
            }
        }
        name = name.toLowerCase(Locale.ROOT);
        return endsInNumber(name) ? ipv4(name, host) : name;
    }

    /** Whether a canonical host is an IPv4 or IPv6 address rather than a name. */
    public static boolean isIpAddress(String canonicalHost) {
        if (canonicalHost.indexOf(':') >= 0) {
            return true;
        }
        String[] parts = canonicalHost.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String ipv6(String literal, String original) {
        if (literal.startsWith("v") || literal.startsWith("V")) {
            throw new IllegalArgumentException("IPvFuture host '" + original + "' is not supported");
        }
        if (literal.indexOf('%') >= 0) {
            throw new IllegalArgumentException("IPv6 zone identifiers are not supported: '" + original + "'");
        }
        InetAddress address;
        try {
            address = literal.indexOf(':') < 0 ? null : Inet6Address.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            address = null;
        }
        if (address == null) {
            throw new IllegalArgumentException("invalid IPv6 address '" + original + "'");
        }
        if (address instanceof Inet4Address v4) { // an IPv4-mapped literal
            return "::ffff:" + v4.getHostAddress();
        }
        return io.jasyncio.internal.net.Addresses.rfc5952(address.getAddress());
    }

    /** WHATWG "ends in a number": the last label (ignoring one trailing dot) is a number. */
    private static boolean endsInNumber(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String last = n.substring(n.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return (last.startsWith("0x") && last.substring(2).chars().allMatch(c -> PercentCodec.hex((char) c) >= 0));
    }

    private static String ipv4(String name, String original) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String[] parts = n.split("\\.", -1);
        if (parts.length > 4) {
            throw new IllegalArgumentException("invalid IPv4 address '" + original + "'");
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = ipv4Number(parts[i]);
            if (numbers[i] < 0 || (i < parts.length - 1 && numbers[i] > 255)) {
                throw new IllegalArgumentException("invalid IPv4 address '" + original + "'");
            }
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            throw new IllegalArgumentException("invalid IPv4 address '" + original + "'");
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return (address >> 24) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }

    /** One IPv4 part: decimal, 0x-hex or 0-octal; -1 if invalid or larger than 2^32. */
    private static long ipv4Number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || digits.charAt(i) >= 128) {
                return -1;
            }
            v = v * radix + d;
            if (v > 0xffffffffL) {
                return -1;
            }
        }
        return v;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? "U+%04X".formatted((int) c) : String.valueOf(c);
    }

    private static boolean[] regNameTable() {
        boolean[] t = PercentCodec.UNRESERVED.clone();
        for (char c : PercentCodec.SUB_DELIMS.toCharArray()) {
            t[c] = true;
        }
        return t;
    }
}
