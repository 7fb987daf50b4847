package io.jasyncio.http.encoding;

/**
 * Counts decoded bytes and refuses to go past a limit. Thread-confined, like its decoder.
 */
final class SizeGuard {
    private final long limit;
    private long total;

    SizeGuard(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("negative maximum decoded size " + limit);
        }
        this.limit = limit;
    }

    /** Accounts for {@code n} more bytes, or throws without counting them if that crosses the limit. */
    void add(int n) throws DecodedSizeExceededException {
        if (n > limit - total) {
            throw new DecodedSizeExceededException(limit);
        }
        total += n;
    }

    long total() {
        return total;
    }
}
