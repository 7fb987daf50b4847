package io.jasyncio.http.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ETagTest {
    private static final ETag STRONG = ETag.strong("v1");
    private static final ETag WEAK = ETag.weak("v1");

    /** Strong and weak tags parse and format back. */
    @Test
    void parsesAndFormats() {
        assertThat(ETag.parse("\"v1\"")).isEqualTo(STRONG);
        assertThat(ETag.parse("W/\"v1\"")).isEqualTo(WEAK);
        assertThat(WEAK).hasToString("W/\"v1\"");
    }

    /** A comma inside a quoted tag belongs to the tag. */
    @Test
    void listKeepsCommaInsideTag() {
        assertThat(ETag.parseList("\"a,b\", W/\"c\"")).containsExactly(ETag.strong("a,b"), ETag.weak("c"));
    }

    /** An unquoted tag is rejected. */
    @Test
    void rejectsUnquotedTag() {
        assertThatThrownBy(() -> ETag.parse("v1")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Strong comparison fails if either side is weak; weak comparison ignores weakness (RFC 9110 table). */
    @Test
    void comparisonTable() {
        assertThat(WEAK.strongMatches(WEAK)).isFalse();
        assertThat(WEAK.weakMatches(WEAK)).isTrue();
        assertThat(WEAK.strongMatches(ETag.weak("v2"))).isFalse();
        assertThat(WEAK.weakMatches(ETag.weak("v2"))).isFalse();
        assertThat(WEAK.strongMatches(STRONG)).isFalse();
        assertThat(WEAK.weakMatches(STRONG)).isTrue();
        assertThat(STRONG.strongMatches(STRONG)).isTrue();
    }

    /** If-None-Match uses weak comparison, so a weak tag in the request matches a strong current tag. */
    @Test
    void ifNoneMatchFailsOnWeakMatch() {
        assertThat(ETag.ifNoneMatch("\"x\", W/\"v1\"", STRONG)).isFalse();
        assertThat(ETag.ifNoneMatch("\"x\", \"y\"", STRONG)).isTrue();
    }

    /** If-None-Match: * fails when a representation exists and holds when none does. */
    @Test
    void ifNoneMatchStar() {
        assertThat(ETag.ifNoneMatch(" * ", STRONG)).isFalse();
        assertThat(ETag.ifNoneMatch("*", null)).isTrue();
    }

    /** If-Match uses strong comparison, so a weak current tag never matches. */
    @Test
    void ifMatchNeedsStrongMatch() {
        assertThat(ETag.ifMatch("\"v1\"", STRONG)).isTrue();
        assertThat(ETag.ifMatch("W/\"v1\"", STRONG)).isFalse();
        assertThat(ETag.ifMatch("\"v1\"", WEAK)).isFalse();
    }

    /** If-Match: * holds only when a representation exists. */
    @Test
    void ifMatchStar() {
        assertThat(ETag.ifMatch("*", WEAK)).isTrue();
        assertThat(ETag.ifMatch("*", null)).isFalse();
    }

    /** A malformed If-Match never holds; a malformed If-None-Match is ignored. */
    @Test
    void malformedHeaders() {
        assertThat(ETag.ifMatch("v1", STRONG)).isFalse();
        assertThat(ETag.ifNoneMatch("v1", STRONG)).isTrue();
    }
}
