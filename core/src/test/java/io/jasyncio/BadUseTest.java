package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Misuse fails at once with a message that says what to do instead. */
class BadUseTest {

    /** await outside a task says to use Asyncio.run. */
    @Test
    void awaitOutsideATaskFails() {
        try (EventLoop loop = EventLoop.create()) {
            Future<String> f = loop.createFuture();
            assertThatThrownBy(() -> Asyncio.await(f))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must be called from inside a task")
                    .hasMessageContaining("Asyncio.run");
        }
    }

    /** sleep outside a task fails the same way. */
    @Test
    void sleepOutsideATaskFails() {
        assertThatThrownBy(() -> Asyncio.sleep(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Asyncio.run");
    }

    /** A callback cannot suspend: the message says to make a task. */
    @Test
    void sleepInACallbackFails() {
        List<Throwable> errors = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.callSoon(() -> {
                try {
                    Asyncio.sleep(0);
                } catch (Throwable e) {
                    errors.add(e);
                }
                loop.stop();
            });
            loop.runForever();
        }
        assertThat(errors).singleElement().satisfies(e ->
                assertThat(e).hasMessageContaining("callback").hasMessageContaining("createTask"));
    }

    /** Asyncio.run inside a running loop is refused. */
    @Test
    void asyncioRunInsideARunningLoopFails() {
        assertThatThrownBy(() -> Asyncio.run(() -> Asyncio.run(() -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be called from a running event loop");
    }

    /** runUntilComplete of another loop from inside a task is refused. */
    @Test
    void runningAnotherLoopFromATaskFails() {
        try (EventLoop other = EventLoop.create()) {
            assertThatThrownBy(() -> Asyncio.run(() -> other.runUntilComplete(() -> 1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("running event loop");
        }
    }

    /** createTask needs a running loop. */
    @Test
    void createTaskWithoutARunningLoopFails() {
        assertThatThrownBy(() -> Asyncio.createTask(() -> 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no running event loop");
    }

    /** A future from another loop cannot be awaited. */
    @Test
    void awaitingAFutureOfAnotherLoopFails() {
        try (EventLoop other = EventLoop.create()) {
            Future<String> foreign = other.createFuture();
            assertThatThrownBy(() -> Asyncio.run(() -> Asyncio.await(foreign)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("different loop");
        }
    }

    /** Negative or NaN arguments are rejected or clamped as documented. */
    @Test
    void nanDelaysAreRejected() {
        try (EventLoop loop = EventLoop.create()) {
            assertThatThrownBy(() -> loop.callLater(Double.NaN, () -> { })).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Asyncio.run(() -> Asyncio.sleep(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }
}
