package io.jasyncio.http.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CookieDateTest {
    private static final Instant T = Instant.parse("2015-10-21T07:28:00Z");

    /** The IMF-fixdate form servers usually send parses. */
    @Test
    void parsesImfFixdate() {
        assertThat(CookieDate.parse("Wed, 21 Oct 2015 07:28:00 GMT")).contains(T);
    }

    /** The dashed RFC 850 form with a two-digit year 00..69 means 20xx. */
    @Test
    void twoDigitYearBelow70IsThisCentury() {
        assertThat(CookieDate.parse("Wednesday, 21-Oct-15 07:28:00 GMT")).contains(T);
    }

    /** A two-digit year 70..99 means 19xx. */
    @Test
    void twoDigitYearFrom70IsLastCentury() {
        assertThat(CookieDate.parse("Thu, 01-Jan-70 00:00:01 GMT")).contains(Instant.ofEpochSecond(1));
    }

    /** The parts may come in any order, with junk after digits and month names. */
    @Test
    void toleratesOrderAndJunk() {
        assertThat(CookieDate.parse("07:28:00 2015 October 21st")).contains(T);
        assertThat(CookieDate.parse("Wed Oct 21 07:28:00 2015")).contains(T);
    }

    /** Years before 1601 fail. */
    @Test
    void rejectsEarlyYear() {
        assertThat(CookieDate.parse("Wed, 21 Oct 1600 07:28:00 GMT")).isEmpty();
    }

    /** Out-of-range times and days fail. */
    @Test
    void rejectsOutOfRangeFields() {
        assertThat(CookieDate.parse("Wed, 21 Oct 2015 24:00:00 GMT")).isEmpty();
        assertThat(CookieDate.parse("Wed, 21 Oct 2015 07:60:00 GMT")).isEmpty();
        assertThat(CookieDate.parse("Wed, 32 Oct 2015 07:28:00 GMT")).isEmpty();
    }

    /** A day that does not exist in its month fails. */
    @Test
    void rejectsNonexistentDay() {
        assertThat(CookieDate.parse("30 Feb 2015 07:28:00")).isEmpty();
    }

    /** A date without a time fails. */
    @Test
    void rejectsMissingTime() {
        assertThat(CookieDate.parse("Wed, 21 Oct 2015")).isEmpty();
    }

    /** A three-digit day token is not a day of month. */
    @Test
    void rejectsThreeDigitDay() {
        assertThat(CookieDate.parse("121 Oct 2015 07:28:00")).isEmpty();
    }
}
