package io.jasyncio.http.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptEncodingTest {
    private static final List<String> OFFERED = List.of("gzip", "deflate");

    /** The offered coding with the highest quality wins. */
    @Test
    void highestQualityWins() {
        assertThat(AcceptEncoding.parse("gzip;q=0.5, deflate;q=0.8").negotiate(OFFERED)).contains("deflate");
    }

    /** Equal qualities go to the server's order of preference. */
    @Test
    void tiesFollowServerOrder() {
        assertThat(AcceptEncoding.parse("deflate, gzip").negotiate(OFFERED)).contains("gzip");
    }

    /** q=0 excludes a coding. */
    @Test
    void zeroQualityExcludes() {
        assertThat(AcceptEncoding.parse("gzip;q=0, deflate;q=0.1").negotiate(OFFERED)).contains("deflate");
    }

    /** '*' gives its quality to codings not listed. */
    @Test
    void starCoversUnlisted() {
        AcceptEncoding ae = AcceptEncoding.parse("gzip;q=0, *;q=0.5");
        assertThat(ae.quality("deflate")).isEqualTo(0.5);
        assertThat(ae.negotiate(OFFERED)).contains("deflate");
    }

    /** Without an acceptable offered coding, identity is chosen. */
    @Test
    void fallsBackToIdentity() {
        assertThat(AcceptEncoding.parse("br").negotiate(OFFERED)).contains("identity");
    }

    /** identity;q=0 (or *;q=0) with nothing else acceptable leaves no choice. */
    @Test
    void nothingAcceptable() {
        assertThat(AcceptEncoding.parse("br, identity;q=0").negotiate(OFFERED)).isEmpty();
        assertThat(AcceptEncoding.parse("*;q=0").negotiate(OFFERED)).isEmpty();
    }

    /** identity listed with a higher quality beats compression. */
    @Test
    void explicitIdentityPreferred() {
        assertThat(AcceptEncoding.parse("gzip;q=0.5, identity").negotiate(OFFERED)).contains("identity");
    }

    /** A missing header means identity; an empty one accepts identity only. */
    @Test
    void absentAndEmptyHeaders() {
        assertThat(AcceptEncoding.parse(null).negotiate(OFFERED)).contains("identity");
        assertThat(AcceptEncoding.absent().accepts("gzip")).isTrue();
        AcceptEncoding empty = AcceptEncoding.parse("");
        assertThat(empty.accepts("gzip")).isFalse();
        assertThat(empty.negotiate(OFFERED)).contains("identity");
    }

    /** Names are case-insensitive and x-gzip means gzip. */
    @Test
    void aliasesAndCase() {
        assertThat(AcceptEncoding.parse("X-GZIP").negotiate(OFFERED)).contains("gzip");
        assertThat(AcceptEncoding.parse("GZip").quality("x-gzip")).isEqualTo(1.0);
    }

    /** An entry with an invalid q-value is skipped. */
    @Test
    void invalidQualitySkipped() {
        AcceptEncoding ae = AcceptEncoding.parse("gzip;q=2, deflate;q=0.1234, br;q=0.5");
        assertThat(ae.entries()).containsExactly(new AcceptEncoding.Entry("br", 0.5));
        assertThat(ae.negotiate(OFFERED)).contains("identity");
    }
}
