package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.shield;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** shield (test_tasks: test_shield_*). */
class ShieldTest {

    /** The shield gives the inner result. */
    @Test
    void shieldPassesTheResult() throws Exception {
        String r = VirtualTimeLoop.run(() -> await(shield(() -> { sleep(1); return "inner"; })));
        assertThat(r).isEqualTo("inner");
    }

    /** The shield passes the inner exception unchanged. */
    @Test
    void shieldPassesTheExceptionUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> VirtualTimeLoop.run(() -> await(shield(() -> {
            sleep(1);
            throw boom;
        })))).isSameAs(boom);
    }

    /** A done future is returned as it is. */
    @Test
    void shieldOfADoneFutureIsTheFuture() throws Exception {
        VirtualTimeLoop.run(() -> {
            Future<Integer> f = Asyncio.getRunningLoop().createFuture();
            f.setResult(1);
            assertThat(shield(f)).isSameAs(f);
        });
    }

    /** The outer task is cancelled while the inner completes later: the outer ends cancelled, the inner's result is kept. */
    @Test
    void outerCancelledInnerCompletesLater() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Task<String> inner = createTask(() -> {
                sleep(5);
                trace.add("inner finished at " + loop.time());
                return "saved";
            });
            Task<String> outer = createTask(() -> {
                try {
                    return await(shield(inner));
                } catch (CancelledError e) {
                    trace.add("outer cancelled at " + loop.time());
                    throw e;
                }
            });
            sleep(1);
            outer.cancel();
            assertThatThrownBy(() -> await(outer)).isInstanceOf(CancelledError.class);
            assertThat(inner.cancelled()).isFalse();
            assertThat(await(inner)).isEqualTo("saved");
        });
        assertThat(trace).containsExactly("outer cancelled at 1.0", "inner finished at 5.0");
    }

    /** Cancelling the inner work itself cancels the shield too. */
    @Test
    void cancellingTheInnerCancelsTheOuter() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<String> inner = createTask(() -> { sleep(5); return "x"; });
            Future<String> outer = shield(inner);
            sleep(1);
            inner.cancel();
            assertThatThrownBy(() -> await(outer)).isInstanceOf(CancelledError.class);
            assertThat(outer.cancelled()).isTrue();
        });
    }

    /** An inner failure after the shield was cancelled is reported as never retrieved, as in CPython 3.12+. */
    @Test
    void innerFailureAfterOuterCancelledIsReported() throws Exception {
        List<Map<String, Object>> reports = new ArrayList<>();
        IllegalStateException late = new IllegalStateException("late");
        try (EventLoop loop = EventLoop.create(new VirtualTimeLoop())) {
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            loop.runUntilComplete(() -> {
                Task<Void> inner = createTask(() -> {
                    sleep(5);
                    throw late;
                });
                Future<Void> outer = shield(inner);
                sleep(1);
                outer.cancel();
                sleep(10);
                assertThat(inner.done()).isTrue();
            });
        }
        assertThat(reports).singleElement().satisfies(r -> assertThat(r.get("exception")).isSameAs(late));
    }
}
