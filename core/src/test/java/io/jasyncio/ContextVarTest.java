package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ContextVar and task contexts (test_context, test_asyncio test_context). */
@Timeout(60)
class ContextVarTest {

    /** get returns the value, else the default, else fails; get(fallback) prefers the fallback to the default. */
    @Test
    void getFallsBackToDefaults() throws Exception {
        VirtualTimeLoop.run(() -> {
            ContextVar<String> noDefault = new ContextVar<>("a");
            ContextVar<String> withDefault = new ContextVar<>("b", "dflt");
            assertThatThrownBy(noDefault::get).isInstanceOf(NoSuchElementException.class).hasMessageContaining("'a'");
            assertThat(noDefault.get("fb")).isEqualTo("fb");
            assertThat(withDefault.get()).isEqualTo("dflt");
            assertThat(withDefault.get("fb")).isEqualTo("fb");
            withDefault.set(null);
            assertThat(withDefault.get()).isNull();
        });
    }

    /** set returns a token; reset restores the previous value, or unsets. */
    @Test
    void resetRestoresThePreviousValue() throws Exception {
        VirtualTimeLoop.run(() -> {
            ContextVar<Integer> v = new ContextVar<>("v");
            ContextVar.Token<Integer> t1 = v.set(1);
            ContextVar.Token<Integer> t2 = v.set(2);
            assertThat(t1.hasOldValue()).isFalse();
            assertThat(t2.oldValue()).isEqualTo(1);
            assertThat(t2.var()).isSameAs(v);
            v.reset(t2);
            assertThat(v.get()).isEqualTo(1);
            v.reset(t1);
            assertThat(v.get(-1)).isEqualTo(-1);
        });
    }

    /** A token works once, for its own variable, in its own context. */
    @Test
    void tokensAreCheckedAsInPython() throws Exception {
        VirtualTimeLoop.run(() -> {
            ContextVar<Integer> v = new ContextVar<>("v");
            ContextVar<Integer> w = new ContextVar<>("w");
            ContextVar.Token<Integer> t = v.set(1);
            assertThatThrownBy(() -> w.reset(t)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different ContextVar");
            Task<Void> other = createTask(() -> {
                assertThatThrownBy(() -> v.reset(t)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("different Context");
            });
            await(other);
            v.reset(t);
            assertThatThrownBy(() -> v.reset(t)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already been used");
        });
    }

    /** A task starts with its creator's values; later changes on either side stay on that side. */
    @Test
    void childTaskGetsACopyOfItsCreatorsContext() throws Exception {
        ContextVar<String> v = new ContextVar<>("v", "unset");
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            v.set("parent-before");
            Task<Void> child = createTask(() -> {
                trace.add("child sees " + v.get());
                v.set("child");
                sleep(1);
                trace.add("child still sees " + v.get());
            });
            v.set("parent-after");
            sleep(0.5);
            trace.add("parent sees " + v.get());
            await(child);
            trace.add("parent finally sees " + v.get());
        });
        assertThat(trace).containsExactly("child sees parent-before", "parent sees parent-after",
                "child still sees child", "parent finally sees parent-after");
    }

    /** Sibling tasks that set the same variable and interleave never see each other's value. */
    @Test
    void siblingTasksAreIsolated() throws Exception {
        ContextVar<Integer> v = new ContextVar<>("v");
        List<String> mismatches = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int id = i;
                ts.add(createTask(() -> {
                    for (int round = 0; round < 5; round++) {
                        v.set(id * 100 + round);
                        sleep(0);
                        if (v.get() != id * 100 + round) {
                            mismatches.add(id + ":" + v.get());
                        }
                    }
                }));
            }
            for (Task<Void> t : ts) {
                await(t);
            }
            assertThat(v.get(-1)).isEqualTo(-1);
        });
        assertThat(mismatches).isEmpty();
    }

    /** A callback runs in the context current when it was scheduled; what it sets is discarded. */
    @Test
    void callbacksRunInTheContextCapturedWhenScheduled() throws Exception {
        ContextVar<String> v = new ContextVar<>("v", "unset");
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            v.set("at schedule");
            loop.callSoon(() -> {
                trace.add("callback sees " + v.get());
                v.set("set by callback");
            });
            loop.callLater(0.1, () -> trace.add("timer sees " + v.get()));
            v.set("later");
            loop.callSoon(() -> trace.add("second callback sees " + v.get()));
            sleep(1);
            trace.add("task sees " + v.get());
        });
        assertThat(trace).containsExactly("callback sees at schedule", "second callback sees later",
                "timer sees at schedule", "task sees later");
    }

    /** toThread runs the function in a copy of the caller's context. */
    @Test
    void toThreadRunsInACopyOfTheCallersContext() throws Exception {
        ContextVar<String> v = new ContextVar<>("v", "unset");
        String[] seen = new String[2];
        Asyncio.run(() -> {
            v.set("caller");
            seen[0] = Asyncio.toThread(() -> {
                String s = v.get();
                v.set("thread");
                return s;
            });
            seen[1] = v.get();
        });
        assertThat(seen).containsExactly("caller", "caller");
    }

    /** A generator's body runs in its caller's context, and what it sets is seen by the caller, as in Python. */
    @Test
    void generatorBodySharesItsCallersContext() throws Exception {
        ContextVar<String> v = new ContextVar<>("v", "unset");
        String[] seen = new String[3];
        Asyncio.run(() -> {
            Generator<Void, String> g = Generator.of(y -> {
                y.yield(v.get());
                v.set("set by body");
                y.yield(v.get());
            });
            v.set("caller");
            seen[0] = g.next();
            seen[1] = g.next();
            seen[2] = v.get();
        });
        assertThat(seen).containsExactly("caller", "set by body", "set by body");
    }

    /** A task started with runCoroutineThreadsafe runs in a copy of the calling thread's context. */
    @Test
    void runCoroutineThreadsafeCopiesTheCallingThreadsContext() throws Exception {
        ContextVar<String> v = new ContextVar<>("v", "unset");
        String seen = Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            return Asyncio.toThread(() -> {
                v.set("foreign thread");
                return loop.runCoroutineThreadsafe(() -> v.get()).get();
            });
        });
        assertThat(seen).isEqualTo("foreign thread");
    }

    /** A plain thread started inside a task starts with an empty context, as a new Python thread does. */
    @Test
    void threadStartedInATaskDoesNotInheritItsValues() throws Exception {
        VirtualTimeLoop.run(() -> {
            ContextVar<String> v = new ContextVar<>("v");
            v.set("task value");
            String[] seen = new String[1];
            Thread t = Thread.ofPlatform().start(() -> seen[0] = v.get("unset"));
            t.join();
            assertThat(seen[0]).isEqualTo("unset");
            assertThat(v.get()).isEqualTo("task value");
        });
    }
}
