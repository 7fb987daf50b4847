package io.jasyncio.http.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CookieHeaderTest {

    /** Pairs are read in order with whitespace trimmed and enclosing quotes removed. */
    @Test
    void parsesPairs() {
        assertThat(CookieHeader.parse(" a=1;b = \"two\" ;c="))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "two"), Map.entry("c", ""));
    }

    /** The first of repeated names wins in the map; parseAll keeps all. */
    @Test
    void firstOfRepeatedNameWins() {
        assertThat(CookieHeader.parse("a=specific; a=general")).containsExactly(Map.entry("a", "specific"));
        assertThat(CookieHeader.parseAll("a=specific; a=general")).hasSize(2);
    }

    /** Pieces without '=' or without a name are skipped. */
    @Test
    void skipsMalformedPieces() {
        assertThat(CookieHeader.parse("junk; =x; ;a=1")).containsExactly(Map.entry("a", "1"));
    }

    /** A value may contain '='. */
    @Test
    void valueMayContainEquals() {
        assertThat(CookieHeader.parse("t=a=b==")).containsEntry("t", "a=b==");
    }

    /** Formatting joins name=value pairs with "; ". */
    @Test
    void formats() {
        assertThat(CookieHeader.format(List.of(Cookie.of("a", "1"), Cookie.of("b", "2")))).isEqualTo("a=1; b=2");
        assertThat(CookieHeader.format(List.of())).isEmpty();
    }
}
