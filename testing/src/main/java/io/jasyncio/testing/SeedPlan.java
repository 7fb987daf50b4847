package io.jasyncio.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which schedule seeds an {@link AsyncTest} runs under: none (FIFO) for a test without seeds; the
 * given seed; or {@code seeds} consecutive seeds from {@code seed} (or 0). The system property
 * {@value #PROPERTY} replaces the seeds of every seeded test with one, to replay a failure.
 * Immutable results; stateless.
 */
final class SeedPlan {

    /** The system property that replays one seed. */
    static final String PROPERTY = "jasyncio.seed";

    private SeedPlan() {
    }

    /**
     * @param test the annotation
     * @return the seeds to run under, in order; an empty element means FIFO
     */
    static List<OptionalLong> of(AsyncTest test) {
        if (test.seeds() < 1) {
            throw new IllegalArgumentException("@AsyncTest(seeds = " + test.seeds() + "): seeds must be at least 1");
        }
        boolean seeded = test.seed() != AsyncTest.NO_SEED || test.seeds() > 1;
        if (!seeded) {
            return List.of(OptionalLong.empty());
        }
        String replay = System.getProperty(PROPERTY, "").trim();
        if (!replay.isEmpty()) {
            try {
                return List.of(OptionalLong.of(Long.parseLong(replay)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + replay + " is not a seed (a long)", e);
            }
        }
        long base = test.seed() == AsyncTest.NO_SEED ? 0 : test.seed();
        List<OptionalLong> seeds = new ArrayList<>(test.seeds());
        for (int i = 0; i < test.seeds(); i++) {
            seeds.add(OptionalLong.of(base + i));
        }
        return seeds;
    }
}
