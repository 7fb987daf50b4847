package io.jasyncio.testing;

import io.jasyncio.Clock;
import io.jasyncio.EventLoop;
import io.jasyncio.internal.loop.BaseEventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock whose time moves only when a test says so or when the loop has nothing else to do: Trio's
 * {@code MockClock} with auto-jump. A test that sleeps an hour finishes in milliseconds, and
 * {@code loop.time()} reports the virtual hour. Time starts at 0.
 *
 * <p><b>Manual time.</b> {@link #advance(Duration)} moves time forward at once (Trio's
 * {@code jump}); the timers that become due run on the loop's next iteration, in deadline order,
 * all seeing the new time. (To step through timers one deadline at a time, use
 * {@link TestLoop#advance(Duration)}.)
 *
 * <p><b>Auto-jump rule.</b> With {@linkplain #setAutoJump(boolean) auto-jump} on (the default),
 * when the loop reaches an idle point (nothing ready, no timer due) it jumps straight to the next
 * timer's deadline, but only if all of these hold:
 * <ol>
 *   <li>nothing has arrived from other threads that the loop has not run yet;
 *   <li>no {@linkplain TestLoop#externalWork() declared external work} is in flight (work handed
 *       to another thread that will report back: while it is, the loop waits for it in real time);
 *   <li>the loop has stayed idle for the {@linkplain #setAutoJumpThreshold(Duration) auto-jump
 *       threshold} of real time (0 by default, as Trio's {@code autojump_clock});
 *   <li>if work may be in flight that the loop cannot see (a task parked in a blocking JDK call
 *       on the fast engine, or a channel registered for I/O), the loop has stayed idle for the
 *       {@linkplain #setExternalGrace(Duration) external grace} of real time (10 ms by default),
 *       so that a reply that is already on its way arrives before the clock moves.
 * </ol>
 * Idle callbacks ({@link AsyncTesting#waitAllTasksBlocked()}, {@link TestLoop#runUntilIdle()})
 * take priority: the clock never jumps while one is waiting. A program that only uses the loop
 * (tasks, futures, timers) is thus fully deterministic: no real time is involved. Work started by
 * threads the loop does not know about (a thread that will call {@code callSoonThreadsafe}) must be
 * declared with {@link TestLoop#externalWork()}, or covered by a threshold.
 *
 * <p><b>Threads.</b> {@link #nanoTime()}, {@link #time()} and {@link #advance(Duration)} are safe
 * from any thread (an advance from another thread wakes the loop). The settings may be changed at
 * any time. {@link #beforeWait(long)} is the loop's hook, called on its thread. A virtual clock
 * drives one loop: the first loop that runs on it owns it, and another loop that tries fails.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=virtualClock}
 */
public final class VirtualClock implements Clock {

    private static final long NOT_IDLE = Long.MIN_VALUE;
    /** How long a loop must stay stalled, in real time, before the stall handler runs. */
    static final long STALL_GRACE_NANOS = Duration.ofMillis(250).toNanos();

    private final AtomicLong now = new AtomicLong();
    private volatile boolean autoJump = true;
    private volatile long thresholdNanos;
    private volatile long externalGraceNanos = Duration.ofMillis(10).toNanos();
    private volatile BaseEventLoop loop;
    private volatile long autoJumps;
    private volatile Runnable stallHandler;
    /** Real time at which the current idle streak began; loop thread only. */
    private long idleSince = NOT_IDLE;

    /** Creates a clock at time 0 with auto-jump on. */
    public VirtualClock() {
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    /** @return the virtual time in seconds, as {@code loop.time()} reports it */
    public double time() {
        return now.get() / 1e9;
    }

    /**
     * Moves time forward at once; due timers run on the loop's next iteration.
     *
     * @param delta how far; zero does nothing
     * @throws IllegalArgumentException if negative: time cannot go backwards
     */
    public void advance(Duration delta) {
        Objects.requireNonNull(delta, "delta");
        if (delta.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: advance(" + delta + ")");
        }
        advanceNanos(saturatedNanos(delta));
    }

    /**
     * Moves time forward at once by a number of seconds.
     *
     * @param seconds how far; zero does nothing
     * @throws IllegalArgumentException if negative or NaN
     */
    public void advance(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("time cannot go backwards: advance(" + seconds + ")");
        }
        advanceNanos(seconds >= 9.2e9 ? Long.MAX_VALUE / 4 : Math.round(seconds * 1e9)); // rounded: advance(0.1) is 100 ms exactly
    }

    private void advanceNanos(long nanos) {
        if (nanos == 0) {
            return;
        }
        now.addAndGet(nanos);
        wakeLoopFromOutside();
    }

    /** @return whether the clock jumps to the next timer when the loop is idle */
    public boolean autoJump() {
        return autoJump;
    }

    /** @param enabled whether the clock jumps to the next timer when the loop is idle */
    public void setAutoJump(boolean enabled) {
        autoJump = enabled;
        wakeLoopFromOutside();
    }

    /** @return the real time the loop must stay idle before any jump */
    public Duration autoJumpThreshold() {
        return Duration.ofNanos(thresholdNanos);
    }

    /** @param threshold the real time the loop must stay idle before any jump (Trio's threshold) */
    public void setAutoJumpThreshold(Duration threshold) {
        thresholdNanos = nonNegativeNanos(threshold, "threshold");
        wakeLoopFromOutside();
    }

    /** @return the real time the loop must stay idle before a jump when unseen work may be in flight */
    public Duration externalGrace() {
        return Duration.ofNanos(externalGraceNanos);
    }

    /**
     * @param grace the real time the loop must stay idle before a jump while a task is parked in a
     *     blocking JDK call or a channel is registered for I/O
     */
    public void setExternalGrace(Duration grace) {
        externalGraceNanos = nonNegativeNanos(grace, "grace");
        wakeLoopFromOutside();
    }

    /** @return how many times the clock has auto-jumped */
    public long autoJumps() {
        return autoJumps;
    }

    /** @return the loop this clock drives, or {@code null} before a loop has run on it */
    public EventLoop loop() {
        return loop;
    }

    /**
     * The loop's hook, called on its thread before it waits: applies the auto-jump rule.
     *
     * @param timeoutNanos how long the loop means to wait, in virtual time: 0 to poll, -1 for no
     *     timer
     * @return how long the loop may really wait: 0 after a jump (the timer is due now), a real
     *     grace period still to wait, or -1 to wait until woken
     */
    @Override
    public long beforeWait(long timeoutNanos) {
        if (timeoutNanos == 0) {
            idleSince = NOT_IDLE;
            return 0;
        }
        BaseEventLoop l = bind();
        if (l != null && !l.isIdle()) {
            return 0; // work arrived from another thread since the loop looked: run it first
        }
        if (!autoJump || timeoutNanos < 0 || (l != null && l.externalWorkInFlight() > 0)) {
            Runnable onStall = stallHandler;
            if (autoJump && timeoutNanos < 0 && onStall != null && l != null && l.externalWorkInFlight() == 0
                    && !ExternalActivity.possible(l)) {
                return stalled(onStall);
            }
            // Time is frozen until someone advances it, or there is no timer to jump to, or
            // declared external work will report back: wait until something wakes the loop.
            return -1;
        }
        long need = thresholdNanos;
        if (need < externalGraceNanos && l != null && ExternalActivity.possible(l)) {
            need = externalGraceNanos;
        }
        if (need > 0) {
            long real = System.nanoTime();
            if (idleSince == NOT_IDLE) {
                idleSince = real;
            }
            long idleFor = real - idleSince;
            if (idleFor < need) {
                return need - idleFor;
            }
        }
        idleSince = NOT_IDLE;
        now.addAndGet(timeoutNanos);
        autoJumps++;
        return 0;
    }

    /**
     * Every task is blocked, no timer is pending and nothing outside the loop is known or seen to
     * be working: nothing can ever wake the loop, unless a thread it does not know about does.
     * After {@link #STALL_GRACE_NANOS} of real time in that state, the stall handler runs.
     */
    private long stalled(Runnable onStall) {
        long real = System.nanoTime();
        if (idleSince == NOT_IDLE) {
            idleSince = real;
        }
        long idleFor = real - idleSince;
        if (idleFor < STALL_GRACE_NANOS) {
            return STALL_GRACE_NANOS - idleFor;
        }
        idleSince = NOT_IDLE;
        onStall.run();
        return 0;
    }

    /**
     * Sets what to do, on the loop's thread, when the loop has stalled (see {@link #stalled(Runnable)});
     * {@link AsyncTest} fails the test with a dump of the tasks.
     *
     * @param handler the handler, or {@code null} to wait forever as any loop does
     */
    void onStall(Runnable handler) {
        stallHandler = handler;
    }

    private BaseEventLoop bind() {
        BaseEventLoop running = BaseEventLoop.currentRunningLoop();
        BaseEventLoop bound = loop;
        if (bound == null && running != null) {
            loop = running;
            return running;
        }
        if (running != null && running != bound) {
            throw new IllegalStateException("this VirtualClock already drives " + bound
                    + "; give each loop its own VirtualClock");
        }
        return bound;
    }

    /** A change made from outside the loop: make a waiting loop look at the clock again. */
    private void wakeLoopFromOutside() {
        BaseEventLoop l = loop;
        if (l != null && l.isRunning() && !l.inLoop()) {
            try {
                l.callSoonThreadsafe(() -> { });
            } catch (IllegalStateException closed) {
                // the loop closed meanwhile: nothing to wake
            }
        }
    }

    private static long nonNegativeNanos(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
        return saturatedNanos(d);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return Math.min(d.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    @Override
    public String toString() {
        return "<VirtualClock time=" + time() + " autoJump=" + autoJump + ">";
    }
}
