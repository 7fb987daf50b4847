package io.jasyncio.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

    /** get ignores ASCII case and returns the first value. */
    @Test
    void getIgnoresCaseAndReturnsFirstValue() {
        Headers h = new Headers().add("Content-Type", "text/plain").add("content-type", "text/html");
        assertThat(h.get("CONTENT-TYPE")).isEqualTo("text/plain");
        assertThat(h.get("X-Missing")).isNull();
        assertThat(h.getOrDefault("X-Missing", "d")).isEqualTo("d");
    }

    /** getAll returns every value of a name in insertion order. */
    @Test
    void getAllReturnsValuesInOrder() {
        Headers h = Headers.of("Set-Cookie", "a=1", "X", "y", "set-cookie", "b=2");
        assertThat(h.getAll("SET-COOKIE")).containsExactly("a=1", "b=2");
        assertThat(h.getAll("nope")).isEmpty();
    }

    /** contains reports presence regardless of case. */
    @Test
    void containsIgnoresCase() {
        Headers h = Headers.of("Host", "x");
        assertThat(h.contains("host")).isTrue();
        assertThat(h.contains("hosts")).isFalse();
    }

    /** Names keep the spelling they were added with, and entries keep insertion order. */
    @Test
    void iterationKeepsOrderAndSpelling() {
        Headers h = Headers.of("b", "1", "A", "2", "B", "3");
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, String> e : h) {
            seen.add(e.getKey() + "=" + e.getValue());
        }
        assertThat(seen).containsExactly("b=1", "A=2", "B=3");
        List<String> viaForEach = new ArrayList<>();
        h.forEach((n, v) -> viaForEach.add(n + "=" + v));
        assertThat(viaForEach).isEqualTo(seen);
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.name(1)).isEqualTo("A");
        assertThat(h.value(2)).isEqualTo("3");
    }

    /** set replaces the first entry in place and removes the other entries of that name. */
    @Test
    void setReplacesFirstAndRemovesOthers() {
        Headers h = Headers.of("X", "1", "Y", "2", "x", "3");
        h.set("x", "new");
        assertThat(h).isEqualTo(Headers.of("X", "new", "Y", "2"));
        assertThat(h.name(0)).isEqualTo("x");
        h.set("Z", "appended");
        assertThat(h.name(2)).isEqualTo("Z");
    }

    /** remove drops every entry of the name and reports whether it did anything. */
    @Test
    void removeDropsAllEntriesOfName() {
        Headers h = Headers.of("X", "1", "Y", "2", "x", "3");
        assertThat(h.remove("x")).isTrue();
        assertThat(h).isEqualTo(Headers.of("Y", "2"));
        assertThat(h.remove("x")).isFalse();
    }

    /** Every mutator of frozen headers throws; copy() gives a mutable copy. */
    @Test
    void frozenHeadersRejectMutationButCopyIsMutable() {
        Headers h = Headers.of("X", "1").freeze();
        assertThatThrownBy(() -> h.add("Y", "2")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("copy()");
        assertThatThrownBy(() -> h.set("X", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.remove("X")).isInstanceOf(UnsupportedOperationException.class);
        Headers c = h.copy().add("Y", "2");
        assertThat(c.size()).isEqualTo(2);
        assertThat(h.size()).isEqualTo(1);
        assertThat(Headers.EMPTY.isFrozen()).isTrue();
    }

    /** Equality ignores name case but not value case, and hashCode agrees with it. */
    @Test
    void equalityIgnoresNameCaseOnly() {
        assertThat(Headers.of("Host", "A")).isEqualTo(Headers.of("host", "A"))
                .hasSameHashCodeAs(Headers.of("HOST", "A"));
        assertThat(Headers.of("Host", "A")).isNotEqualTo(Headers.of("Host", "a"));
    }

    /** Only ASCII letters are folded: U+212A KELVIN SIGN does not match 'k'. */
    @Test
    void caseFoldingIsAsciiOnly() {
        assertThat(Headers.equalsIgnoreAsciiCase("\u212Aey", "key")).isFalse();
        assertThat("\u212Aey".equalsIgnoreCase("key")).isTrue();
    }

    /** Headers.of needs an even number of strings. */
    @Test
    void ofRejectsOddArguments() {
        assertThatThrownBy(() -> Headers.of("X")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Growing past the initial capacity keeps every entry. */
    @Test
    void growsPastInitialCapacity() {
        Headers h = new Headers(0);
        for (int i = 0; i < 50; i++) {
            h.add("N" + i, "v" + i);
        }
        assertThat(h.size()).isEqualTo(50);
        assertThat(h.get("n49")).isEqualTo("v49");
    }
}
