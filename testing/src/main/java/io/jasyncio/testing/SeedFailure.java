package io.jasyncio.testing;

/**
 * An {@link AsyncTest} that failed under a schedule seed: the message names the seed and how to
 * replay it, and the cause is the test's own failure. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=seeds}
 */
public final class SeedFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final long seed;

    /**
     * @param seed the failing seed
     * @param run which run failed, from 1
     * @param runs how many runs were planned
     * @param cause the test's failure under that seed
     */
    public SeedFailure(long seed, int run, int runs, Throwable cause) {
        super("failed under schedule seed " + seed + (runs > 1 ? " (run " + run + " of " + runs + ")" : "")
                + "; replay it with @AsyncTest(seed = " + seed + ") or -Djasyncio.seed=" + seed
                + ": " + cause, cause);
        this.seed = seed;
    }

    /** @return the failing seed */
    public long seed() {
        return seed;
    }
}
