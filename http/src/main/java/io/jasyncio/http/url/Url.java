package io.jasyncio.http.url;

import java.util.Locale;
import java.util.Objects;

/**
 * An immutable URI reference (RFC 3986): an absolute URL such as
 * {@code https://user@example.com:8443/a/b?x=1#top} or a relative reference such as
 * {@code ../c?y}, like yarl's {@code URL}.
 *
 * <p>Parsing ({@link #parse}) normalises without changing meaning: the scheme and host are
 * lower-cased, the host is canonicalised by {@link HostName} (IDNA A-labels, IPv4 numbers, RFC
 * 5952 IPv6), characters a component may not hold literally (spaces, non-ASCII, ...) are
 * percent-encoded as UTF-8, existing escapes get upper-case hex digits and escapes of unreserved
 * characters are decoded. Dot segments are kept as written; {@link #resolve} removes them as RFC
 * 3986 §5.2 requires. Parsing rejects, with an {@link IllegalArgumentException} naming the
 * problem, control characters (so CR/LF can never reach a request line), an invalid scheme, an
 * invalid port, an invalid host, and an empty host in an {@code http}, {@code https}, {@code ws}
 * or {@code wss} URL that has an authority.
 *
 * <p>Components are exposed raw (as they appear in the text, percent-encoded) and decoded.
 * Absent components are reported as empty strings, with {@code has...} methods telling an absent
 * query, fragment, user information or authority from an empty one; {@link #toString()} keeps
 * the difference, so {@code parse(u.toString()).equals(u)}. Equality is exact equality of the
 * normalised text: {@code http://a:80/} and {@code http://a/} differ.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=url}
 */
public final class Url {
    private final String scheme;    // "" for a relative reference, else lower case
    private final String userInfo;  // normalised raw text, or null
    private final String host;      // canonical, IPv6 without brackets, or null without authority
    private final int port;         // -1 if absent
    private final String path;      // normalised raw text, never null
    private final String query;     // normalised raw text, or null
    private final String fragment;  // normalised raw text, or null
    private final String text;

    private Url(String scheme, String userInfo, String host, int port, String path, String query,
            String fragment) {
        this.scheme = scheme;
        this.userInfo = userInfo;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
        this.fragment = fragment;
        this.text = recompose();
    }

    /**
     * Parses an absolute URL or a relative reference. Leading and trailing spaces are ignored.
     *
     * @throws IllegalArgumentException naming the problem; see the class comment
     */
    public static Url parse(String input) {
        Objects.requireNonNull(input, "input");
        String s = input.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(
                        "URL contains the control character U+%04X at index %d: '%s'".formatted((int) c, i, input));
            }
        }
        String scheme = "";
        int pos = 0;
        int delim = indexOfAny(s, ":/?#", 0);
        if (delim >= 0 && s.charAt(delim) == ':') {
            if (delim == 0) {
                throw new IllegalArgumentException("URL has an empty scheme: '" + input + "'");
            }
            scheme = checkScheme(s.substring(0, delim), input);
            pos = delim + 1;
        }
        String userInfo = null;
        String host = null;
        int port = -1;
        if (s.startsWith("//", pos)) {
            int end = indexOfAny(s, "/?#", pos + 2);
            end = end < 0 ? s.length() : end;
            String authority = s.substring(pos + 2, end);
            pos = end;
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                userInfo = PercentCodec.normalize(authority.substring(0, at), PercentCodec.USERINFO);
            }
            String hostPort = authority.substring(at + 1);
            String rawHost;
            String rawPort = null;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated IPv6 address in '" + input + "'");
                }
                rawHost = hostPort.substring(0, close + 1);
                String rest = hostPort.substring(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new IllegalArgumentException("unexpected '" + rest + "' after IPv6 address in '" + input + "'");
                }
                rawPort = rest.isEmpty() ? null : rest.substring(1);
            } else {
                int colon = hostPort.indexOf(':');
                rawHost = colon < 0 ? hostPort : hostPort.substring(0, colon);
                rawPort = colon < 0 ? null : hostPort.substring(colon + 1);
            }
            try {
                host = HostName.canonicalize(rawHost);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " in URL '" + input + "'", e);
            }
            if (host.isEmpty() && needsHost(scheme)) {
                throw new IllegalArgumentException("empty host in " + scheme + " URL '" + input + "'");
            }
            port = parsePort(rawPort, input);
        }
        int q = indexOfAny(s, "?#", pos);
        int pathEnd = q < 0 ? s.length() : q;
        String path = PercentCodec.normalize(s.substring(pos, pathEnd), PercentCodec.PATH);
        String query = null;
        String fragment = null;
        int hash = s.indexOf('#', pathEnd);
        if (pathEnd < s.length() && s.charAt(pathEnd) == '?') {
            int qEnd = hash < 0 ? s.length() : hash;
            query = PercentCodec.normalize(s.substring(pathEnd + 1, qEnd), PercentCodec.QUERY);
        }
        if (hash >= 0) {
            fragment = PercentCodec.normalize(s.substring(hash + 1), PercentCodec.QUERY);
        }
        return new Url(scheme, userInfo, host, port, path, query, fragment);
    }

    /**
     * Parses a URL a client can send a request to: absolute, with an {@code http}, {@code https},
     * {@code ws} or {@code wss} scheme and a non-empty host.
     *
     * @throws IllegalArgumentException naming what is missing or invalid
     */
    public static Url parseHttp(String input) {
        Url url = parse(input);
        if (!needsHost(url.scheme)) {
            throw new IllegalArgumentException(url.scheme.isEmpty()
                    ? "URL is not absolute: '" + input + "'"
                    : "unsupported scheme '" + url.scheme + "' (expected http, https, ws or wss): '" + input + "'");
        }
        if (url.host == null) {
            throw new IllegalArgumentException("URL has no host: '" + input + "'");
        }
        return url;
    }

    // ---- components -------------------------------------------------------------------------

    /** The scheme in lower case; empty for a relative reference. */
    public String scheme() {
        return scheme;
    }

    /** Whether the URL has a scheme (RFC 3986 "absolute URI", ignoring any fragment). */
    public boolean isAbsolute() {
        return !scheme.isEmpty();
    }

    /** Whether the URL has an authority ({@code //...}), even an empty one. */
    public boolean hasAuthority() {
        return host != null;
    }

    /** Whether the URL has user information ({@code user:pass@}). */
    public boolean hasUserInfo() {
        return userInfo != null;
    }

    /** The raw user information; empty if absent. */
    public String rawUserInfo() {
        return userInfo == null ? "" : userInfo;
    }

    /** The decoded user name; empty if absent. */
    public String user() {
        String u = rawUserInfo();
        int colon = u.indexOf(':');
        return PercentCodec.decode(colon < 0 ? u : u.substring(0, colon));
    }

    /** The decoded password; empty if absent. */
    public String password() {
        String u = rawUserInfo();
        int colon = u.indexOf(':');
        return colon < 0 ? "" : PercentCodec.decode(u.substring(colon + 1));
    }

    /** The canonical host (IPv6 without brackets); empty if there is no authority. */
    public String host() {
        return host == null ? "" : host;
    }

    /** Whether the host is an IP address rather than a name. */
    public boolean isIpHost() {
        return host != null && HostName.isIpAddress(host);
    }

    /** The explicit port, or else the scheme's default port, or -1 if neither is known. */
    public int port() {
        return port >= 0 ? port : defaultPort(scheme);
    }

    /** The port written in the URL, or -1 if none. */
    public int explicitPort() {
        return port;
    }

    /** The default port of a scheme: 80 for http/ws, 443 for https/wss, 21 for ftp, else -1. */
    public static int defaultPort(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
    }

    /** Whether the scheme is one that runs over TLS ({@code https}, {@code wss}). */
    public boolean isSecure() {
        return scheme.equals("https") || scheme.equals("wss");
    }

    /** The raw (percent-encoded) path; may be empty. */
    public String rawPath() {
        return path;
    }

    /**
     * The decoded path. Note that an encoded slash ({@code %2F}) decodes to {@code /}; use
     * {@link #rawPath()} where that difference matters.
     */
    public String path() {
        return PercentCodec.decode(path);
    }

    /** Whether the URL has a query, even an empty one ({@code ?}). */
    public boolean hasQuery() {
        return query != null;
    }

    /** The raw query without {@code ?}; empty if absent. */
    public String rawQuery() {
        return query == null ? "" : query;
    }

    /** The query decoded as form fields ({@code +} is a space), parsed on each call. */
    public Query query() {
        return query == null ? Query.empty() : Query.parse(query);
    }

    /** Whether the URL has a fragment, even an empty one ({@code #}). */
    public boolean hasFragment() {
        return fragment != null;
    }

    /** The raw fragment without {@code #}; empty if absent. */
    public String rawFragment() {
        return fragment == null ? "" : fragment;
    }

    /** The decoded fragment; empty if absent. */
    public String fragment() {
        return fragment == null ? "" : PercentCodec.decode(fragment);
    }

    // ---- derived forms ----------------------------------------------------------------------

    /**
     * The {@code Host} header value: the host (IPv6 in brackets) plus {@code :port} unless the
     * port is absent or the scheme's default.
     */
    public String hostHeader() {
        String h = bracketedHost();
        return port >= 0 && port != defaultPort(scheme) ? h + ":" + port : h;
    }

    /** The origin-form request target: the raw path ({@code /} if empty) and query, no fragment. */
    public String requestTarget() {
        String p = path.isEmpty() ? "/" : path;
        return query == null ? p : p + "?" + query;
    }

    /**
     * The origin: scheme, host and port only (a default port written explicitly is dropped, so
     * equal origins are equal {@code Url}s).
     *
     * @throws IllegalStateException if the URL is relative or has no host
     */
    public Url origin() {
        if (scheme.isEmpty() || host == null || host.isEmpty()) {
            throw new IllegalStateException("origin() needs an absolute URL with a host: '" + text + "'");
        }
        int p = port == defaultPort(scheme) ? -1 : port;
        return new Url(scheme, null, host, p, "", null, null);
    }

    // ---- resolution (RFC 3986 §5.2) ---------------------------------------------------------

    /**
     * Resolves a reference against this URL as the base, as a browser follows a link or a client
     * follows a {@code Location} header (RFC 3986 §5.2.2, strict: a reference with a scheme is
     * taken as absolute even when the scheme equals the base's).
     *
     * @throws IllegalArgumentException if the reference does not parse
     * @throws IllegalStateException if this URL is not absolute
     */
    public Url resolve(String reference) {
        return resolve(parse(reference));
    }

    /** As {@link #resolve(String)}, for a parsed reference. */
    public Url resolve(Url r) {
        if (scheme.isEmpty()) {
            throw new IllegalStateException("cannot resolve against the relative URL '" + text + "'");
        }
        if (!r.scheme.isEmpty()) {
            return new Url(r.scheme, r.userInfo, r.host, r.port, Paths.removeDotSegments(r.path), r.query, r.fragment);
        }
        if (r.host != null) {
            return new Url(scheme, r.userInfo, r.host, r.port, Paths.removeDotSegments(r.path), r.query, r.fragment);
        }
        String tPath;
        String tQuery;
        if (r.path.isEmpty()) {
            tPath = path;
            tQuery = r.query != null ? r.query : query;
        } else {
            tPath = Paths.removeDotSegments(r.path.startsWith("/") ? r.path : Paths.merge(host != null, path, r.path));
            tQuery = r.query;
        }
        return new Url(scheme, userInfo, host, port, tPath, tQuery, r.fragment);
    }

    // ---- withers ----------------------------------------------------------------------------

    /** A copy with another scheme. */
    public Url withScheme(String newScheme) {
        return new Url(checkScheme(newScheme, newScheme), userInfo, host, port, path, query, fragment);
    }

    /** A copy without user information (as a client must do before sending a URL onwards). */
    public Url withoutUserInfo() {
        return new Url(scheme, null, host, port, path, query, fragment);
    }

    /**
     * A copy with another host (given as text, canonicalised).
     *
     * @throws IllegalArgumentException if the host is invalid
     */
    public Url withHost(String newHost) {
        String h = HostName.canonicalize(newHost);
        if (h.isEmpty() && needsHost(scheme)) {
            throw new IllegalArgumentException("empty host in " + scheme + " URL");
        }
        return new Url(scheme, userInfo, h, port, host == null && !path.isEmpty() && !path.startsWith("/") ? "/" + path : path,
                query, fragment);
    }

    /**
     * A copy with another explicit port, or none with -1.
     *
     * @throws IllegalArgumentException if the port is outside -1..65535
     * @throws IllegalStateException if the URL has no authority
     */
    public Url withPort(int newPort) {
        if (newPort < -1 || newPort > 65535) {
            throw new IllegalArgumentException("port " + newPort + " out of range 0..65535");
        }
        if (host == null) {
            throw new IllegalStateException("cannot set a port on a URL without authority: '" + text + "'");
        }
        return new Url(scheme, userInfo, host, newPort, path, query, fragment);
    }

    /**
     * A copy with the path replaced by {@code decodedPath}, encoded as needed; the query and
     * fragment are kept (unlike yarl's {@code with_path}). With an authority a leading {@code /}
     * is added if missing.
     */
    public Url withPath(String decodedPath) {
        String p = PercentCodec.encodePath(decodedPath);
        if (host != null && !p.isEmpty() && !p.startsWith("/")) {
            p = "/" + p;
        }
        return new Url(scheme, userInfo, host, port, p, query, fragment);
    }

    /** A copy with the query replaced; an empty query removes the {@code ?} (as yarl does). */
    public Url withQuery(Query newQuery) {
        return new Url(scheme, userInfo, host, port, path, newQuery.isEmpty() ? null : newQuery.encode(), fragment);
    }

    /** A copy with the raw query replaced (normalised); {@code null} removes it. */
    public Url withRawQuery(String rawQuery) {
        String q = rawQuery == null ? null : PercentCodec.normalize(rawQuery, PercentCodec.QUERY);
        return new Url(scheme, userInfo, host, port, path, q, fragment);
    }

    /**
     * A copy with {@code extra}'s entries appended to the query, keeping the existing query text
     * as it is (aiohttp's {@code params=} on a URL that already has a query).
     */
    public Url extendQuery(Query extra) {
        if (extra.isEmpty()) {
            return this;
        }
        String q = query == null || query.isEmpty() ? extra.encode() : query + "&" + extra.encode();
        return new Url(scheme, userInfo, host, port, path, q, fragment);
    }

    /** A copy with the fragment replaced by {@code decodedFragment}, encoded; null removes it. */
    public Url withFragment(String decodedFragment) {
        String f = decodedFragment == null ? null : PercentCodec.normalize(
                decodedFragment.replace("%", "%25"), PercentCodec.QUERY);
        return new Url(scheme, userInfo, host, port, path, query, f);
    }

    /** A copy without fragment. */
    public Url withoutFragment() {
        return fragment == null ? this : new Url(scheme, userInfo, host, port, path, query, null);
    }

    // ---- Object -----------------------------------------------------------------------------

    /** The normalised URL text (RFC 3986 §5.3 recomposition); includes any password. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Url u && text.equals(u.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private String recompose() {
        StringBuilder sb = new StringBuilder();
        if (!scheme.isEmpty()) {
            sb.append(scheme).append(':');
        }
        if (host != null) {
            sb.append("//");
            if (userInfo != null) {
                sb.append(userInfo).append('@');
            }
            sb.append(bracketedHost());
            if (port >= 0) {
                sb.append(':').append(port);
            }
        }
        sb.append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        if (fragment != null) {
            sb.append('#').append(fragment);
        }
        return sb.toString();
    }

    private String bracketedHost() {
        String h = host();
        return h.indexOf(':') >= 0 ? "[" + h + "]" : h;
    }

    private static boolean needsHost(String scheme) {
        return switch (scheme) {
            case "http", "https", "ws", "wss" -> true;
            default -> false;
        };
    }

    private static String checkScheme(String candidate, String input) {
        boolean ok = !candidate.isEmpty() && isAlpha(candidate.charAt(0));
        for (int i = 1; ok && i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            ok = isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        }
        if (!ok) {
            throw new IllegalArgumentException("invalid scheme '" + candidate + "' in '" + input + "'");
        }
        return candidate.toLowerCase(Locale.ROOT);
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int parsePort(String raw, String input) {
        if (raw == null || raw.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                throw new IllegalArgumentException("invalid port '" + raw + "' in '" + input + "'");
            }
        }
        if (raw.length() > 5 || Integer.parseInt(raw) > 65535) {
            throw new IllegalArgumentException("port " + raw + " out of range 0..65535 in '" + input + "'");
        }
        return Integer.parseInt(raw);
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
