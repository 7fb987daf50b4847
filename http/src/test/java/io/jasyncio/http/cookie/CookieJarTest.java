package io.jasyncio.http.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.http.url.Url;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CookieJarTest {
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final CookieJar jar = CookieJar.builder().clock(clock).build();

    private void set(String url, String... setCookies) {
        jar.updateCookies(List.of(setCookies), Url.parse(url));
    }

    private String header(String url) {
        return jar.cookieHeaderFor(Url.parse(url));
    }

    /** A cookie without Domain goes back to the same host only, not to its subdomains. */
    @Test
    void hostOnlyCookieStaysOnHost() {
        set("http://example.com/", "a=1");
        assertThat(header("http://example.com/x")).isEqualTo("a=1");
        assertThat(header("http://www.example.com/x")).isEmpty();
    }

    /** A cookie with Domain goes to the domain and its subdomains but not to lookalike hosts. */
    @Test
    void domainCookieReachesSubdomains() {
        set("http://www.example.com/", "a=1; Domain=.example.com");
        assertThat(header("http://example.com/")).isEqualTo("a=1");
        assertThat(header("http://deep.www.example.com/")).isEqualTo("a=1");
        assertThat(header("http://badexample.com/")).isEmpty();
    }

    /** A Domain the request host does not domain-match is rejected. */
    @Test
    void rejectsForeignDomain() {
        assertThat(jar.store(Cookie.parseSetCookie("a=1; Domain=other.com").orElseThrow(),
                Url.parse("http://example.com/"))).isFalse();
        assertThat(jar.size()).isZero();
    }

    /** A Domain naming a subdomain of the request host is rejected. */
    @Test
    void rejectsSubdomainOfRequestHost() {
        set("http://example.com/", "a=1; Domain=www.example.com");
        assertThat(jar.size()).isZero();
    }

    /** A single-label Domain such as "com" is rejected in place of a public-suffix check. */
    @Test
    void rejectsTopLevelDomain() {
        set("http://example.com/", "a=1; Domain=com");
        assertThat(jar.size()).isZero();
    }

    /** A single-label Domain equal to the host becomes host-only. */
    @Test
    void singleLabelDomainEqualToHostIsHostOnly() {
        set("http://localhost/", "a=1; Domain=localhost");
        assertThat(header("http://localhost/")).isEqualTo("a=1");
        assertThat(header("http://x.localhost/")).isEmpty();
    }

    /** A Domain with a trailing dot is ignored, leaving a host-only cookie. */
    @Test
    void trailingDotDomainIsHostOnly() {
        set("http://www.example.com/", "a=1; Domain=example.com.");
        assertThat(header("http://www.example.com/")).isEqualTo("a=1");
        assertThat(header("http://example.com/")).isEmpty();
    }

    /** An internationalised Domain matches the host after IDNA conversion. */
    @Test
    void idnDomainMatches() {
        set("http://www.bücher.example/", "a=1; Domain=Bücher.example");
        assertThat(header("http://xn--bcher-kva.example/")).isEqualTo("a=1");
    }

    /** Cookies from an IP host are rejected by default. */
    @Test
    void rejectsIpHostByDefault() {
        set("http://127.0.0.1/", "a=1");
        assertThat(jar.size()).isZero();
    }

    /** The unsafe option accepts host-only cookies from an IP host. */
    @Test
    void unsafeAcceptsIpHost() {
        CookieJar unsafe = CookieJar.builder().clock(clock).unsafe(true).build();
        unsafe.updateCookies(List.of("a=1"), Url.parse("http://127.0.0.1/"));
        assertThat(unsafe.cookieHeaderFor(Url.parse("http://127.0.0.1/"))).isEqualTo("a=1");
    }

    /** Even when unsafe, a Domain other than the IP itself is rejected: addresses have no subdomains. */
    @Test
    void unsafeStillRejectsDomainOnIpHost() {
        CookieJar unsafe = CookieJar.builder().clock(clock).unsafe(true).build();
        unsafe.updateCookies(List.of("a=1; Domain=0.0.1", "b=2; Domain=1.0.0.1"), Url.parse("http://10.0.0.1/"));
        assertThat(unsafe.size()).isZero();
    }

    /** Without Path the cookie's path is the request path's directory. */
    @Test
    void defaultPathIsDirectory() {
        set("http://example.com/a/b/page", "a=1");
        assertThat(header("http://example.com/a/b/other")).isEqualTo("a=1");
        assertThat(header("http://example.com/a/b")).isEqualTo("a=1");
        assertThat(header("http://example.com/a/")).isEmpty();
    }

    /** The default path of a top-level resource is "/". */
    @Test
    void defaultPathOfTopLevelIsRoot() {
        set("http://example.com/page?x", "a=1");
        assertThat(header("http://example.com/elsewhere/deep")).isEqualTo("a=1");
    }

    /** A path matches itself and its sub-paths but not a longer sibling name. */
    @Test
    void pathMatching() {
        set("http://example.com/", "a=1; Path=/docs");
        assertThat(header("http://example.com/docs")).isEqualTo("a=1");
        assertThat(header("http://example.com/docs/x")).isEqualTo("a=1");
        assertThat(header("http://example.com/docsx")).isEmpty();
        assertThat(header("http://example.com/")).isEmpty();
    }

    /** A Secure cookie is sent over https and wss only. */
    @Test
    void secureCookieNeedsSecureScheme() {
        set("https://example.com/", "s=1; Secure");
        assertThat(header("http://example.com/")).isEmpty();
        assertThat(header("https://example.com/")).isEqualTo("s=1");
        assertThat(header("wss://example.com/")).isEqualTo("s=1");
    }

    /** A cookie with Max-Age expires exactly that many seconds later. */
    @Test
    void maxAgeExpiry() {
        set("http://example.com/", "a=1; Max-Age=10");
        clock.advance(Duration.ofSeconds(9));
        assertThat(header("http://example.com/")).isEqualTo("a=1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(header("http://example.com/")).isEmpty();
    }

    /** A cookie with Expires expires at that instant. */
    @Test
    void expiresExpiry() {
        set("http://example.com/", "a=1; Expires=Tue, 01 Jan 2030 01:00:00 GMT");
        clock.advance(Duration.ofMinutes(59));
        assertThat(jar.size()).isOne();
        clock.advance(Duration.ofMinutes(1));
        assertThat(jar.size()).isZero();
    }

    /** Max-Age takes precedence over Expires in either order. */
    @Test
    void maxAgeBeatsExpires() {
        set("http://example.com/", "a=1; Expires=Tue, 01 Jan 2000 00:00:00 GMT; Max-Age=60",
                "b=2; Max-Age=60; Expires=Tue, 01 Jan 2000 00:00:00 GMT",
                "c=3; Max-Age=0; Expires=Tue, 01 Jan 2099 00:00:00 GMT");
        assertThat(header("http://example.com/")).isEqualTo("a=1; b=2");
    }

    /** A cookie expiring now deletes the stored cookie with the same name, domain and path. */
    @Test
    void expiredCookieDeletesStoredOne() {
        set("http://example.com/", "a=1", "b=2");
        set("http://example.com/", "a=gone; Max-Age=0");
        assertThat(header("http://example.com/")).isEqualTo("b=2");
    }

    /** A past Expires deletes too. */
    @Test
    void pastExpiresDeletes() {
        set("http://example.com/", "a=1");
        set("http://example.com/", "a=1; Expires=Thu, 01 Jan 1970 00:00:01 GMT");
        assertThat(jar.size()).isZero();
    }

    /** Cookies with the same name but different paths coexist. */
    @Test
    void sameNameDifferentPathsCoexist() {
        set("http://example.com/", "a=root; Path=/", "a=deep; Path=/x");
        assertThat(header("http://example.com/x/y")).isEqualTo("a=deep; a=root");
    }

    /** Longer paths come first, then earlier creation times. */
    @Test
    void orderByPathLengthThenCreation() {
        set("http://example.com/", "first=1; Path=/");
        clock.advance(Duration.ofSeconds(1));
        set("http://example.com/", "second=2; Path=/");
        clock.advance(Duration.ofSeconds(1));
        set("http://example.com/", "deep=3; Path=/a/b");
        assertThat(header("http://example.com/a/b/c")).isEqualTo("deep=3; first=1; second=2");
    }

    /** With a fixed clock, equal creation times keep insertion order. */
    @Test
    void fixedClockKeepsInsertionOrder() {
        set("http://example.com/", "z=1", "y=2", "x=3");
        assertThat(header("http://example.com/")).isEqualTo("z=1; y=2; x=3");
    }

    /** Replacing a cookie keeps its creation time and so its place in the order. */
    @Test
    void replacementKeepsCreationTime() {
        set("http://example.com/", "a=1");
        clock.advance(Duration.ofSeconds(1));
        set("http://example.com/", "b=2");
        clock.advance(Duration.ofSeconds(1));
        set("http://example.com/", "a=updated");
        assertThat(header("http://example.com/")).isEqualTo("a=updated; b=2");
    }

    /** Set-Cookie fields are found in a header map whatever their case. */
    @Test
    void readsHeaderMapCaseInsensitively() {
        jar.updateCookies(Map.of("set-cookie", List.of("a=1"), "SET-COOKIE", List.of("b=2"), "X", List.of("c=3")),
                Url.parse("http://example.com/"));
        assertThat(jar.size()).isEqualTo(2);
    }

    /** Unparseable Set-Cookie values are skipped without affecting the others. */
    @Test
    void skipsUnparseableValues() {
        set("http://example.com/", "novalue", "a=1");
        assertThat(header("http://example.com/")).isEqualTo("a=1");
    }

    /** Retrieved cookies carry their stored domain, path and flags. */
    @Test
    void retrievedCookieCarriesAttributes() {
        set("https://www.example.com/", "a=1; Domain=example.com; Path=/p; Secure; HttpOnly; Max-Age=60");
        Cookie c = jar.cookiesFor(Url.parse("https://example.com/p")).getFirst();
        assertThat(c.domain()).contains("example.com");
        assertThat(c.path()).contains("/p");
        assertThat(c.secure()).isTrue();
        assertThat(c.httpOnly()).isTrue();
        assertThat(c.expires()).contains(START.plusSeconds(60));
    }

    /** clear removes everything; clearDomain removes a domain and its subdomains only. */
    @Test
    void clearing() {
        set("http://a.example.com/", "a=1");
        set("http://example.com/", "b=2");
        set("http://other.org/", "c=3");
        jar.clearDomain("example.com");
        assertThat(jar.allCookies()).extracting(Cookie::name).containsExactly("c");
        jar.clear();
        assertThat(jar.size()).isZero();
    }

    /** Past the per-domain limit the least recently used cookie is evicted. */
    @Test
    void perDomainLimitEvictsLeastRecentlyUsed() {
        CookieJar small = CookieJar.builder().clock(clock).maxCookiesPerDomain(2).build();
        Url url = Url.parse("http://example.com/");
        small.updateCookies(List.of("a=1", "b=2"), url);
        clock.advance(Duration.ofSeconds(1));
        small.cookiesFor(Url.parse("http://example.com/")); // touches a and b
        clock.advance(Duration.ofSeconds(1));
        small.updateCookies(List.of("c=3"), url);
        assertThat(small.allCookies()).extracting(Cookie::name).containsExactly("b", "c");
    }

    /** Past the total limit the least recently used cookie of any domain is evicted. */
    @Test
    void totalLimitEvictsLeastRecentlyUsed() {
        CookieJar small = CookieJar.builder().clock(clock).maxCookies(2).build();
        small.updateCookies(List.of("a=1"), Url.parse("http://one.example/"));
        clock.advance(Duration.ofSeconds(1));
        small.updateCookies(List.of("b=2"), Url.parse("http://two.example/"));
        clock.advance(Duration.ofSeconds(1));
        small.updateCookies(List.of("c=3"), Url.parse("http://three.example/"));
        assertThat(small.allCookies()).extracting(Cookie::name).containsExactly("b", "c");
    }
}
