package io.jasyncio.subprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Killing, terminating, cancelling and closing child processes (CPython's
 * test_asyncio/test_subprocess.py: kill, terminate, send_signal and cancellation cases).
 */
@Timeout(30)
class SubprocessLifecycleTest {

    /** kill() on `sleep 100`: it exits at once with 128 + SIGKILL, and its stdout reaches its end. */
    @Test
    void killSleep() throws Exception {
        Asyncio.run(() -> {
            Subprocess p = Subprocess.exec(SubprocessOptions.defaults().stdout(Subprocess.PIPE), "sleep", "100");
            assertThat(p.returnCode()).isNull();
            p.kill();
            assertThat(p.waitFor()).isEqualTo(128 + Subprocess.SIGKILL);
            assertThat(p.returnCode()).isEqualTo(137);
            assertThat(p.stdout().read()).isEmpty();
            assertThat(p.stdout().atEof()).isTrue();
        });
    }

    /** terminate() sends SIGTERM: 128 + 15. */
    @Test
    void terminateSleep() throws Exception {
        int code = Asyncio.run(() -> {
            Subprocess p = Subprocess.exec("sleep", "100");
            p.terminate();
            return p.waitFor();
        });
        assertThat(code).isEqualTo(143);
    }

    /** sendSignal does SIGTERM and SIGKILL; other signals are refused, saying why. */
    @Test
    void sendSignal() throws Exception {
        int code = Asyncio.run(() -> {
            Subprocess p = Subprocess.exec("sleep", "100");
            assertThatThrownBy(() -> p.sendSignal(2)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("SIGTERM (15) and SIGKILL (9)");
            p.sendSignal(Subprocess.SIGTERM);
            return p.waitFor();
        });
        assertThat(code).isEqualTo(143);
    }

    /** Signals after the exit do nothing. */
    @Test
    void killAfterExit() throws Exception {
        int code = Asyncio.run(() -> {
            Subprocess p = Subprocess.exec("true");
            int c = p.waitFor();
            p.kill();
            p.terminate();
            assertThat(p.waitFor()).isEqualTo(c);
            return c;
        });
        assertThat(code).isZero();
    }

    /** Cancelling a task waiting for the exit leaves the child running (as Python). */
    @Test
    void cancelWaitForDoesNotKill() throws Exception {
        Asyncio.run(() -> {
            Subprocess p = Subprocess.exec("sleep", "100");
            Task<Integer> waiting = Asyncio.createTask(p::waitFor);
            Asyncio.sleep(0.01);
            waiting.cancel();
            assertThatThrownBy(() -> Asyncio.await(waiting)).isInstanceOf(CancelledError.class);
            assertThat(p.process().isAlive()).isTrue();
            assertThat(p.returnCode()).isNull();
            p.kill();
            assertThat(p.waitFor()).isEqualTo(137);
        });
    }

    /** Cancelling a task in communicate leaves the child running, and its pipes usable. */
    @Test
    void cancelCommunicateDoesNotKill() throws Exception {
        Asyncio.run(() -> {
            Subprocess p = Subprocess.exec(SubprocessOptions.defaults().stdout(Subprocess.PIPE), "sleep", "100");
            Task<Subprocess.Output> talking = Asyncio.createTask(() -> p.communicate());
            Asyncio.sleep(0.01);
            talking.cancel();
            assertThatThrownBy(() -> Asyncio.await(talking)).isInstanceOf(CancelledError.class);
            assertThat(p.process().isAlive()).isTrue();
            p.kill();
            assertThat(p.waitFor()).isEqualTo(137);
            assertThat(p.stdout().read()).isEmpty();
        });
    }

    /** close() (try-with-resources) kills a child that still runs and ends its pipes. */
    @Test
    void closeKills() throws Exception {
        Asyncio.run(() -> {
            Subprocess p;
            try (Subprocess s = Subprocess.exec(SubprocessOptions.pipes(), "sleep", "100")) {
                p = s;
            }
            assertThat(p.waitFor()).isEqualTo(137);
            assertThat(p.stdout().read()).isEmpty();
            assertThat(p.stdin().isClosing()).isTrue();
        });
    }

    /** Several children run at once on one loop; each one's exit code reaches its own waiter. */
    @Test
    void concurrentChildren() throws Exception {
        java.util.List<Integer> codes = Asyncio.run(() -> {
            java.util.List<Task<Integer>> tasks = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int code = i;
                tasks.add(Asyncio.createTask(() -> Subprocess.shell("sleep 0.0" + (code % 5) + "; exit " + code)
                        .waitFor()));
            }
            java.util.List<Integer> out = new java.util.ArrayList<>();
            for (Task<Integer> t : tasks) {
                out.add(Asyncio.await(t));
            }
            return out;
        });
        assertThat(codes).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }
}
