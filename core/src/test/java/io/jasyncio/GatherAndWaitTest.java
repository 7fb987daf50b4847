package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gather and wait (test_tasks: GatherTestsBase, test_wait_*). */
class GatherAndWaitTest {

    /** gather returns results in argument order, not completion order. */
    @Test
    void gatherReturnsResultsInArgumentOrder() throws Exception {
        List<String> results = VirtualTimeLoop.run(() -> gather(
                () -> { sleep(0.003); return "slow"; },
                () -> "instant",
                () -> { sleep(0.001); return "medium"; }));
        assertThat(results).containsExactly("slow", "instant", "medium");
    }

    /** gather of tasks runs them concurrently: total time is the longest, not the sum (virtual time: exactly). */
    @Test
    void gatherRunsChildrenConcurrently() throws Exception {
        double elapsed = VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            double t0 = loop.time();
            gather(() -> { sleep(0.02); return 1; }, () -> { sleep(0.02); return 2; }, () -> { sleep(0.02); return 3; });
            return loop.time() - t0;
        });
        assertThat(elapsed).isCloseTo(0.02, org.assertj.core.api.Assertions.within(1e-9));
    }

    /** The first child's exception propagates at once; the others keep running. */
    @Test
    void gatherPropagatesFirstExceptionAndLeavesOthersRunning() throws Exception {
        List<String> trace = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        VirtualTimeLoop.run(() -> {
            Task<String> failing = createTask(() -> {
                sleep(0);
                throw boom;
            });
            Task<String> slow = createTask(() -> {
                sleep(0.005);
                trace.add("slow finished");
                return "slow";
            });
            assertThatThrownBy(() -> gather(failing, slow)).isSameAs(boom);
            assertThat(slow.done()).isFalse();
            assertThat(await(slow)).isEqualTo("slow");
        });
        assertThat(trace).containsExactly("slow finished");
    }

    /** With exceptions returned as results, every child's outcome is in the list, in order. */
    @Test
    void gatherReturnExceptionsCollectsOutcomes() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Object> out = VirtualTimeLoop.run(() -> {
            Task<Integer> ok = createTask(() -> 1);
            Task<Integer> bad = createTask(() -> {
                throw boom;
            });
            Task<Integer> cancelled = createTask(() -> {
                sleep(10);
                return 3;
            });
            sleep(0);
            cancelled.cancel("stop");
            return Asyncio.gatherReturnExceptions(ok, bad, cancelled);
        });
        assertThat(out.get(0)).isEqualTo(1);
        assertThat(out.get(1)).isSameAs(boom);
        assertThat(out.get(2)).isInstanceOf(CancelledError.class);
        assertThat(((CancelledError) out.get(2)).getMessage()).isEqualTo("stop");
    }

    /** A cancelled child makes gather raise CancelledError. */
    @Test
    void gatherWithOneChildCancelledRaisesCancelledError() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> a = createTask(() -> { sleep(10); return 1; });
            Task<Integer> b = createTask(() -> 2);
            sleep(0);
            a.cancel();
            assertThatThrownBy(() -> gather(a, b)).isInstanceOf(CancelledError.class);
        });
    }

    /** Cancelling a task waiting in gather cancels the children. */
    @Test
    void cancellingTheGathererCancelsChildren() throws Exception {
        VirtualTimeLoop.run(() -> {
            List<Task<Integer>> children = new ArrayList<>();
            Task<List<Integer>> gatherer = createTask(() -> {
                children.add(createTask(() -> { sleep(10); return 1; }));
                children.add(createTask(() -> { sleep(10); return 2; }));
                return gather(children);
            });
            sleep(0);
            sleep(0);
            gatherer.cancel();
            assertThatThrownBy(() -> await(gatherer)).isInstanceOf(CancelledError.class);
            assertThat(children).allSatisfy(c -> assertThat(c.cancelled()).isTrue());
        });
    }

    /** gather of nothing is an empty list; a duplicate child appears twice. */
    @Test
    void gatherEdgeCases() throws Exception {
        VirtualTimeLoop.run(() -> {
            assertThat(gather(List.<Future<Integer>>of())).isEmpty();
            Task<Integer> t = createTask(() -> 5);
            assertThat(gather(t, t)).containsExactly(5, 5);
        });
    }

    /** wait(ALL_COMPLETED) returns when all are done. */
    @Test
    void waitAllCompleted() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> a = createTask(() -> { sleep(0.001); return 1; });
            Task<Integer> b = createTask(() -> { sleep(0.002); return 2; });
            WaitResult<Integer> r = Asyncio.wait(List.of(a, b));
            assertThat(r.done()).containsExactly(a, b);
            assertThat(r.pending()).isEmpty();
        });
    }

    /** wait(FIRST_COMPLETED) returns as soon as one is done. */
    @Test
    void waitFirstCompleted() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> fast = createTask(() -> 1);
            Task<Integer> slow = createTask(() -> { sleep(10); return 2; });
            WaitResult<Integer> r = Asyncio.wait(List.of(slow, fast), ReturnWhen.FIRST_COMPLETED);
            assertThat(r.done()).containsExactly(fast);
            assertThat(r.pending()).containsExactly(slow);
            slow.cancel();
        });
    }

    /** wait(FIRST_EXCEPTION) returns at the first failure, not at a success. */
    @Test
    void waitFirstException() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> ok = createTask(() -> 1);
            Task<Integer> bad = createTask(() -> { sleep(0.002); throw new IllegalStateException("x"); });
            Task<Integer> slow = createTask(() -> { sleep(10); return 3; });
            WaitResult<Integer> r = Asyncio.wait(List.of(ok, bad, slow), ReturnWhen.FIRST_EXCEPTION);
            assertThat(r.done()).containsExactlyInAnyOrder(ok, bad);
            assertThat(r.pending()).containsExactly(slow);
            assertThat(bad.exception()).hasMessage("x");
            slow.cancel();
        });
    }

    /** wait with FIRST_EXCEPTION and no failure waits for all. */
    @Test
    void waitFirstExceptionWithoutFailureWaitsForAll() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> a = createTask(() -> { sleep(0.001); return 1; });
            Task<Integer> b = createTask(() -> { sleep(0.002); return 2; });
            WaitResult<Integer> r = Asyncio.wait(List.of(a, b), ReturnWhen.FIRST_EXCEPTION);
            assertThat(r.done()).containsExactly(a, b);
        });
    }

    /** A timeout returns the unfinished futures as pending and cancels nothing. */
    @Test
    void waitTimeoutReturnsPendingWithoutCancelling() throws Exception {
        VirtualTimeLoop.run(() -> {
            Future<Integer> never = Asyncio.getRunningLoop().createFuture();
            Task<Integer> quick = createTask(() -> 1);
            WaitResult<Integer> r = Asyncio.wait(List.of(never, quick), 0.005, ReturnWhen.ALL_COMPLETED);
            assertThat(r.done()).containsExactly(quick);
            assertThat(r.pending()).containsExactly(never);
            assertThat(never.cancelled()).isFalse();
        });
    }

    /** wait of an empty collection is an error, as in Python. */
    @Test
    void waitOfNothingIsAnError() {
        assertThatThrownBy(() -> Asyncio.run(() -> Asyncio.wait(List.<Future<Integer>>of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
