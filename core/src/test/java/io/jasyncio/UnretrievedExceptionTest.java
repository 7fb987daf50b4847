package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failed future or task whose exception nobody read is reported once it is garbage collected. */
class UnretrievedExceptionTest {

    private static void failAndForget(EventLoop loop, String message) {
        Future<String> f = loop.createFuture();
        f.setException(new IllegalStateException(message));
    }

    /** A discarded failed future is reported to the running loop's handler, with its exception. */
    @Test
    void discardedFailedFutureIsReportedWhenCollected() throws Exception {
        List<Map<String, Object>> reports = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            loop.runUntilComplete(() -> {
                failAndForget(Asyncio.getRunningLoop(), "collected");
                // Bounded wait for the collector and the cleaner thread: the condition is checked,
                // nothing is assumed to have happened after a fixed delay.
                for (int i = 0; i < 500 && reports.isEmpty(); i++) {
                    System.gc();
                    Asyncio.sleep(0.002);
                }
            });
        }
        assertThat(reports).singleElement().satisfies(ctx -> {
            assertThat(ctx.get("message")).isEqualTo("Future exception was never retrieved");
            assertThat(((Throwable) ctx.get("exception"))).hasMessage("collected");
        });
    }

    /** A discarded failed future whose exception was read is never reported. */
    @Test
    void retrievedExceptionIsNotReportedWhenCollected() throws Exception {
        List<Map<String, Object>> reports = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            loop.runUntilComplete(() -> {
                Future<String> f = Asyncio.getRunningLoop().createFuture();
                f.setException(new IllegalStateException("read"));
                assertThat(f.exception()).hasMessage("read");
                f = null;
                for (int i = 0; i < 20; i++) {
                    System.gc();
                    Asyncio.sleep(0.001);
                }
            });
        }
        assertThat(reports).isEmpty();
    }
}
