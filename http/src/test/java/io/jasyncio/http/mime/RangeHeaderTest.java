package io.jasyncio.http.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeHeaderTest {

    private static List<ByteRange> satisfiable(String header, long length) {
        RangeResult r = RangeHeader.evaluate(header, length);
        assertThat(r).isInstanceOf(RangeResult.Satisfiable.class);
        return ((RangeResult.Satisfiable) r).ranges();
    }

    /** a-b, a- and -n each select the bytes RFC 9110 gives as examples. */
    @Test
    void threeFormsOfRangeSpec() {
        assertThat(satisfiable("bytes=0-499", 10000)).containsExactly(new ByteRange(0, 499));
        assertThat(satisfiable("bytes=9500-", 10000)).containsExactly(new ByteRange(9500, 9999));
        assertThat(satisfiable("bytes=-500", 10000)).containsExactly(new ByteRange(9500, 9999));
    }

    /** A last position past the end is clamped to the last byte. */
    @Test
    void clampsLastPosition() {
        assertThat(satisfiable("bytes=5-999", 10)).containsExactly(new ByteRange(5, 9));
    }

    /** A suffix longer than the representation selects all of it. */
    @Test
    void longSuffixSelectsEverything() {
        assertThat(satisfiable("bytes=-50", 10)).containsExactly(new ByteRange(0, 9));
    }

    /** Several disjoint ranges keep the order they were asked in. */
    @Test
    void disjointRangesKeepOrder() {
        assertThat(satisfiable("bytes=500-599, 0-99", 1000))
                .containsExactly(new ByteRange(500, 599), new ByteRange(0, 99));
    }

    /** Overlapping and adjacent ranges are merged. */
    @Test
    void overlappingRangesAreMerged() {
        assertThat(satisfiable("bytes=0-10,5-20,21-30,50-", 100))
                .containsExactly(new ByteRange(0, 30), new ByteRange(50, 99));
    }

    /** Unsatisfiable specs are dropped while a satisfiable one remains. */
    @Test
    void dropsUnsatisfiableSpecsAmongSatisfiable() {
        assertThat(satisfiable("bytes=100000-, 0-50", 1000)).containsExactly(new ByteRange(0, 50));
    }

    /** A start at or past the end gives 416 with the Content-Range to send. */
    @Test
    void startPastEndIsUnsatisfiable() {
        RangeResult r = RangeHeader.evaluate("bytes=10-20", 10);
        assertThat(r).isEqualTo(new RangeResult.Unsatisfiable(10));
        assertThat(((RangeResult.Unsatisfiable) r).contentRange()).isEqualTo("bytes */10");
    }

    /** A zero-length suffix is unsatisfiable. */
    @Test
    void zeroSuffixIsUnsatisfiable() {
        assertThat(RangeHeader.evaluate("bytes=-0", 10)).isInstanceOf(RangeResult.Unsatisfiable.class);
    }

    /** On an empty representation an int-range is unsatisfiable and a suffix range is ignored. */
    @Test
    void emptyRepresentation() {
        assertThat(RangeHeader.evaluate("bytes=0-0", 0)).isInstanceOf(RangeResult.Unsatisfiable.class);
        assertThat(RangeHeader.evaluate("bytes=-1", 0)).isInstanceOf(RangeResult.Ignored.class);
    }

    /** A last position before the first invalidates the whole header. */
    @Test
    void reversedRangeInvalidatesHeader() {
        assertThat(RangeHeader.evaluate("bytes=0-1, 5-3", 10)).isInstanceOf(RangeResult.Ignored.class);
    }

    /** Malformed syntax, other units and a missing header are ignored. */
    @Test
    void malformedOrForeignHeadersAreIgnored() {
        assertThat(RangeHeader.evaluate("bytes=abc", 10)).isInstanceOf(RangeResult.Ignored.class);
        assertThat(RangeHeader.evaluate("bytes=1-2-3", 10)).isInstanceOf(RangeResult.Ignored.class);
        assertThat(RangeHeader.evaluate("bytes=", 10)).isInstanceOf(RangeResult.Ignored.class);
        assertThat(RangeHeader.evaluate("items=0-5", 10)).isInstanceOf(RangeResult.Ignored.class);
        assertThat(RangeHeader.evaluate(null, 10)).isInstanceOf(RangeResult.Ignored.class);
    }

    /** The unit is case-insensitive and empty list elements are allowed. */
    @Test
    void lenientUnitAndListSyntax() {
        assertThat(satisfiable("Bytes = 0-1,, 4-5", 10)).containsExactly(new ByteRange(0, 1), new ByteRange(4, 5));
    }

    /** Numbers beyond a long saturate instead of failing. */
    @Test
    void hugeNumbersSaturate() {
        assertThat(satisfiable("bytes=2-99999999999999999999999", 10)).containsExactly(new ByteRange(2, 9));
        assertThat(RangeHeader.evaluate("bytes=99999999999999999999999-", 10))
                .isInstanceOf(RangeResult.Unsatisfiable.class);
    }

    /** Too many ranges are ignored to bound the work one request causes. */
    @Test
    void tooManyRangesAreIgnored() {
        assertThat(RangeHeader.evaluate("bytes=0-0,2-2,4-4", 10, 2)).isInstanceOf(RangeResult.Ignored.class);
    }

    /** The Content-Range value of a range names its bounds and the complete length. */
    @Test
    void contentRangeValue() {
        assertThat(new ByteRange(0, 499).contentRange(1234)).isEqualTo("bytes 0-499/1234");
        assertThat(new ByteRange(0, 499).length()).isEqualTo(500);
    }
}
