package io.jasyncio;

import static io.jasyncio.Asyncio.asCompleted;
import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** asCompleted (test_tasks: test_as_completed*), on virtual time. */
class AsCompletedTest {

    /** Results come in completion order, not argument order. */
    @Test
    void yieldsInCompletionOrder() throws Exception {
        List<String> order = VirtualTimeLoop.run(() -> {
            List<Task<String>> tasks = List.of(
                    createTask(() -> { sleep(3); return "slow"; }),
                    createTask(() -> { sleep(1); return "fast"; }),
                    createTask(() -> { sleep(2); return "medium"; }));
            List<String> out = new ArrayList<>();
            for (Future<String> next : asCompleted(tasks)) {
                out.add(await(next) + "@" + Asyncio.getRunningLoop().time());
            }
            return out;
        });
        assertThat(order).containsExactly("fast@1.0", "medium@2.0", "slow@3.0");
    }

    /** next() returns at once; the k-th element completes like the k-th input to complete, even if taken early. */
    @Test
    void elementsTakenEarlyResolveInOrder() throws Exception {
        VirtualTimeLoop.run(() -> {
            Future<Integer> a = Asyncio.getRunningLoop().createFuture();
            Future<Integer> b = Asyncio.getRunningLoop().createFuture();
            AsCompleted<Integer> it = asCompleted(List.of(a, b));
            Future<Integer> first = it.next();
            Future<Integer> second = it.next();
            assertThat(it.hasNext()).isFalse();
            assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
            b.setResult(2);
            assertThat(await(first)).isEqualTo(2);
            assertThat(second.done()).isFalse();
            a.setResult(1);
            assertThat(await(second)).isEqualTo(1);
        });
    }

    /** An input's exception comes out of its element unchanged; the other elements still arrive. */
    @Test
    void exceptionsComeOutOfTheirElement() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        VirtualTimeLoop.run(() -> {
            List<Task<Integer>> tasks = List.of(
                    createTask(() -> { sleep(1); throw boom; }),
                    createTask(() -> { sleep(2); return 2; }));
            AsCompleted<Integer> it = asCompleted(tasks);
            Future<Integer> first = it.next();
            assertThatThrownBy(() -> await(first)).isSameAs(boom);
            assertThat(await(it.next())).isEqualTo(2);
        });
    }

    /** Elements not completed when the timeout passes fail with TimeoutError; nothing is cancelled. */
    @Test
    void timeoutFailsTheRemainingElements() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<String> quick = createTask(() -> { sleep(1); return "quick"; });
            Task<String> slow = createTask(() -> { sleep(10); return "slow"; });
            AsCompleted<String> it = asCompleted(List.of(quick, slow), 5);
            assertThat(await(it.next())).isEqualTo("quick");
            Future<String> next = it.next();
            assertThatThrownBy(() -> await(next)).isInstanceOf(TimeoutError.class);
            assertThat(Asyncio.getRunningLoop().time()).isEqualTo(5.0);
            assertThat(slow.cancelled()).isFalse();
            assertThat(await(slow)).isEqualTo("slow");
        });
    }

    /** A duplicated input counts once; an empty collection has no elements. */
    @Test
    void duplicatesCountOnceAndEmptyIsEmpty() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> t = createTask(() -> 1);
            int n = 0;
            for (Future<Integer> f : asCompleted(List.of(t, t))) {
                assertThat(await(f)).isEqualTo(1);
                n++;
            }
            assertThat(n).isEqualTo(1);
            assertThat(asCompleted(List.<Future<Integer>>of()).hasNext()).isFalse();
        });
    }

    /** A cancelled input gives a cancelled element, with its message. */
    @Test
    void cancelledInputGivesCancelledElement() throws Exception {
        VirtualTimeLoop.run(() -> {
            Future<Integer> f = Asyncio.getRunningLoop().createFuture();
            AsCompleted<Integer> it = asCompleted(List.of(f));
            f.cancel("gone");
            assertThatThrownBy(() -> await(it.next())).isInstanceOf(CancelledError.class).hasMessage("gone");
        });
    }
}
