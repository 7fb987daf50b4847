package io.jasyncio.http.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentCodecTest {

    /** Component encoding keeps only unreserved characters. */
    @Test
    void encodeKeepsOnlyUnreserved() {
        assertThat(PercentCodec.encode("aZ0-._~ /?#&=+%")).isEqualTo("aZ0-._~%20%2F%3F%23%26%3D%2B%25");
    }

    /** Form encoding writes a space as '+'. */
    @Test
    void encodeFormUsesPlus() {
        assertThat(PercentCodec.encodeForm("a b+c")).isEqualTo("a+b%2Bc");
    }

    /** Path encoding keeps slashes and sub-delimiters but not '?', '#' or '%'. */
    @Test
    void encodePathKeepsSlashes() {
        assertThat(PercentCodec.encodePath("/a b/c;d=e/f?g#h%")).isEqualTo("/a%20b/c;d=e/f%3Fg%23h%25");
    }

    /** A character outside the BMP is encoded as its four UTF-8 octets. */
    @Test
    void encodesSupplementaryCharacter() {
        assertThat(PercentCodec.encode("😀")).isEqualTo("%F0%9F%98%80");
        assertThat(PercentCodec.decode("%F0%9F%98%80")).isEqualTo("😀");
    }

    /** Plain decoding leaves '+' alone; form decoding turns it into a space. */
    @Test
    void plusHandlingDiffersByVariant() {
        assertThat(PercentCodec.decode("a+b%20c")).isEqualTo("a+b c");
        assertThat(PercentCodec.decodeForm("a+b%20c")).isEqualTo("a b c");
    }

    /** Lower-case hex digits decode too. */
    @Test
    void decodesLowerCaseHex() {
        assertThat(PercentCodec.decode("%c3%a9")).isEqualTo("é");
    }

    /** A '%' that starts no escape is kept, including at the very end. */
    @Test
    void malformedEscapeIsLiteral() {
        assertThat(PercentCodec.decode("100%")).isEqualTo("100%");
        assertThat(PercentCodec.decode("%g1%41")).isEqualTo("%g1A");
    }
}
