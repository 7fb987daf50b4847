package io.jasyncio.testing;

import io.jasyncio.internal.loop.BatchOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seeded schedule: permutes each batch of a loop's iteration at random, but only as far as
 * asyncio leaves the order open.
 *
 * <p>Rule: the entries of a batch are grouped by their source (what made them ready: see
 * {@link BatchOrder}); entries of one source keep their order, and the groups are interleaved
 * uniformly at random. So callbacks and task wake-ups scheduled by one callback or one task step
 * stay FIFO (a future's done callbacks and waiters in registration order, {@code callSoon} order,
 * a {@code sleep(0)} after already-queued callbacks), due timers keep deadline order, and work from
 * other threads keeps arrival order; but two tasks woken in the same iteration by different events
 * (two timers, two futures completed by different steps, two I/O events) may run in either order.
 *
 * <p>Determinism: the random generator is {@link Random} with the seed, whose algorithm is fixed
 * by its specification; it is drawn from only for batches with two or more sources. Given the same
 * program, the same seed and no work from other threads, every run makes the same choices. Loop
 * thread only.
 */
final class SeededOrder implements BatchOrder {

    private final long seed;
    private final Random random;
    private long permutedBatches;

    SeededOrder(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    long seed() {
        return seed;
    }

    /** @return how many batches had more than one source, so that their order was drawn */
    long permutedBatches() {
        return permutedBatches;
    }

    @Override
    public void order(List<Runnable> batch, List<Object> sources) {
        int n = batch.size();
        Map<Object, ArrayDeque<Runnable>> bySource = new IdentityHashMap<>();
        List<ArrayDeque<Runnable>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ArrayDeque<Runnable> g = bySource.get(sources.get(i));
            if (g == null) {
                g = new ArrayDeque<>();
                bySource.put(sources.get(i), g);
                groups.add(g);
            }
            g.addLast(batch.get(i));
        }
        if (groups.size() < 2) {
            return;
        }
        permutedBatches++;
        // A uniformly random interleaving: the next entry comes from a group with probability
        // proportional to what the group has left.
        for (int i = 0, left = n; i < n; i++, left--) {
            int pick = random.nextInt(left);
            int g = 0;
            while (pick >= groups.get(g).size()) {
                pick -= groups.get(g).size();
                g++;
            }
            ArrayDeque<Runnable> group = groups.get(g);
            batch.set(i, group.pollFirst());
            if (group.isEmpty()) {
                groups.remove(g);
            }
        }
    }

    @Override
    public String toString() {
        return "seed " + seed;
    }
}
