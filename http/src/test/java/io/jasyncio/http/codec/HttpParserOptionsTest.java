package io.jasyncio.http.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpParserOptionsTest {

    /** The defaults are 8 KiB request line, 8 KiB header section, 100 fields, no body limit. */
    @Test
    void defaults() {
        assertThat(HttpParserOptions.DEFAULTS).isEqualTo(new HttpParserOptions(8192, 8192, 100, -1));
    }

    /** Withers replace one limit and keep the others. */
    @Test
    void withersReplaceOneLimit() {
        HttpParserOptions o = HttpParserOptions.DEFAULTS.withMaxBodySize(10).withMaxHeaderCount(5);
        assertThat(o).isEqualTo(new HttpParserOptions(8192, 8192, 5, 10));
    }

    /** Non-positive limits, and body limits below -1, are rejected. */
    @Test
    void invalidLimitsAreRejected() {
        assertThatThrownBy(() -> HttpParserOptions.DEFAULTS.withMaxStartLineSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStartLineSize=0");
        assertThatThrownBy(() -> HttpParserOptions.DEFAULTS.withMaxHeaderCount(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpParserOptions.DEFAULTS.withMaxBodySize(-2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 for no limit");
    }
}
