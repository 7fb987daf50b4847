package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Debug mode names callbacks and task steps that hold the loop longer than the threshold. */
class DebugModeTest {

    private final List<String> warnings = new ArrayList<>();
    private final Logger logger = Logger.getLogger("io.jasyncio");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (warnings) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void attach() {
        logger.addHandler(capture);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(capture);
    }

    /** Busy for at least {@code millis} of real time, without yielding to the loop. */
    private static void hold(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** A callback slower than the threshold is reported with the callback's description. */
    @Test
    void slowCallbackIsReported() {
        try (EventLoop loop = EventLoop.create()) {
            loop.setDebug(true);
            loop.setSlowCallbackDuration(0.001);
            Runnable slow = new Runnable() {
                @Override
                public void run() {
                    hold(5);
                }

                @Override
                public String toString() {
                    return "the-slow-callback";
                }
            };
            loop.callSoon(slow);
            loop.callSoon(loop::stop);
            loop.runForever();
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("Executing").contains("the-slow-callback"));
    }

    /** A task step slower than the threshold is reported with the task's name. */
    @Test
    void slowTaskStepIsReportedWithTheTaskName() throws Exception {
        try (EventLoop loop = EventLoop.create()) {
            loop.setDebug(true);
            loop.setSlowCallbackDuration(0.001);
            loop.runUntilComplete(loop.createTask(() -> {
                Asyncio.sleep(0);
                hold(5);
                Asyncio.sleep(0);
            }, "hog"));
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("Executing").contains("name='hog'"));
    }

    /** Without debug mode nothing is reported. */
    @Test
    void nothingIsReportedOutsideDebugMode() {
        try (EventLoop loop = EventLoop.create()) {
            loop.setSlowCallbackDuration(0.001);
            loop.callSoon(() -> hold(5));
            loop.callSoon(loop::stop);
            loop.runForever();
        }
        assertThat(warnings).noneSatisfy(w -> assertThat(w).contains("Executing"));
    }
}
