package io.jasyncio.testing;

import io.jasyncio.Clock;
import io.jasyncio.TimerHandle;
import io.jasyncio.internal.loop.BaseEventLoop;
import io.jasyncio.internal.loop.SelectorEventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An event loop for tests: a full selector loop (everything a production loop does, I/O included)
 * on a {@link VirtualClock} or on real time, optionally with a seeded schedule, plus the means to
 * step it from outside. Make one with {@link #builder()} or {@link VirtualTime#loop()}.
 *
 * <p><b>Seeded schedule.</b> With a {@linkplain Builder#seed(long) seed}, each iteration's batch is
 * permuted as far as asyncio leaves its order open (see {@link SeededOrder} for the rule: entries
 * made ready by the same callback or task step, due timers, and work from other threads keep their
 * order; tasks woken by different events do not), so that a race shows up under some seeds. The
 * same program with the same seed makes the same choices, so a failing seed replays exactly.
 * Without a seed the loop runs FIFO, as any loop does.
 *
 * <p><b>Stepping.</b> {@link #runUntilIdle()} and {@link #advance(Duration)} drive the loop from
 * the test's thread while it is not running; inside a task, use
 * {@link AsyncTesting#waitAllTasksBlocked()} and {@code Asyncio.sleep} (which auto-jumps).
 *
 * <p>Threads: as for any {@link io.jasyncio.EventLoop}. The stepping methods are for the thread
 * that owns the loop, while it is not running.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=testLoop}
 */
public final class TestLoop extends SelectorEventLoop {

    private final VirtualClock virtualClock;
    private final SeededOrder order;

    private TestLoop(Clock clock, VirtualClock virtualClock, SeededOrder order) {
        super(clock);
        this.virtualClock = virtualClock;
        this.order = order;
        if (order != null) {
            setBatchOrder(order);
        }
    }

    /** @return a builder: virtual time with auto-jump, FIFO schedule, by default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the test loop running the calling task or callback
     * @throws IllegalStateException if the caller is not on a running {@code TestLoop}
     */
    public static TestLoop current() {
        BaseEventLoop loop = BaseEventLoop.currentRunningLoop();
        if (loop instanceof TestLoop t) {
            return t;
        }
        throw new IllegalStateException(loop == null
                ? "no running event loop: call this from a task run by VirtualTime.run(...) or an @AsyncTest"
                : "the running loop is not a TestLoop: " + loop);
    }

    /** @return whether this loop runs on a {@link VirtualClock} */
    public boolean isVirtualTime() {
        return virtualClock != null;
    }

    /**
     * @return the loop's virtual clock
     * @throws IllegalStateException if the loop runs on real time
     */
    public VirtualClock virtualClock() {
        if (virtualClock == null) {
            throw new IllegalStateException("this TestLoop runs on real time: it has no VirtualClock "
                    + "(build it with virtualTime(true))");
        }
        return virtualClock;
    }

    /** @return the schedule seed, or empty for plain FIFO order */
    public OptionalLong seed() {
        return order == null ? OptionalLong.empty() : OptionalLong.of(order.seed());
    }

    /**
     * @return a declaration of work in flight on another thread: the virtual clock does not
     *     auto-jump until it is closed (see {@link ExternalWork})
     */
    public ExternalWork externalWork() {
        return new ExternalWork(this);
    }

    /**
     * Runs the loop until it is idle: nothing ready, no timer due, nothing from other threads.
     * Time does not move (a virtual clock does not jump meanwhile). Work in flight outside the
     * loop is not waited for. From the thread that owns the loop, while it is not running.
     */
    public void runUntilIdle() {
        requireStopped("runUntilIdle");
        do {
            callWhenIdle(this::stop);
            runForever();
        } while (!isIdle());
    }

    /**
     * Moves virtual time forward by {@code delta}, one timer at a time: the loop runs until idle,
     * jumps to the next timer due within {@code delta}, runs until idle again, and so on, then
     * moves to the end of {@code delta} and runs until idle. Each callback sees the loop time it
     * was scheduled for (OkHttp's {@code TaskFaker.advanceUntil}); timers past the end do not run.
     * Auto-jumping is on meanwhile, with its rule (see {@link VirtualClock}). From the thread that
     * owns the loop, while it is not running.
     *
     * @param delta how far to move time
     */
    public void advance(Duration delta) {
        Objects.requireNonNull(delta, "delta");
        if (delta.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: advance(" + delta + ")");
        }
        VirtualClock clock = virtualClock();
        requireStopped("advance");
        long nanos;
        try {
            nanos = Math.min(delta.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE / 4;
        }
        long target = clock.nanoTime() + nanos;
        runUntilIdle();
        boolean autoJump = clock.autoJump();
        clock.setAutoJump(true);
        TimerHandle end = callAtNanos(target, this::stop);
        try {
            runForever();
        } finally {
            end.cancel();
            clock.setAutoJump(autoJump);
        }
        runUntilIdle();
    }

    /**
     * Moves virtual time forward by a number of seconds, one timer at a time.
     *
     * @param seconds how far
     * @see #advance(Duration)
     */
    public void advance(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("time cannot go backwards: advance(" + seconds + ")");
        }
        advance(Duration.ofNanos(Math.round(seconds * 1e9))); // rounded: advance(0.1) is 100 ms exactly
    }

    private void requireStopped(String what) {
        if (isRunning()) {
            throw new IllegalStateException(what + "() drives the loop from outside and the loop is running; "
                    + "inside a task, use AsyncTesting.waitAllTasksBlocked() or Asyncio.sleep(...)");
        }
    }

    @Override
    public String toString() {
        return "<TestLoop " + (virtualClock != null ? "virtual time=" + virtualClock.time() : "real time")
                + (order != null ? " " + order : " fifo") + " running=" + isRunning() + " closed=" + isClosed() + ">";
    }

    /**
     * Configures a {@link TestLoop}. Defaults: virtual time, auto-jump on, threshold 0, external
     * grace 10 ms, FIFO schedule (no seed), debug off. Not thread-safe; use it on one thread.
     */
    public static final class Builder {

        private boolean virtualTime = true;
        private boolean autoJump = true;
        private Duration threshold = Duration.ZERO;
        private Duration externalGrace;
        private Long seed;
        private boolean debug;

        private Builder() {
        }

        /**
         * @param enabled whether the loop runs on a {@link VirtualClock} (else on the system clock)
         * @return this builder
         */
        public Builder virtualTime(boolean enabled) {
            this.virtualTime = enabled;
            return this;
        }

        /**
         * @param enabled whether the virtual clock jumps to the next timer when the loop is idle
         * @return this builder
         */
        public Builder autoJump(boolean enabled) {
            this.autoJump = enabled;
            return this;
        }

        /**
         * @param threshold real idle time required before any jump
         * @return this builder
         */
        public Builder autoJumpThreshold(Duration threshold) {
            this.threshold = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /**
         * @param grace real idle time required before a jump while unseen work may be in flight
         * @return this builder
         */
        public Builder externalGrace(Duration grace) {
            this.externalGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /**
         * @param seed the schedule seed: batches are permuted by it (see {@link TestLoop})
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param seed the schedule seed, or empty for FIFO order
         * @return this builder
         */
        public Builder seed(OptionalLong seed) {
            this.seed = seed.isPresent() ? seed.getAsLong() : null;
            return this;
        }

        /**
         * @param enabled whether the loop runs in debug mode
         * @return this builder
         */
        public Builder debug(boolean enabled) {
            this.debug = enabled;
            return this;
        }

        /** @return a new loop, not running */
        public TestLoop build() {
            VirtualClock clock = null;
            if (virtualTime) {
                clock = new VirtualClock();
                clock.setAutoJump(autoJump);
                clock.setAutoJumpThreshold(threshold);
                if (externalGrace != null) {
                    clock.setExternalGrace(externalGrace);
                }
            }
            TestLoop loop = new TestLoop(clock != null ? clock : Clock.SYSTEM, clock,
                    seed != null ? new SeededOrder(seed) : null);
            loop.setDebug(debug);
            return loop;
        }
    }
}
