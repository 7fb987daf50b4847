package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.shield;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Task.cancel / uncancel / cancelling at each kind of suspension point (test_tasks: test_cancel_*). */
class CancellationTest {

    /** A task cancelled before its first step never runs its body and ends cancelled with the message. */
    @Test
    void cancelBeforeFirstStep() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Task<Void> t = createTask(() -> { trace.add("body ran"); });
            assertThat(t.cancel("too early")).isTrue();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class).hasMessage("too early");
            assertThat(t.cancelled()).isTrue();
        });
        assertThat(trace).isEmpty();
    }

    /** Cancelling a task that awaits a future cancels that future, and the task ends cancelled. */
    @Test
    void cancelWhileAwaitingAFuture() throws Exception {
        VirtualTimeLoop.run(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            Task<String> t = createTask(() -> await(f));
            sleep(0);
            assertThat(t.waitingOn()).isSameAs(f);
            t.cancel("stop");
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class).hasMessage("stop");
            assertThat(f.cancelled()).isTrue();
            assertThat(t.cancelled()).isTrue();
        });
    }

    /** A task cancelled in a long sleep stops at once, runs its finally block, and no time passes. */
    @Test
    void cancelWhileSleeping() throws Exception {
        List<String> trace = new ArrayList<>();
        double elapsed = VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            double t0 = loop.time();
            Task<Void> t = createTask(() -> {
                try {
                    sleep(3600);
                    trace.add("woke up");
                } finally {
                    trace.add("finally");
                }
            });
            sleep(0);
            t.cancel();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
            return loop.time() - t0;
        });
        assertThat(trace).containsExactly("finally");
        assertThat(elapsed).isLessThan(1);
    }

    /** Cancelling a task that awaits gather cancels every child, and the task ends cancelled. */
    @Test
    void cancelWhileAwaitingAGather() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> a = createTask(() -> { sleep(10); return 1; });
            Task<Integer> b = createTask(() -> { sleep(20); return 2; });
            Task<List<Integer>> waiter = createTask(() -> gather(a, b));
            sleep(1);
            waiter.cancel();
            assertThatThrownBy(() -> await(waiter)).isInstanceOf(CancelledError.class);
            assertThat(waiter.cancelled()).isTrue();
            assertThat(a.cancelled()).isTrue();
            assertThat(b.cancelled()).isTrue();
        });
    }

    /** Cancelling a task that awaits a shield cancels the task but not the shielded work. */
    @Test
    void cancelWhileAwaitingAShield() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<String> inner = createTask(() -> { sleep(5); return "done anyway"; });
            Task<String> outer = createTask(() -> await(shield(inner)));
            sleep(1);
            outer.cancel();
            assertThatThrownBy(() -> await(outer)).isInstanceOf(CancelledError.class);
            assertThat(inner.done()).isFalse();
            assertThat(await(inner)).isEqualTo("done anyway");
        });
    }

    /** Two requests need two withdrawals: after cancel twice and uncancel once, the task is still cancelled. */
    @Test
    void cancelTwiceThenUncancelOnceStillCancels() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<String> t = createTask(() -> "ran");
            t.cancel();
            t.cancel();
            assertThat(t.cancelling()).isEqualTo(2);
            assertThat(t.uncancel()).isEqualTo(1);
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
        });
    }

    /** Withdrawing both requests before the first step lets the task run normally. */
    @Test
    void cancelTwiceThenUncancelTwiceRunsNormally() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<String> t = createTask(() -> "ran");
            t.cancel();
            t.cancel();
            t.uncancel();
            assertThat(t.uncancel()).isZero();
            assertThat(await(t)).isEqualTo("ran");
            assertThat(t.cancelled()).isFalse();
        });
    }

    /** Two cancels while waiting deliver one CancelledError; the task sees cancelling() == 2 and can withdraw one. */
    @Test
    void cancelTwiceWhileWaitingDeliversOnce() throws Exception {
        VirtualTimeLoop.run(() -> {
            Future<Void> never = Asyncio.getRunningLoop().createFuture();
            int[] seen = new int[2];
            Task<String> t = createTask(() -> {
                Task<?> me = Asyncio.currentTask();
                try {
                    await(never);
                } catch (CancelledError e) {
                    seen[0] = me.cancelling();
                    seen[1] = me.uncancel();
                }
                sleep(1);
                return "survived";
            });
            sleep(0);
            t.cancel();
            t.cancel();
            assertThat(await(t)).isEqualTo("survived");
            assertThat(seen).containsExactly(2, 1);
            assertThat(t.cancelled()).isFalse();
            assertThat(t.cancelling()).isEqualTo(1);
        });
    }

    /** A task that catches the cancellation and carries on is not cancelled; later awaits work normally. */
    @Test
    void catchAndContinueAfterCancel() throws Exception {
        VirtualTimeLoop.run(() -> {
            List<String> trace = new ArrayList<>();
            Task<Integer> t = createTask(() -> {
                try {
                    sleep(100);
                } catch (CancelledError e) {
                    trace.add("caught");
                }
                sleep(1);
                trace.add("slept again");
                return 7;
            });
            sleep(0);
            t.cancel();
            assertThat(await(t)).isEqualTo(7);
            assertThat(t.cancelled()).isFalse();
            assertThat(trace).containsExactly("caught", "slept again");
        });
    }

    /** A plain catch (Exception e) does not swallow a cancellation. */
    @Test
    void catchExceptionDoesNotSwallowCancellation() throws Exception {
        VirtualTimeLoop.run(() -> {
            List<String> trace = new ArrayList<>();
            Task<Void> t = createTask(() -> {
                try {
                    sleep(100);
                } catch (Exception e) {
                    trace.add("swallowed");
                }
                trace.add("continued");
            });
            sleep(0);
            t.cancel();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
            assertThat(trace).isEmpty();
        });
    }

    /** A child cancelled on its own makes gather raise CancelledError; the caller is not cancelled and the rest run on. */
    @Test
    void gatherWithOneChildCancelled() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> a = createTask(() -> { sleep(1); return 1; });
            Task<Integer> b = createTask(() -> { sleep(10); return 2; });
            Task<Integer> c = createTask(() -> { sleep(2); return 3; });
            sleep(0);
            b.cancel("only b");
            assertThatThrownBy(() -> gather(a, b, c)).isInstanceOf(CancelledError.class).hasMessage("only b");
            assertThat(Asyncio.currentTask().cancelling()).isZero();
            assertThat(a.cancelled() || c.cancelled()).isFalse();
            assertThat(await(c)).isEqualTo(3);
            assertThat(await(a)).isEqualTo(1);
        });
    }

    /** A cancellation requested while the task is ready (after sleep(0)) is raised where it resumes. */
    @Test
    void cancelWhileReadyIsRaisedAtResume() throws Exception {
        VirtualTimeLoop.run(() -> {
            List<String> trace = new ArrayList<>();
            Task<Void> t = createTask(() -> {
                trace.add("step 1");
                try {
                    sleep(0);
                } catch (CancelledError e) {
                    trace.add("cancelled at sleep(0)");
                    throw e;
                }
                trace.add("step 2");
            });
            sleep(0);
            t.cancel();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
            assertThat(trace).containsExactly("step 1", "cancelled at sleep(0)");
        });
    }

    /** Two cancel requests on a sleeping task end its sleep with one CancelledError carrying the later message. */
    @Test
    void twoCancelsOfASleepingTaskRaiseOnce() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Task<Void> t = createTask(() -> {
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    trace.add("cancelled: " + e.getMessage());
                }
                sleep(1); // the second request was not a second CancelledError
                trace.add("slept again");
            });
            sleep(0);
            assertThat(t.isSuspendedOnLoop()).isTrue();
            t.cancel("first");
            t.cancel("second");
            assertThat(t.cancelling()).isEqualTo(2);
            await(t);
        });
        assertThat(trace).containsExactly("cancelled: second", "slept again");
    }

    /** A task that withdraws the request after its sleep was cancelled still sees the CancelledError, as a cancelled sleep future. */
    @Test
    void cancelledSleepRaisesEvenIfUncancelledBeforeResuming() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Void> t = createTask(() -> sleep(10));
            sleep(0);
            t.cancel();
            t.uncancel();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
        });
    }

    /** isSuspendedOnLoop: true in a sleep and in an await, false when done. */
    @Test
    void suspendedOnLoopCoversSleepAndAwait() throws Exception {
        VirtualTimeLoop.run(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            Task<Void> sleeper = createTask(() -> sleep(5));
            Task<String> awaiter = createTask(() -> await(f));
            sleep(0);
            assertThat(sleeper.isSuspendedOnLoop()).isTrue();
            assertThat(awaiter.isSuspendedOnLoop()).isTrue();
            f.setResult("x");
            await(awaiter);
            await(sleeper);
            assertThat(sleeper.isSuspendedOnLoop()).isFalse();
            assertThat(awaiter.isSuspendedOnLoop()).isFalse();
        });
    }
}
