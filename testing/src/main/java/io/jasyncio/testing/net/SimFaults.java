package io.jasyncio.testing.net;

/**
 * Faults a seeded {@link SimNetwork} picks by itself, from its seed: the same seed and program
 * make the same picks, so a failing seed replays exactly.
 *
 * <ul>
 *   <li>{@code jitter}: each segment (and each half of a handshake) is delayed by a uniform extra
 *       0 to {@code jitter} seconds on top of the link's latency; order is still kept.
 *   <li>{@code resetProbability}: each new connection is, with this probability, reset after a
 *       uniform 0 to {@code resetWithinBytes} bytes from one of its ends (chosen evenly), as
 *       {@link SimConnection#resetAfter(String, long)}.
 * </ul>
 *
 * <p>Immutable; {@link #NONE} has every fault off.
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=simFaults}
 *
 * @param jitter the largest extra delay per segment, in seconds, 0 or more
 * @param resetProbability the chance that a connection is reset, 0 to 1
 * @param resetWithinBytes the most bytes an end sends before that reset, at least 1
 */
public record SimFaults(double jitter, double resetProbability, long resetWithinBytes) {

    /** No jitter and no resets. */
    public static final SimFaults NONE = new SimFaults(0, 0, 1);

    /** Checks the ranges; the messages name the field and the value. */
    public SimFaults {
        if (!(jitter >= 0) || Double.isInfinite(jitter)) {
            throw new IllegalArgumentException("jitter must be a finite number of seconds >= 0, got " + jitter);
        }
        if (!(resetProbability >= 0 && resetProbability <= 1)) {
            throw new IllegalArgumentException("resetProbability must be between 0 and 1, got " + resetProbability);
        }
        if (resetWithinBytes < 1) {
            throw new IllegalArgumentException("resetWithinBytes must be >= 1, got " + resetWithinBytes);
        }
    }

    /**
     * @param seconds the largest extra delay per segment
     * @return a copy with that jitter
     */
    public SimFaults withJitter(double seconds) {
        return new SimFaults(seconds, resetProbability, resetWithinBytes);
    }

    /**
     * @param probability the chance that a new connection is reset
     * @param withinBytes the most bytes an end sends before the reset
     * @return a copy with those resets
     */
    public SimFaults withResets(double probability, long withinBytes) {
        return new SimFaults(jitter, probability, withinBytes);
    }

    /** @return whether any fault is on */
    public boolean any() {
        return jitter > 0 || resetProbability > 0;
    }
}
