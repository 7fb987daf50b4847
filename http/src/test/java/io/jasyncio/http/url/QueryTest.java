package io.jasyncio.http.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryTest {

    /** Entries keep their order and repeated names keep every value. */
    @Test
    void keepsOrderAndDuplicates() {
        Query q = Query.parse("b=1&a=2&b=3");
        assertThat(q.names()).containsExactly("b", "a");
        assertThat(q.getAll("b")).containsExactly("1", "3");
        assertThat(q.get("b")).contains("1");
        assertThat(q.size()).isEqualTo(3);
    }

    /** '+' decodes to a space and %2B to a plus. */
    @Test
    void plusIsSpace() {
        assertThat(Query.parse("q=a+b%2Bc").get("q")).contains("a b+c");
    }

    /** A piece without '=' has an empty value; empty pieces are skipped. */
    @Test
    void oddPieces() {
        Query q = Query.parse("&a&&b=&c=1&");
        assertThat(q.entries()).containsExactly(Map.entry("a", ""), Map.entry("b", ""), Map.entry("c", "1"));
    }

    /** Only the first '=' separates name from value. */
    @Test
    void valueMayContainEquals() {
        assertThat(Query.parse("k=a=b==").get("k")).contains("a=b==");
    }

    /** Malformed escapes are kept literally. */
    @Test
    void malformedEscapesAreLiteral() {
        assertThat(Query.parse("a=%zz&b=%&c=%4").toMap())
                .containsExactly(Map.entry("a", List.of("%zz")), Map.entry("b", List.of("%")), Map.entry("c", List.of("%4")));
    }

    /** Octets that are not UTF-8 become U+FFFD. */
    @Test
    void invalidUtf8BecomesReplacement() {
        assertThat(Query.parse("a=%FF").get("a")).contains("\uFFFD");
    }

    /** Awkward names and values survive encode then parse. */
    @Test
    void roundTripsAwkwardText() {
        Query q = Query.of("a b", "x&y=z", "π", "😀 +%", "", "", "=", "?#/");
        String encoded = q.encode();
        assertThat(encoded).doesNotContain(" ", "#", "?");
        assertThat(Query.parse(encoded)).isEqualTo(q);
    }

    /** Encoding in another charset writes that charset's octets and reads back with it. */
    @Test
    void encodesInLatin1() {
        Query q = Query.of("k", "é");
        assertThat(q.encode(StandardCharsets.ISO_8859_1)).isEqualTo("k=%E9");
        assertThat(Query.parse("k=%E9", StandardCharsets.ISO_8859_1)).isEqualTo(q);
    }

    /** with() keeps the first position of a name and drops its other values. */
    @Test
    void withReplacesAllValues() {
        assertThat(Query.parse("a=1&b=2&a=3").with("a", "9").encode()).isEqualTo("a=9&b=2");
    }

    /** without() removes every entry of a name; plus() appends. */
    @Test
    void withoutAndPlus() {
        assertThat(Query.parse("a=1&b=2&a=3").without("a").plus("c", "4").encode()).isEqualTo("b=2&c=4");
    }

    /** A map with iterable values gives one entry per element. */
    @Test
    void fromMapExpandsIterables() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("a", List.of(1, 2));
        m.put("b", "x");
        assertThat(Query.of(m).encode()).isEqualTo("a=1&a=2&b=x");
    }

    /** Query.of with an odd number of strings is refused. */
    @Test
    void ofRejectsOddCount() {
        assertThatThrownBy(() -> Query.of("a")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The views it hands out cannot be modified. */
    @Test
    void isImmutable() {
        Query q = Query.of("a", "1");
        assertThatThrownBy(() -> q.entries().add(Map.entry("b", "2"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> q.getAll("a").add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
