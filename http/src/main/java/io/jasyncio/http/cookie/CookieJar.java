package io.jasyncio.http.cookie;

import io.jasyncio.http.url.HostName;
import io.jasyncio.http.url.Url;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's in-memory cookie store following the storage model of RFC 6265 §5.3 and the
 * retrieval rules of §5.4, like aiohttp's {@code CookieJar}.
 *
 * <p>Storing ({@link #updateCookies}, {@link #store}) for a response from a request URL:
 * <ul>
 *   <li>{@code Max-Age} wins over {@code Expires}; a cookie whose expiry is not in the future
 *       deletes the stored cookie of the same name, domain and path.
 *   <li>Without {@code Domain} the cookie is host-only: sent back to exactly that host. With
 *       {@code Domain} it is sent to that domain and its subdomains, and it is rejected unless the
 *       request host domain-matches it (§5.1.3). There is no public suffix list; in its place a
 *       {@code Domain} with a single label (such as {@code com}) is rejected, or treated as
 *       host-only when it equals the request host (such as {@code localhost}), as §5.3 step 5
 *       says for public suffixes. A {@code Domain} with a trailing dot is ignored (host-only), as
 *       aiohttp does.
 *   <li>Without {@code Path} the path is the request path's directory (§5.1.4 default-path).
 *   <li>Cookies from a host that is an IP address are rejected unless the jar is
 *       {@linkplain Builder#unsafe(boolean) unsafe}, as in aiohttp. Even then a {@code Domain}
 *       naming anything but that same address is rejected, since IP addresses have no subdomains.
 *   <li>Replacing a cookie keeps its original creation time.
 * </ul>
 *
 * <p>Retrieving ({@link #cookiesFor}) returns the unexpired cookies whose domain and path match
 * the request URL, leaving out {@code Secure} ones unless the scheme is {@code https} or
 * {@code wss}, ordered by longer path first, then earlier creation (ties broken by insertion
 * order, so a fixed clock still gives a stable order). It updates their last-access time.
 * Expired cookies are dropped as they are met. To bound memory, at most
 * {@link Builder#maxCookiesPerDomain} cookies are kept per domain and
 * {@link Builder#maxCookies} in all; beyond that the least recently used are evicted.
 * {@code SameSite} is stored but not enforced: a client has no notion of the site a request comes
 * from.
 *
 * <p>Time comes from an injectable {@link Clock}, so expiry can be tested without waiting.
 *
 * <p>Not thread-safe: a jar is confined to one thread, normally the event loop thread of the
 * client session that owns it. Share it across threads only with external synchronisation.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=cookieJar}
 */
public final class CookieJar {
    private final Clock clock;
    private final boolean unsafe;
    private final int maxCookies;
    private final int maxPerDomain;
    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private long nextSequence;

    /** A jar on the system UTC clock that rejects cookies from IP addresses. */
    public CookieJar() {
        this(builder());
    }

    private CookieJar(Builder b) {
        this.clock = b.clock;
        this.unsafe = b.unsafe;
        this.maxCookies = b.maxCookies;
        this.maxPerDomain = b.maxPerDomain;
    }

    /** A builder for a jar with a custom clock, the {@code unsafe} option or other limits. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores every {@code Set-Cookie} value of a response to {@code responseUrl}; values that do
     * not parse or that the rules reject are skipped.
     */
    public void updateCookies(List<String> setCookieValues, Url responseUrl) {
        for (String value : setCookieValues) {
            Cookie.parseSetCookie(value).ifPresent(c -> store(c, responseUrl));
        }
    }

    /** As {@link #updateCookies(List, Url)}, taking the {@code Set-Cookie} fields (any case) of a header map. */
    public void updateCookies(Map<String, List<String>> headers, Url responseUrl) {
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("Set-Cookie")) {
                updateCookies(values, responseUrl);
            }
        });
    }

    /**
     * Applies the storage model to one cookie received from {@code requestUrl}.
     *
     * @return whether the cookie was accepted (stored, or applied as a deletion)
     */
    public boolean store(Cookie cookie, Url requestUrl) {
        String host = requestUrl.host();
        if (host.isEmpty()) {
            return false;
        }
        boolean ipHost = HostName.isIpAddress(host);
        if (ipHost && !unsafe) {
            return false;
        }
        Instant now = clock.instant();
        Instant expiry = null;
        Optional<Duration> maxAge = cookie.maxAge();
        if (maxAge.isPresent()) {
            expiry = maxAge.get().isNegative() || maxAge.get().isZero() ? Instant.MIN : now.plus(maxAge.get());
        } else if (cookie.expires().isPresent()) {
            expiry = cookie.expires().get();
        }
        String domain = cookie.domain().filter(d -> !d.endsWith(".")).orElse("");
        if (!domain.isEmpty()) {
            try {
                domain = HostName.canonicalize(domain);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (domain.indexOf('.') < 0 && !HostName.isIpAddress(domain)) { // stands in for a public suffix
                if (!domain.equals(host)) {
                    return false;
                }
                domain = "";
            }
        }
        boolean hostOnly = domain.isEmpty();
        if (hostOnly) {
            domain = host;
        } else if (!CookieRules.domainMatches(host, domain)) {
            return false;
        }
        String path = cookie.path().orElseGet(() -> CookieRules.defaultPath(requestUrl.rawPath()));
        Key key = new Key(cookie.name(), domain, path);
        Entry old = entries.remove(key);
        if (expiry != null && !expiry.isAfter(now)) {
            return true;
        }
        Entry e = new Entry(key, cookie.value(), expiry,
                old != null ? old.creation : now, old != null ? old.sequence : nextSequence++,
                hostOnly, cookie.secure(), cookie.httpOnly(), cookie.sameSite().orElse(null));
        e.lastAccess = now;
        entries.put(key, e);
        enforceLimits(domain, now);
        return true;
    }

    /**
     * The cookies to send with a request to {@code requestUrl}, in the order they belong in the
     * {@code Cookie} header; see the class comment. Each has its stored domain and path, its
     * expiry as {@code Expires} if persistent, and its flags.
     */
    public List<Cookie> cookiesFor(Url requestUrl) {
        String host = requestUrl.host();
        if (host.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        removeExpired(now);
        String path = requestUrl.rawPath().isEmpty() ? "/" : requestUrl.rawPath();
        boolean secure = requestUrl.isSecure();
        List<Entry> matches = new ArrayList<>();
        for (Entry e : entries.values()) {
            boolean domainOk = e.hostOnly ? host.equals(e.key.domain) : CookieRules.domainMatches(host, e.key.domain);
            if (domainOk && CookieRules.pathMatches(path, e.key.path) && (!e.secureOnly || secure)) {
                matches.add(e);
            }
        }
        matches.sort(Comparator.<Entry>comparingInt(e -> -e.key.path.length())
                .thenComparing(e -> e.creation)
                .thenComparingLong(e -> e.sequence));
        List<Cookie> cookies = new ArrayList<>(matches.size());
        for (Entry e : matches) {
            e.lastAccess = now;
            cookies.add(e.toCookie());
        }
        return cookies;
    }

    /** The {@code Cookie} header value for a request to {@code requestUrl}; empty if none apply. */
    public String cookieHeaderFor(Url requestUrl) {
        return CookieHeader.format(cookiesFor(requestUrl));
    }

    /** Every unexpired cookie in the jar, in storage order. */
    public List<Cookie> allCookies() {
        removeExpired(clock.instant());
        return entries.values().stream().map(Entry::toCookie).toList();
    }

    /** The number of unexpired cookies. */
    public int size() {
        removeExpired(clock.instant());
        return entries.size();
    }

    /** Removes every cookie. */
    public void clear() {
        entries.clear();
    }

    /**
     * Removes the cookies whose domain is {@code domain} or one of its subdomains.
     *
     * @throws IllegalArgumentException if {@code domain} is not a valid host name
     */
    public void clearDomain(String domain) {
        String d = HostName.canonicalize(domain.startsWith(".") ? domain.substring(1) : domain);
        entries.values().removeIf(e -> CookieRules.domainMatches(e.key.domain, d));
    }

    private void removeExpired(Instant now) {
        entries.values().removeIf(e -> e.expiry != null && !e.expiry.isAfter(now));
    }

    private void enforceLimits(String domain, Instant now) {
        long inDomain = entries.values().stream().filter(e -> e.key.domain.equals(domain)).count();
        if (inDomain <= maxPerDomain && entries.size() <= maxCookies) {
            return;
        }
        removeExpired(now);
        while (entries.values().stream().filter(e -> e.key.domain.equals(domain)).count() > maxPerDomain) {
            evictLeastRecentlyUsed(domain);
        }
        while (entries.size() > maxCookies) {
            evictLeastRecentlyUsed(null);
        }
    }

    private void evictLeastRecentlyUsed(String domainOrNull) {
        Entry victim = null;
        for (Entry e : entries.values()) {
            if (domainOrNull != null && !e.key.domain.equals(domainOrNull)) {
                continue;
            }
            if (victim == null || e.lastAccess.isBefore(victim.lastAccess)
                    || (e.lastAccess.equals(victim.lastAccess) && e.sequence < victim.sequence)) {
                victim = e;
            }
        }
        if (victim != null) {
            entries.remove(victim.key);
        }
    }

    /** The identity of a stored cookie (RFC 6265 §5.3 step 11). */
    private record Key(String name, String domain, String path) {}

    /** A stored cookie. Mutable only in {@code lastAccess}. */
    private static final class Entry {
        final Key key;
        final String value;
        final Instant expiry; // null for a session cookie
        final Instant creation;
        final long sequence;
        final boolean hostOnly;
        final boolean secureOnly;
        final boolean httpOnly;
        final SameSite sameSite;
        Instant lastAccess;

        Entry(Key key, String value, Instant expiry, Instant creation, long sequence, boolean hostOnly,
                boolean secureOnly, boolean httpOnly, SameSite sameSite) {
            this.key = key;
            this.value = value;
            this.expiry = expiry;
            this.creation = creation;
            this.sequence = sequence;
            this.hostOnly = hostOnly;
            this.secureOnly = secureOnly;
            this.httpOnly = httpOnly;
            this.sameSite = sameSite;
        }

        Cookie toCookie() {
            return new Cookie(key.name, value, key.domain, key.path, expiry, null, secureOnly, httpOnly, sameSite);
        }
    }

    /**
     * Options for a {@link CookieJar}. Not thread-safe; configure, then {@link #build()}.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean unsafe;
        private int maxCookies = 3000;
        private int maxPerDomain = 50;

        private Builder() {}

        /** The clock that decides expiry and creation times (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether to accept cookies from hosts that are IP addresses (default false, as aiohttp). */
        public Builder unsafe(boolean unsafe) {
            this.unsafe = unsafe;
            return this;
        }

        /** The most cookies kept in all (default 3000, RFC 6265 §6.1's minimum). */
        public Builder maxCookies(int maxCookies) {
            if (maxCookies < 1) {
                throw new IllegalArgumentException("maxCookies must be positive: " + maxCookies);
            }
            this.maxCookies = maxCookies;
            return this;
        }

        /** The most cookies kept per domain (default 50, RFC 6265 §6.1's minimum). */
        public Builder maxCookiesPerDomain(int maxPerDomain) {
            if (maxPerDomain < 1) {
                throw new IllegalArgumentException("maxCookiesPerDomain must be positive: " + maxPerDomain);
            }
            this.maxPerDomain = maxPerDomain;
            return this;
        }

        /** A new, empty jar with these options. */
        public CookieJar build() {
            return new CookieJar(this);
        }
    }
}
