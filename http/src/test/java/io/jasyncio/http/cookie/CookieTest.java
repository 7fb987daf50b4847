package io.jasyncio.http.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CookieTest {

    private static Cookie parse(String s) {
        return Cookie.parseSetCookie(s).orElseThrow();
    }

    /** Name, value and every known attribute are read, attribute names in any case. */
    @Test
    void parsesAllAttributes() {
        Cookie c = parse("sid=abc123; DOMAIN=.Example.com; path=/app; expires=Wed, 21 Oct 2015 07:28:00 GMT;"
                + " Max-Age=60; secure; HTTPONLY; SameSite=lax");
        assertThat(c.name()).isEqualTo("sid");
        assertThat(c.value()).isEqualTo("abc123");
        assertThat(c.domain()).contains("example.com");
        assertThat(c.path()).contains("/app");
        assertThat(c.expires()).contains(Instant.parse("2015-10-21T07:28:00Z"));
        assertThat(c.maxAge()).contains(Duration.ofSeconds(60));
        assertThat(c.secure()).isTrue();
        assertThat(c.httpOnly()).isTrue();
        assertThat(c.sameSite()).contains(SameSite.LAX);
    }

    /** Whitespace around name and value is trimmed; double quotes stay part of the value. */
    @Test
    void trimsButKeepsQuotes() {
        Cookie c = parse("  a  =  \"x y\"  ; Path=/");
        assertThat(c.name()).isEqualTo("a");
        assertThat(c.value()).isEqualTo("\"x y\"");
    }

    /** A pair without '=' or with an empty name makes the whole header ignored. */
    @Test
    void ignoresNamelessCookies() {
        assertThat(Cookie.parseSetCookie("justvalue; Path=/")).isEmpty();
        assertThat(Cookie.parseSetCookie("=value")).isEmpty();
    }

    /** An empty value is allowed. */
    @Test
    void allowsEmptyValue() {
        assertThat(parse("a=; Max-Age=0").value()).isEmpty();
    }

    /** A control character anywhere makes the whole header ignored. */
    @Test
    void ignoresHeaderWithControlCharacter() {
        assertThat(Cookie.parseSetCookie("a=b\u0000c")).isEmpty();
        assertThat(Cookie.parseSetCookie("a=b; Path=/\r\nX: y")).isEmpty();
    }

    /** A name and value longer than 4096 characters together make the header ignored. */
    @Test
    void ignoresOversizedCookie() {
        assertThat(Cookie.parseSetCookie("a=" + "x".repeat(4096))).isEmpty();
        assertThat(Cookie.parseSetCookie("a=" + "x".repeat(4095))).isPresent();
    }

    /** Max-Age that is not an optional '-' then digits is ignored. */
    @Test
    void ignoresInvalidMaxAge() {
        assertThat(parse("a=b; Max-Age=1a").maxAge()).isEmpty();
        assertThat(parse("a=b; Max-Age=+5").maxAge()).isEmpty();
        assertThat(parse("a=b; Max-Age=-5").maxAge()).contains(Duration.ofSeconds(-5));
    }

    /** A huge Max-Age saturates instead of overflowing. */
    @Test
    void hugeMaxAgeSaturates() {
        assertThat(parse("a=b; Max-Age=99999999999999999999999999").maxAge().orElseThrow())
                .isGreaterThan(Duration.ofDays(365L * 100_000));
    }

    /** An unparseable Expires is ignored. */
    @Test
    void ignoresInvalidExpires() {
        assertThat(parse("a=b; Expires=tomorrow").expires()).isEmpty();
    }

    /** An empty Domain is ignored and a Path not starting with '/' means "default". */
    @Test
    void ignoresEmptyDomainAndRelativePath() {
        Cookie c = parse("a=b; Domain=; Path=relative");
        assertThat(c.domain()).isEmpty();
        assertThat(c.path()).isEmpty();
    }

    /** When an attribute repeats, the last one counts. */
    @Test
    void lastAttributeWins() {
        assertThat(parse("a=b; Path=/x; Path=/y").path()).contains("/y");
        assertThat(parse("a=b; Path=/x; Path=bad").path()).isEmpty();
    }

    /** Unknown attributes and unknown SameSite values are ignored. */
    @Test
    void ignoresUnknownAttributes() {
        Cookie c = parse("a=b; Priority=High; SameSite=Sometimes; Partitioned");
        assertThat(c).isEqualTo(Cookie.of("a", "b"));
    }

    /** Formatting writes the attributes in a fixed order with an IMF-fixdate Expires. */
    @Test
    void formatsSetCookie() {
        Cookie c = Cookie.of("sid", "abc").withDomain("Example.com").withPath("/")
                .withExpires(Instant.parse("2015-10-21T07:28:00Z")).withMaxAge(Duration.ofHours(1))
                .withSecure(true).withHttpOnly(true).withSameSite(SameSite.STRICT);
        assertThat(c.toSetCookieString()).isEqualTo("sid=abc; Domain=example.com; Path=/;"
                + " Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=3600; Secure; HttpOnly; SameSite=Strict");
    }

    /** A formatted cookie parses back to an equal cookie. */
    @Test
    void formatParseRoundTrip() {
        Cookie c = Cookie.of("k", "\"v\"").withPath("/p").withMaxAge(Duration.ofSeconds(5)).withSameSite(SameSite.NONE);
        assertThat(parse(c.toSetCookieString())).isEqualTo(c);
    }

    /** A negative Max-Age is written as 0. */
    @Test
    void negativeMaxAgeFormatsAsZero() {
        assertThat(Cookie.of("a", "b").withMaxAge(Duration.ofSeconds(-3)).toSetCookieString()).isEqualTo("a=b; Max-Age=0");
    }

    /** A name that is not a token is refused. */
    @Test
    void ofRejectsBadName() {
        assertThatThrownBy(() -> Cookie.of("a b", "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a token");
        assertThatThrownBy(() -> Cookie.of("", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A value with ';', space, comma or a control character is refused. */
    @Test
    void ofRejectsBadValue() {
        for (String v : new String[] {"a;b", "a b", "a,b", "a\nb", "é"}) {
            assertThatThrownBy(() -> Cookie.of("n", v)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cookie-octet");
        }
    }

    /** An attribute value with ';' is refused, so it cannot inject attributes. */
    @Test
    void rejectsAttributeInjection() {
        assertThatThrownBy(() -> Cookie.of("a", "b").withPath("/; Domain=evil.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
