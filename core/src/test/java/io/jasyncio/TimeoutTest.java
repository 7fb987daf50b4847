package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Asyncio.timeout / timeoutAt and the Timeout object (test_timeouts), on virtual time. */
class TimeoutTest {

    /** A block that outlives its deadline ends with TimeoutError at the deadline, caused by the CancelledError. */
    @Test
    void expiryRaisesTimeoutError() throws Exception {
        double[] at = new double[1];
        VirtualTimeLoop.run(() -> {
            Timeout t = timeout(0.5);
            assertThatThrownBy(() -> t.run(() -> sleep(10)))
                    .isInstanceOf(TimeoutError.class)
                    .hasCauseInstanceOf(CancelledError.class);
            assertThat(t.expired()).isTrue();
            at[0] = Asyncio.getRunningLoop().time();
        });
        assertThat(at[0]).isEqualTo(0.5);
    }

    /** The short form returns the block's result when it finishes in time. */
    @Test
    void shortFormReturnsTheResult() throws Exception {
        String r = VirtualTimeLoop.run(() -> timeout(Duration.ofSeconds(5), () -> {
            sleep(1);
            return "in time";
        }));
        assertThat(r).isEqualTo("in time");
    }

    /** The block sees CancelledError at its suspension point and can clean up before the TimeoutError. */
    @Test
    void blockSeesTheCancellation() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            assertThatThrownBy(() -> timeout(0.01, () -> {
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    trace.add("cancelled");
                    throw e;
                }
            })).isInstanceOf(TimeoutError.class);
        });
        assertThat(trace).containsExactly("cancelled");
    }

    /** The task that used a timeout is not left cancelled. */
    @Test
    void theTaskIsNotLeftCancelled() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Void> t = createTask(() -> {
                assertThatThrownBy(() -> timeout(0.001, () -> sleep(10))).isInstanceOf(TimeoutError.class);
                sleep(1);
            });
            await(t);
            assertThat(t.cancelled()).isFalse();
            assertThat(t.cancelling()).isZero();
        });
    }

    /** reschedule moves the deadline; when() reports it; infinity removes it; expired() stays false until it passes. */
    @Test
    void rescheduleWhenAndExpired() throws Exception {
        VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Timeout t = Asyncio.timeoutAt(loop.time() + 10);
            assertThatThrownBy(() -> t.run(() -> {
                assertThat(t.when()).isEqualTo(10.0);
                t.reschedule(30);
                assertThat(t.when()).isEqualTo(30.0);
                sleep(20);
                assertThat(t.expired()).isFalse();
                t.reschedule(Double.POSITIVE_INFINITY);
                assertThat(t.when()).isEqualTo(Double.POSITIVE_INFINITY);
                sleep(100);
                assertThat(t.expired()).isFalse();
                t.reschedule(loop.time() + 5);
                sleep(100);
            })).isInstanceOf(TimeoutError.class);
            assertThat(t.expired()).isTrue();
            assertThat(loop.time()).isEqualTo(125.0);
        });
    }

    /** A deadline in the past expires on the next iteration: even sleep(0) is interrupted. */
    @Test
    void deadlineInThePastExpiresAtTheNextSuspension() throws Exception {
        VirtualTimeLoop.run(() -> {
            Timeout t = timeout(-11);
            assertThatThrownBy(() -> t.run(() -> sleep(0))).isInstanceOf(TimeoutError.class);
            assertThat(t.expired()).isTrue();
        });
    }

    /** reschedule before run, after the block, or a second run, fail clearly. */
    @Test
    void misuseFailsClearly() throws Exception {
        VirtualTimeLoop.run(() -> {
            Timeout t = timeout(1);
            assertThatThrownBy(() -> t.reschedule(2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has not been entered");
            t.run(() -> { });
            assertThatThrownBy(() -> t.reschedule(2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("finished");
            assertThatThrownBy(() -> t.run(() -> { })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already been entered");
            assertThat(t.toString()).isEqualTo("<Timeout [finished]>");
        });
    }

    /** A timeout outside a task says to use one. */
    @Test
    void runOutsideATaskFails() {
        try (EventLoop loop = EventLoop.create()) {
            Timeout t = new Timeout(loop, 1);
            assertThatThrownBy(() -> t.run(() -> { })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside a task");
        }
    }

    /** An exception from the block passes through unchanged, and the timeout is not expired. */
    @Test
    void foreignExceptionPassesThrough() throws Exception {
        IllegalArgumentException bad = new IllegalArgumentException("bad");
        VirtualTimeLoop.run(() -> {
            Timeout t = timeout(10);
            assertThatThrownBy(() -> t.run(() -> {
                throw bad;
            })).isSameAs(bad);
            assertThat(t.expired()).isFalse();
        });
    }

    /** An exception raised while the block handles the timeout's cancellation replaces it. */
    @Test
    void foreignExceptionDuringExpiryPassesThrough() {
        ArithmeticException crash = new ArithmeticException("/ by zero");
        assertThatThrownBy(() -> VirtualTimeLoop.run(() -> timeout(0.01, () -> {
            try {
                sleep(1);
            } finally {
                throw crash;
            }
        }))).isSameAs(crash);
    }

    /** A cancellation from elsewhere is not turned into TimeoutError when the deadline did not pass. */
    @Test
    void foreignCancelIsNotConverted() throws Exception {
        VirtualTimeLoop.run(() -> {
            Timeout t = timeout(10);
            Task<?> me = Asyncio.currentTask();
            assertThatThrownBy(() -> t.run(() -> {
                me.cancel();
                sleep(10);
            })).isInstanceOf(CancelledError.class);
            assertThat(t.expired()).isFalse();
            me.uncancel();
        });
    }

    /** Nested timeouts with the same deadline: only the outermost raises TimeoutError, the inner lets CancelledError through. */
    @Test
    void nestedTimeoutsExpiringTogetherOuterWins() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            double deadline = Asyncio.getRunningLoop().time() + 0.01;
            Timeout outer = Asyncio.timeoutAt(deadline);
            Timeout inner = Asyncio.timeoutAt(deadline);
            assertThatThrownBy(() -> outer.run(() -> {
                try {
                    inner.run(() -> sleep(10));
                } catch (CancelledError e) {
                    trace.add("inner let the cancellation through");
                    throw e;
                }
            })).isInstanceOf(TimeoutError.class);
            assertThat(outer.expired()).isTrue();
            assertThat(inner.expired()).isTrue();
        });
        assertThat(trace).containsExactly("inner let the cancellation through");
    }

    /** The inner timeout expires and is handled; the outer one then interrupts the rest of the block. */
    @Test
    void nestedTimeoutsInnerThenOuter() throws Exception {
        double[] at = new double[1];
        VirtualTimeLoop.run(() -> {
            assertThatThrownBy(() -> timeout(5, () -> {
                assertThatThrownBy(() -> timeout(1, () -> sleep(100))).isInstanceOf(TimeoutError.class);
                sleep(100);
            })).isInstanceOf(TimeoutError.class);
            at[0] = Asyncio.getRunningLoop().time();
        });
        assertThat(at[0]).isEqualTo(5.0);
    }

    /** A block that catches the cancellation and returns gives its result; the timeout still counts as expired. */
    @Test
    void swallowedExpiryReturnsTheResult() throws Exception {
        VirtualTimeLoop.run(() -> {
            Timeout t = timeout(1);
            String r = t.run(() -> {
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    return "gave up quietly";
                }
                return "finished";
            });
            assertThat(r).isEqualTo("gave up quietly");
            assertThat(t.expired()).isTrue();
            assertThat(Asyncio.currentTask().cancelling()).isZero();
        });
    }

    /** A timeout entered while a cancellation is already pending still converts its own expiry (test_timeout_after_cancellation). */
    @Test
    void timeoutInsideCleanupAfterCancellation() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<?> me = Asyncio.currentTask();
            try {
                me.cancel();
                sleep(1);
            } catch (CancelledError e) {
                // cleanup below runs with cancelling() == 1
            }
            assertThatThrownBy(() -> timeout(0, () -> sleep(1))).isInstanceOf(TimeoutError.class);
            assertThat(me.cancelling()).isEqualTo(1);
            me.uncancel();
        });
    }

    /** A new cancel inside such a timeout wins over its expiry (test_cancel_in_timeout_after_cancellation). */
    @Test
    void cancelInsideTimeoutAfterCancellation() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<?> me = Asyncio.currentTask();
            try {
                me.cancel();
                sleep(1);
            } catch (CancelledError e) {
                // cleanup below
            }
            assertThatThrownBy(() -> timeout(1, () -> {
                me.cancel();
                sleep(2);
            })).isInstanceOf(CancelledError.class);
            me.uncancel();
            me.uncancel();
        });
    }

    /** toString follows CPython's repr: active with its deadline, then expired. */
    @Test
    void describesItself() throws Exception {
        VirtualTimeLoop.run(() -> {
            Timeout t = timeout(2);
            assertThatThrownBy(() -> t.run(() -> {
                assertThat(t.toString()).isEqualTo("<Timeout [active] when=2.0>");
                sleep(3);
            })).isInstanceOf(TimeoutError.class);
            assertThat(t.toString()).isEqualTo("<Timeout [expired]>");
            Timeout none = timeout(Double.POSITIVE_INFINITY);
            none.run(() -> assertThat(none.toString()).isEqualTo("<Timeout [active] when=None>"));
        });
    }

    /** On the fast engine, a timeout interrupts a blocking JDK call in the block and still raises TimeoutError. */
    @Test
    void timeoutInterruptsABlockingCall() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Engine.isFast(),
                "on the fallback engine a blocking call blocks the loop, so no timer can fire");
        java.util.concurrent.ArrayBlockingQueue<Integer> q = new java.util.concurrent.ArrayBlockingQueue<>(1);
        Asyncio.run(() -> {
            assertThatThrownBy(() -> timeout(0.002, () -> q.take())).isInstanceOf(TimeoutError.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Asyncio.currentTask().cancelling()).isZero();
            sleep(0.001);
        });
    }
}
