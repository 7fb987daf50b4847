package io.jasyncio.http.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlTest {

    /** Every component of a full URL is read, raw and decoded. */
    @Test
    void parsesAllComponents() {
        Url u = Url.parse("https://us%40er:p%3Ass@Example.COM:8443/a%20b/c?x=1&y=a+b#frag%20x");
        assertThat(u.scheme()).isEqualTo("https");
        assertThat(u.user()).isEqualTo("us@er");
        assertThat(u.password()).isEqualTo("p:ss");
        assertThat(u.host()).isEqualTo("example.com");
        assertThat(u.port()).isEqualTo(8443);
        assertThat(u.rawPath()).isEqualTo("/a%20b/c");
        assertThat(u.path()).isEqualTo("/a b/c");
        assertThat(u.rawQuery()).isEqualTo("x=1&y=a+b");
        assertThat(u.query().get("y")).contains("a b");
        assertThat(u.fragment()).isEqualTo("frag x");
    }

    /** The scheme and host are lower-cased; the path keeps its case. */
    @Test
    void lowerCasesSchemeAndHostOnly() {
        assertThat(Url.parse("HTTP://WWW.Example.Org/Path")).hasToString("http://www.example.org/Path");
    }

    /** An internationalised host is converted to its IDNA A-label form. */
    @Test
    void convertsIdnHost() {
        assertThat(Url.parse("http://Bücher.example/").host()).isEqualTo("xn--bcher-kva.example");
    }

    /** A percent-encoded host is decoded before conversion. */
    @Test
    void decodesPercentEncodedHost() {
        assertThat(Url.parse("http://b%C3%BCcher.example/").host()).isEqualTo("xn--bcher-kva.example");
    }

    /** An IPv6 literal is canonicalised and bracketed in the text and the Host header. */
    @Test
    void ipv6Literal() {
        Url u = Url.parse("http://[2001:DB8:0:0:0:0:0:1]:8080/");
        assertThat(u.host()).isEqualTo("2001:db8::1");
        assertThat(u.isIpHost()).isTrue();
        assertThat(u.hostHeader()).isEqualTo("[2001:db8::1]:8080");
        assertThat(u).hasToString("http://[2001:db8::1]:8080/");
    }

    /** WHATWG IPv4 number forms name the dotted-quad address they denote. */
    @Test
    void ipv4NumberFormsAreCanonicalised() {
        assertThat(Url.parse("http://0x7f.1/").host()).isEqualTo("127.0.0.1");
        assertThat(Url.parse("http://2130706433/").host()).isEqualTo("127.0.0.1");
    }

    /** The port defaults by scheme; the explicit port is -1 when absent. */
    @Test
    void defaultPorts() {
        assertThat(Url.parse("https://a/").port()).isEqualTo(443);
        assertThat(Url.parse("ws://a/").port()).isEqualTo(80);
        assertThat(Url.parse("https://a/").explicitPort()).isEqualTo(-1);
        assertThat(Url.parse("foo://a/").port()).isEqualTo(-1);
    }

    /** The Host header omits a default port and keeps any other. */
    @Test
    void hostHeaderOmitsDefaultPort() {
        assertThat(Url.parse("http://a:80/").hostHeader()).isEqualTo("a");
        assertThat(Url.parse("http://a:8080/").hostHeader()).isEqualTo("a:8080");
    }

    /** The request target is the path (or "/") with the query, never the fragment. */
    @Test
    void requestTarget() {
        assertThat(Url.parse("http://a").requestTarget()).isEqualTo("/");
        assertThat(Url.parse("http://a/p?q=1#f").requestTarget()).isEqualTo("/p?q=1");
    }

    /** Characters a component may not hold are percent-encoded as UTF-8. */
    @Test
    void encodesIllegalCharacters() {
        assertThat(Url.parse("http://a/ä b?c d=é#f g"))
                .hasToString("http://a/%C3%A4%20b?c%20d=%C3%A9#f%20g");
    }

    /** Existing escapes get upper-case hex, escaped unreserved characters are decoded, a stray % is escaped. */
    @Test
    void normalisesEscapes() {
        assertThat(Url.parse("http://a/%7euser/%2f/%e2%82%ac/100%").rawPath())
                .isEqualTo("/~user/%2F/%E2%82%AC/100%25");
    }

    /** An empty query is kept distinct from an absent one. */
    @Test
    void emptyQueryIsKept() {
        Url u = Url.parse("http://a/p?");
        assertThat(u.hasQuery()).isTrue();
        assertThat(u).hasToString("http://a/p?");
        assertThat(Url.parse("http://a/p").hasQuery()).isFalse();
    }

    /** Parsing the text of a parsed URL gives an equal URL. */
    @Test
    void textRoundTrips() {
        for (String s : new String[] {"http://u:p@[::1]:81/a/../b?c#d", "mailto:x@y", "/rel?x", "", "//h/p", "g:h"}) {
            Url u = Url.parse(s);
            assertThat(Url.parse(u.toString())).isEqualTo(u);
        }
    }

    /** A CR or LF anywhere is rejected, so a URL can never split a request line. */
    @Test
    void rejectsControlCharacters() {
        assertThatThrownBy(() -> Url.parse("http://a/x\r\nHost: evil"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character U+000D");
    }

    /** A non-numeric or too large port is rejected with its value. */
    @Test
    void rejectsBadPort() {
        assertThatThrownBy(() -> Url.parse("http://a:8x/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid port '8x'");
        assertThatThrownBy(() -> Url.parse("http://a:65536/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }

    /** A forbidden character in the host is rejected and named. */
    @Test
    void rejectsBadHostCharacter() {
        assertThatThrownBy(() -> Url.parse("http://exa mple.com/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid character ' ' in host");
    }

    /** A malformed IPv4 number is rejected rather than read as a name. */
    @Test
    void rejectsBadIpv4() {
        assertThatThrownBy(() -> Url.parse("http://1.2.3.256/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid IPv4 address");
    }

    /** A malformed or unterminated IPv6 literal is rejected. */
    @Test
    void rejectsBadIpv6() {
        assertThatThrownBy(() -> Url.parse("http://[::1/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated IPv6");
        assertThatThrownBy(() -> Url.parse("http://[1::2::3]/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid IPv6 address");
    }

    /** An http URL with an authority but no host is rejected. */
    @Test
    void rejectsEmptyHttpHost() {
        assertThatThrownBy(() -> Url.parse("http:///path"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty host");
    }

    /** A scheme with characters outside ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) is rejected. */
    @Test
    void rejectsBadScheme() {
        assertThatThrownBy(() -> Url.parse("ht tp://a/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid scheme 'ht tp'");
    }

    /** parseHttp refuses relative references, other schemes and host-less URLs. */
    @Test
    void parseHttpRequiresHttpTarget() {
        assertThatThrownBy(() -> Url.parseHttp("/x")).hasMessageContaining("not absolute");
        assertThatThrownBy(() -> Url.parseHttp("ftp://a/")).hasMessageContaining("unsupported scheme 'ftp'");
        assertThatThrownBy(() -> Url.parseHttp("http:x")).hasMessageContaining("no host");
        assertThat(Url.parseHttp("wss://a/chat").isSecure()).isTrue();
    }

    /** The origin keeps scheme, host and a non-default port and drops the rest. */
    @Test
    void originDropsEverythingElse() {
        assertThat(Url.parse("https://u:p@a.example:443/x?y#z").origin()).hasToString("https://a.example");
        assertThat(Url.parse("http://a:8080/x").origin()).hasToString("http://a:8080");
    }

    /** A relative URL has no origin. */
    @Test
    void relativeUrlHasNoOrigin() {
        assertThatThrownBy(() -> Url.parse("/x").origin()).isInstanceOf(IllegalStateException.class);
    }

    /** withQuery replaces the query and an empty one removes the '?'. */
    @Test
    void withQueryReplaces() {
        Url u = Url.parse("http://a/p?old=1#f");
        assertThat(u.withQuery(Query.of("k", "a b&c"))).hasToString("http://a/p?k=a+b%26c#f");
        assertThat(u.withQuery(Query.empty())).hasToString("http://a/p#f");
    }

    /** extendQuery appends to the existing query text unchanged. */
    @Test
    void extendQueryAppends() {
        assertThat(Url.parse("http://a/p?x=%2a").extendQuery(Query.of("y", "2"))).hasToString("http://a/p?x=%2A&y=2");
    }

    /** withPath encodes the decoded path, adds the leading slash and keeps the query. */
    @Test
    void withPathEncodes() {
        assertThat(Url.parse("http://a/old?q").withPath("new dir/100%/x?y")).hasToString("http://a/new%20dir/100%25/x%3Fy?q");
    }

    /** withoutUserInfo and withoutFragment remove only their component. */
    @Test
    void strippingWithers() {
        Url u = Url.parse("http://u:p@a/p#f");
        assertThat(u.withoutUserInfo()).hasToString("http://a/p#f");
        assertThat(u.withoutFragment()).hasToString("http://u:p@a/p");
    }

    /** withFragment encodes its argument, including a literal percent sign. */
    @Test
    void withFragmentEncodes() {
        assertThat(Url.parse("http://a/").withFragment("50% #off")).hasToString("http://a/#50%25%20%23off");
    }

    /** withPort validates its range and replaces the port. */
    @Test
    void withPort() {
        assertThat(Url.parse("http://a/").withPort(81)).hasToString("http://a:81/");
        assertThatThrownBy(() -> Url.parse("http://a/").withPort(70000)).isInstanceOf(IllegalArgumentException.class);
    }

    /** withHost canonicalises the new host and keeps everything else. */
    @Test
    void withHostCanonicalises() {
        assertThat(Url.parse("http://a:81/p?q").withHost("Bücher.Example")).hasToString("http://xn--bcher-kva.example:81/p?q");
        assertThatThrownBy(() -> Url.parse("http://a/").withHost("")).hasMessageContaining("empty host");
    }
}
