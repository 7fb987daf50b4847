package io.jasyncio.sync;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import io.jasyncio.VirtualTimeLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Barrier: release, reuse, abort, reset, cancellation (test_locks.BarrierTests). */
@Timeout(60)
class BarrierTest {

    /** Nobody passes until the last party arrives; then all pass, with distinct indices. */
    @Test
    void allPartiesPassTogetherWithDistinctIndices() throws Exception {
        List<Integer> indices = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Barrier b = new Barrier(3);
            List<Task<Void>> ts = parties(b, 2, indices);
            sleep(1);
            assertThat(indices).isEmpty();
            assertThat(b.nWaiting()).isEqualTo(2);
            indices.add(b.await());
            for (Task<Void> t : ts) {
                await(t);
            }
            assertThat(b.nWaiting()).isZero();
        });
        assertThat(indices).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(indices.get(0)).isEqualTo(2);
    }

    /** The barrier can be used again for round after round. */
    @Test
    void barrierIsReusable() throws Exception {
        VirtualTimeLoop.run(() -> {
            Barrier b = new Barrier(2);
            int[] rounds = new int[1];
            Task<Void> peer = createTask(() -> {
                for (int i = 0; i < 5; i++) {
                    b.await();
                }
            });
            for (int i = 0; i < 5; i++) {
                b.await();
                rounds[0]++;
            }
            await(peer);
            assertThat(rounds[0]).isEqualTo(5);
            assertThat(b.broken()).isFalse();
        });
    }

    /** A party that aborts breaks the barrier: waiters and later arrivals get BrokenBarrierError until reset. */
    @Test
    void abortingPartyBreaksTheBarrierUntilReset() throws Exception {
        VirtualTimeLoop.run(() -> {
            Barrier b = new Barrier(3);
            Task<Integer> w1 = createTask(() -> b.await());
            Task<Integer> w2 = createTask(() -> b.await());
            Task<Void> failing = createTask(() -> {
                sleep(1);
                b.abort();
                throw new IllegalStateException("party failed");
            });
            assertThatThrownBy(() -> await(w1)).isInstanceOf(BrokenBarrierError.class);
            assertThatThrownBy(() -> await(w2)).isInstanceOf(BrokenBarrierError.class);
            assertThatThrownBy(() -> await(failing)).hasMessage("party failed");
            assertThat(b.broken()).isTrue();
            assertThatThrownBy(b::await).isInstanceOf(BrokenBarrierError.class).hasMessage("Barrier aborted");
            b.reset();
            assertThat(b.broken()).isFalse();
            Task<Integer> again = createTask(() -> b.await());
            Task<Integer> again2 = createTask(() -> b.await());
            b.await();
            await(again);
            await(again2);
        });
    }

    /** reset while parties wait breaks their wait; the barrier then fills afresh. */
    @Test
    void resetWhileWaitingBreaksTheWaiters() throws Exception {
        VirtualTimeLoop.run(() -> {
            Barrier b = new Barrier(2);
            Task<Integer> w = createTask(() -> b.await());
            sleep(0);
            b.reset();
            assertThatThrownBy(() -> await(w)).isInstanceOf(BrokenBarrierError.class)
                    .hasMessage("Abort or reset of barrier");
            assertThat(b.broken()).isFalse();
            Task<Integer> peer = createTask(() -> b.await());
            b.await();
            await(peer);
        });
    }

    /** A waiting party that is cancelled leaves without breaking the barrier. */
    @Test
    void cancelledPartyLeavesTheBarrierUnbroken() throws Exception {
        VirtualTimeLoop.run(() -> {
            Barrier b = new Barrier(2);
            Task<Integer> w = createTask(() -> b.await());
            sleep(0);
            assertThat(b.nWaiting()).isEqualTo(1);
            w.cancel();
            assertThatThrownBy(() -> await(w)).isInstanceOf(CancelledError.class);
            assertThat(b.nWaiting()).isZero();
            assertThat(b.broken()).isFalse();
            Task<Integer> peer = createTask(() -> b.await());
            assertThat(b.await() + await(peer)).isEqualTo(1);
            assertThat(b.statistics()).isEqualTo(new Barrier.Statistics(2, 0, false));
        });
    }

    /** A barrier needs at least one party. */
    @Test
    void partiesMustBePositive() {
        assertThatThrownBy(() -> new Barrier(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A one-party barrier never suspends. */
    @Test
    void onePartyBarrierPassesAtOnce() throws Exception {
        int r = Asyncio.run(() -> new Barrier(1).await());
        assertThat(r).isZero();
    }

    private static List<Task<Void>> parties(Barrier b, int n, List<Integer> indices) {
        List<Task<Void>> ts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ts.add(createTask(() -> {
                indices.add(b.await());
            }));
        }
        return ts;
    }
}
