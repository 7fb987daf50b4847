package io.jasyncio.testing;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Forces steps of several tasks to happen in a given order (Trio's {@code Sequencer}). Each step
 * has a number; {@code step(n)} suspends until step {@code n - 1} has finished (step 0 goes at
 * once), and the step finishes when its {@link Step} is closed.
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=sequencer}
 *
 * <p>Invariants: each step number is used once (reusing one throws); a task cancelled while it
 * waits for its step breaks the sequence: every waiting and later step fails with
 * {@link IllegalStateException}, so that the test fails instead of hanging, and the cancelled task
 * gets its {@link CancelledError}. Not thread-safe: use it from the tasks of one loop.
 */
public final class Sequencer {

    private final Map<Integer, Future<Void>> points = new HashMap<>();
    private final Set<Integer> claimed = new HashSet<>();
    private boolean broken;

    /** Creates a sequencer; its steps start at 0. */
    public Sequencer() {
    }

    /**
     * Suspends the calling task until step {@code position - 1} is finished.
     *
     * @param position the step number, from 0
     * @return the step, finished when closed (use try-with-resources)
     * @throws IllegalStateException if the number was used before or the sequence is broken
     * @throws CancelledError if the task is cancelled while waiting (the sequence breaks)
     */
    public Step step(int position) {
        if (position < 0) {
            throw new IllegalArgumentException("step numbers start at 0: " + position);
        }
        if (!claimed.add(position)) {
            throw new IllegalStateException("sequence step " + position + " was already used");
        }
        if (broken) {
            throw new IllegalStateException("sequence broken: a task waiting for its step was cancelled");
        }
        if (position > 0) {
            try {
                Asyncio.await(point(position));
            } catch (CancelledError e) {
                broken = true;
                for (Future<Void> f : points.values()) {
                    if (!f.done()) {
                        f.setResult(null);
                    }
                }
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("a sequence point failed", e);
            }
            if (broken) {
                throw new IllegalStateException("sequence broken: a task waiting for its step was cancelled");
            }
        }
        return new Step(position);
    }

    private Future<Void> point(int position) {
        return points.computeIfAbsent(position, p -> Asyncio.getRunningLoop().createFuture());
    }

    /** One step of a {@link Sequencer}: closing it lets the next step go. */
    public final class Step implements AutoCloseable {

        private final int position;
        private boolean closed;

        private Step(int position) {
            this.position = position;
        }

        /** @return this step's number */
        public int position() {
            return position;
        }

        /** Finishes this step, letting step {@code position + 1} go; later calls do nothing. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                Future<Void> next = point(position + 1);
                if (!next.done()) {
                    next.setResult(null);
                }
            }
        }
    }
}
