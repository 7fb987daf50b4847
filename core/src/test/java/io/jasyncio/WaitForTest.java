package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** waitFor (test_waitfor), on virtual time. */
class WaitForTest {

    /** A future done in time gives its result. */
    @Test
    void resultBeforeTheTimeout() throws Exception {
        String r = VirtualTimeLoop.run(() -> waitFor(createTask(() -> { sleep(1); return "ok"; }), 2));
        assertThat(r).isEqualTo("ok");
    }

    /** On timeout the inner task is cancelled, waited for, and TimeoutError carries the CancelledError as cause. */
    @Test
    void timeoutCancelsAndWaitsForTheInnerTask() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Task<String> inner = createTask(() -> {
                try {
                    sleep(10);
                    return "late";
                } catch (CancelledError e) {
                    sleep(0.5);
                    trace.add("inner cleaned up at " + loop.time());
                    throw e;
                }
            });
            assertThatThrownBy(() -> waitFor(inner, 1))
                    .isInstanceOf(TimeoutError.class)
                    .hasCauseInstanceOf(CancelledError.class);
            trace.add("waitFor returned at " + loop.time());
            assertThat(inner.cancelled()).isTrue();
        });
        assertThat(trace).containsExactly("inner cleaned up at 1.5", "waitFor returned at 1.5");
    }

    /** A plain future is cancelled by the timeout. */
    @Test
    void timeoutCancelsAPlainFuture() throws Exception {
        VirtualTimeLoop.run(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            assertThatThrownBy(() -> waitFor(f, Duration.ofMillis(100))).isInstanceOf(TimeoutError.class);
            assertThat(f.cancelled()).isTrue();
        });
    }

    /** The inner task ignores the first cancel and finishes: waitFor returns its result after the deadline. */
    @Test
    void innerTaskIgnoresTheFirstCancel() throws Exception {
        double[] at = new double[1];
        int r = VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Task<Integer> stubborn = createTask(() -> {
                try {
                    sleep(10);
                } catch (CancelledError ignored) {
                    sleep(2);
                }
                return 42;
            });
            int v = waitFor(stubborn, 1);
            at[0] = loop.time();
            return v;
        });
        assertThat(r).isEqualTo(42);
        assertThat(at[0]).isEqualTo(3.0);
    }

    /** A coroutine that catches the cancellation and returns gives its result (test_wait_for_cancel_suppressed). */
    @Test
    void coroutineThatSuppressesTheCancelReturnsItsResult() throws Exception {
        int r = VirtualTimeLoop.run(() -> waitFor(() -> {
            try {
                sleep(10);
            } catch (CancelledError e) {
                return 42;
            }
            return 0;
        }, 0.1));
        assertThat(r).isEqualTo(42);
    }

    /** The inner future completes in the same loop iteration as the timeout fires: the result is returned, not lost. */
    @Test
    void resultArrivingInTheSameIterationAsTheTimeoutIsKept() throws Exception {
        SteppedClock clock = new SteppedClock();
        try (EventLoop loop = EventLoop.create(clock)) {
            String r = loop.runUntilComplete(() -> {
                Future<String> gate = loop.createFuture();
                Task<String> inner = createTask(() -> {
                    await(gate);
                    return "arrived";
                });
                // One callback, at 0.5 s, both releases the inner task and moves the clock past the
                // 1 s deadline: in the next iteration the inner task finishes, then the timeout fires.
                loop.callLater(0.5, () -> {
                    gate.setResult(null);
                    clock.jumpTo(2.0);
                });
                String v = waitFor(inner, 1.0);
                assertThat(inner.cancelled()).isFalse();
                return v;
            });
            assertThat(r).isEqualTo("arrived");
        }
    }

    /** Sanity check of the race above: with only the clock jump, the inner task is cancelled and waitFor times out. */
    @Test
    void withoutTheResultTheSameRaceTimesOut() throws Exception {
        SteppedClock clock = new SteppedClock();
        try (EventLoop loop = EventLoop.create(clock)) {
            loop.runUntilComplete(() -> {
                Future<String> gate = loop.createFuture();
                Task<String> inner = createTask(() -> await(gate));
                loop.callLater(0.5, () -> clock.jumpTo(2.0));
                assertThatThrownBy(() -> waitFor(inner, 1.0)).isInstanceOf(TimeoutError.class);
                assertThat(inner.cancelled()).isTrue();
            });
        }
    }

    /** Cancelling the task in waitFor cancels the inner task and raises CancelledError, not TimeoutError (bpo-23219). */
    @Test
    void cancellingWaitForCancelsTheInnerTask() throws Exception {
        VirtualTimeLoop.run(() -> {
            Future<Void> never = Asyncio.getRunningLoop().createFuture();
            Task<Void> inner = createTask(() -> await(never));
            Task<Void> waiting = createTask(() -> waitFor(inner, 60));
            sleep(1);
            waiting.cancel();
            assertThatThrownBy(() -> await(waiting)).isInstanceOf(CancelledError.class);
            assertThat(inner.cancelled()).isTrue();
        });
    }

    /** waitFor stays cancellable while its inner task holds up its cancellation (test_wait_for_self_cancellation). */
    @Test
    void waitForIsCancellableWhileTheInnerHoldsUpItsCancellation() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> inner = createTask(() -> {
                try {
                    sleep(3);
                } catch (CancelledError e) {
                    try {
                        sleep(3);
                    } catch (CancelledError again) {
                        sleep(3);
                    }
                }
                return 42;
            });
            Task<Integer> waiting = createTask(() -> waitFor(inner, 1));
            waiting.cancel();
            assertThatThrownBy(() -> await(waiting)).isInstanceOf(CancelledError.class);
            assertThat(await(inner)).isEqualTo(42);
        });
    }

    /** An exception raised by the inner task while it is being cancelled reaches the caller unchanged. */
    @Test
    void exceptionDuringCancellationIsReraised() {
        IllegalStateException foo = new IllegalStateException("raised in finally");
        assertThatThrownBy(() -> VirtualTimeLoop.run(() -> {
            Task<Void> inner = createTask(() -> {
                try {
                    sleep(10);
                } finally {
                    throw foo;
                }
            });
            waitFor(inner, 0.1);
        })).isSameAs(foo);
    }

    /** A timeout of zero does not start a coroutine; it cancels a pending task and waits for it. */
    @Test
    void zeroTimeout() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            assertThatThrownBy(() -> waitFor(() -> {
                trace.add("started");
                return 1;
            }, 0)).isInstanceOf(TimeoutError.class);
            Task<Void> running = createTask(() -> {
                try {
                    sleep(10);
                } finally {
                    trace.add("task finally");
                }
            });
            sleep(0);
            assertThatThrownBy(() -> waitFor(running, -1)).isInstanceOf(TimeoutError.class);
            assertThat(running.cancelled()).isTrue();
            Future<String> done = Asyncio.getRunningLoop().createFuture();
            done.setResult("done");
            assertThat(waitFor(done, 0)).isEqualTo("done");
        });
        assertThat(trace).containsExactly("task finally");
    }

    /** An infinite timeout waits as long as it takes. */
    @Test
    void infiniteTimeoutMeansNone() throws Exception {
        int r = VirtualTimeLoop.run(() -> waitFor(() -> { sleep(86_400); return 5; }, Double.POSITIVE_INFINITY));
        assertThat(r).isEqualTo(5);
    }

    /** After waitFor returns, a later cancellation of the caller is not swallowed (gh-86296). */
    @Test
    void cancellationAfterWaitForIsNotSwallowed() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Task<Void> t = createTask(() -> {
                waitFor(() -> null, 100);
                sleep(1);
                trace.add("reached end");
            });
            sleep(0);
            t.cancel();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
        });
        assertThat(trace).isEmpty();
    }

    /**
     * A virtual clock that jumps to the next timer when the loop idles, and that a callback can
     * move forward, so that a deadline passes between two iterations while work is ready.
     */
    static final class SteppedClock implements Clock {
        private long now;

        void jumpTo(double seconds) {
            now = Math.max(now, (long) (seconds * 1e9));
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public long beforeWait(long timeoutNanos) {
            if (timeoutNanos > 0) {
                now += timeoutNanos;
                return 0;
            }
            return timeoutNanos;
        }
    }
}
