package io.jasyncio.http.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaTypeTest {

    /** Type and subtype are lower-cased and parameters are read with their values. */
    @Test
    void parsesTypeSubtypeAndParameters() {
        MediaType t = MediaType.parse("Text/HTML; Charset=UTF-8; level=1");
        assertThat(t.essence()).isEqualTo("text/html");
        assertThat(t.parameters()).containsExactly(
                java.util.Map.entry("charset", "UTF-8"), java.util.Map.entry("level", "1"));
    }

    /** The charset parameter resolves to a Java charset. */
    @Test
    void resolvesCharset() {
        assertThat(MediaType.parse("text/plain;charset=\"utf-8\"").charset()).contains(StandardCharsets.UTF_8);
    }

    /** An unknown charset is reported as absent rather than thrown. */
    @Test
    void unknownCharsetIsEmpty() {
        assertThat(MediaType.parse("text/plain; charset=no-such-thing").charset()).isEmpty();
    }

    /** Quoted values are unescaped. */
    @Test
    void unescapesQuotedValue() {
        assertThat(MediaType.parse("a/b; x=\"q\\\"uo\\\\te\"").parameter("X")).contains("q\"uo\\te");
    }

    /** An unquoted boundary with '=' (as some mailers write) is accepted. */
    @Test
    void acceptsEqualsInUnquotedValue() {
        assertThat(MediaType.parse("multipart/form-data; boundary=----=_Part_1").parameter("boundary"))
                .contains("----=_Part_1");
    }

    /** Formatting quotes a value only when it is not a token. */
    @Test
    void formatsQuotingOnlyWhenNeeded() {
        MediaType t = MediaType.of("multipart", "form-data").withParameter("boundary", "a b").withParameter("x", "y");
        assertThat(t).hasToString("multipart/form-data; boundary=\"a b\"; x=y");
    }

    /** A missing subtype is a clear error. */
    @Test
    void rejectsMissingSubtype() {
        assertThatThrownBy(() -> MediaType.parse("text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type/subtype");
    }

    /** An unterminated quoted parameter is a clear error. */
    @Test
    void rejectsUnterminatedQuote() {
        assertThatThrownBy(() -> MediaType.parse("text/plain; charset=\"utf-8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated");
    }

    /** A repeated parameter is rejected, so two readers cannot disagree on a boundary. */
    @Test
    void rejectsDuplicateParameter() {
        assertThatThrownBy(() -> MediaType.parse("multipart/form-data; boundary=a; Boundary=b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    }

    /** Parse and format round-trip to an equal value. */
    @Test
    void roundTrips() {
        MediaType t = MediaType.parse("application/json; charset=utf-8; q=\"a;b\"");
        assertThat(MediaType.parse(t.toString())).isEqualTo(t);
    }

    /** withCharset writes the charset's canonical name in lower case. */
    @Test
    void withCharsetWritesCanonicalName() {
        assertThat(MediaType.of("text", "html").withCharset(StandardCharsets.UTF_8)).hasToString("text/html; charset=utf-8");
    }
}
