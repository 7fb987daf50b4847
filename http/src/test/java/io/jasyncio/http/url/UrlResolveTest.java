package io.jasyncio.http.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference resolution against the base of RFC 3986 §5.4. */
class UrlResolveTest {
    private static final Url BASE = Url.parse("http://a/b/c/d;p?q");

    /** The normal examples of RFC 3986 §5.4.1 resolve as listed. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = ' ', emptyValue = "", value = {
        "g:h g:h",
        "g http://a/b/c/g",
        "./g http://a/b/c/g",
        "g/ http://a/b/c/g/",
        "/g http://a/g",
        "//g http://g",
        "?y http://a/b/c/d;p?y",
        "g?y http://a/b/c/g?y",
        "#s http://a/b/c/d;p?q#s",
        "g#s http://a/b/c/g#s",
        "g?y#s http://a/b/c/g?y#s",
        ";x http://a/b/c/;x",
        "g;x http://a/b/c/g;x",
        "g;x?y#s http://a/b/c/g;x?y#s",
        "'' http://a/b/c/d;p?q",
        ". http://a/b/c/",
        "./ http://a/b/c/",
        ".. http://a/b/",
        "../ http://a/b/",
        "../g http://a/b/g",
        "../.. http://a/",
        "../../ http://a/",
        "../../g http://a/g",
    })
    void normalExamples(String reference, String expected) {
        assertThat(BASE.resolve(reference)).hasToString(expected);
    }

    /** The abnormal examples of RFC 3986 §5.4.2 resolve as listed (strict parser for "http:g"). */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "../../../g http://a/g",
        "../../../../g http://a/g",
        "/./g http://a/g",
        "/../g http://a/g",
        "g. http://a/b/c/g.",
        ".g http://a/b/c/.g",
        "g.. http://a/b/c/g..",
        "..g http://a/b/c/..g",
        "./../g http://a/b/g",
        "./g/. http://a/b/c/g/",
        "g/./h http://a/b/c/g/h",
        "g/../h http://a/b/c/h",
        "g;x=1/./y http://a/b/c/g;x=1/y",
        "g;x=1/../y http://a/b/c/y",
        "g?y/./x http://a/b/c/g?y/./x",
        "g?y/../x http://a/b/c/g?y/../x",
        "g#s/./x http://a/b/c/g#s/./x",
        "g#s/../x http://a/b/c/g#s/../x",
        "http:g http:g",
    })
    void abnormalExamples(String reference, String expected) {
        assertThat(BASE.resolve(reference)).hasToString(expected);
    }

    /** A redirect to an absolute path keeps the base's scheme, credentials, host and port. */
    @Test
    void absolutePathRedirectKeepsAuthority() {
        Url base = Url.parse("https://u:p@example.com:8443/old/page?x=1");
        assertThat(base.resolve("/new?y=2")).hasToString("https://u:p@example.com:8443/new?y=2");
    }

    /** A redirect to another host replaces the whole authority. */
    @Test
    void networkPathRedirectReplacesAuthority() {
        assertThat(Url.parse("https://a.example/x").resolve("//b.example/y")).hasToString("https://b.example/y");
    }

    /** A relative reference against a base with an authority and empty path gets a leading slash. */
    @Test
    void mergeWithEmptyBasePath() {
        assertThat(Url.parse("http://a").resolve("g")).hasToString("http://a/g");
    }

    /** Resolving against a relative URL is refused. */
    @Test
    void relativeBaseIsRejected() {
        assertThatThrownBy(() -> Url.parse("/a/b").resolve("c"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("relative");
    }
}
