package io.jasyncio.http.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HttpDateTest {
    private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    /** Formatting writes the IMF-fixdate of RFC 9110's example. */
    @Test
    void formatsImfFixdate() {
        assertThat(HttpDate.format(EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    /** Formatting drops the fraction of a second. */
    @Test
    void formatTruncatesFractionalSeconds() {
        assertThat(HttpDate.format(EXAMPLE.plusMillis(999))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    /** A year HTTP cannot write is refused. */
    @Test
    void formatRejectsFiveDigitYear() {
        assertThatThrownBy(() -> HttpDate.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
    }

    /** IMF-fixdate parses to the instant it names. */
    @Test
    void parsesImfFixdate() {
        assertThat(HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT")).contains(EXAMPLE);
    }

    /** The obsolete RFC 850 form parses. */
    @Test
    void parsesRfc850() {
        Clock y2024 = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT", y2024)).contains(EXAMPLE);
    }

    /** An RFC 850 two-digit year within 50 years ahead stays in this century. */
    @Test
    void rfc850YearNearFutureStaysInCentury() {
        Clock y2024 = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(HttpDate.parse("Monday, 06-Nov-30 08:49:37 GMT", y2024))
                .contains(Instant.parse("2030-11-06T08:49:37Z"));
    }

    /** The asctime form with a space-padded day parses. */
    @Test
    void parsesAsctime() {
        assertThat(HttpDate.parse("Sun Nov  6 08:49:37 1994")).contains(EXAMPLE);
    }

    /** Formatting then parsing gives the same second back. */
    @Test
    void roundTrips() {
        Instant t = Instant.parse("2031-02-28T23:59:59Z");
        assertThat(HttpDate.parse(HttpDate.format(t))).contains(t);
    }

    /** A date that does not exist is rejected rather than rolled over. */
    @Test
    void rejectsNonexistentDate() {
        assertThat(HttpDate.parse("Thu, 31 Feb 2022 00:00:00 GMT")).isEmpty();
    }

    /** A zone other than GMT is rejected. */
    @Test
    void rejectsOtherZone() {
        assertThat(HttpDate.parse("Sun, 06 Nov 1994 08:49:37 UTC")).isEmpty();
    }

    /** Garbage, out-of-range times and null give an empty result instead of an exception. */
    @Test
    void rejectsGarbage() {
        assertThat(HttpDate.parse("yesterday")).isEmpty();
        assertThat(HttpDate.parse("Sun, 06 Nov 1994 24:00:00 GMT")).isEmpty();
        assertThat(HttpDate.parse("Xyz, 06 Nov 1994 08:49:37 GMT")).isEmpty();
        assertThat(HttpDate.parse(null)).isEmpty();
    }
}
