package io.jasyncio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Clock;
import io.jasyncio.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The seeds' hello-world example prints what the Python original prints, in the same order. */
class HelloWorldTest {

    /** Runs the program on a loop whose clock jumps to the next timer, capturing standard output. */
    /** A clock that jumps to the next timer whenever the loop would wait. */
    static final class JumpingClock implements Clock {
        private long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public long beforeWait(long timeoutNanos) {
            if (timeoutNanos > 0) {
                now += timeoutNanos;
                return 0;
            }
            return timeoutNanos;
        }
    }

    static String runOnVirtualTime(io.jasyncio.VoidCoroutine program) throws Exception {
        Clock jumping = new JumpingClock();
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (EventLoop loop = EventLoop.create(jumping)) {
            loop.runUntilComplete(program);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Hello after one second, then three gathered workers finishing in order of their delays, in one second. */
    @Test
    void printsHelloThenGathersThreeTasksConcurrently() throws Exception {
        String out = runOnVirtualTime(HelloWorld::program);
        assertThat(out.lines()).containsExactly(
                "Hello, world!",
                "second done after 0.5 s",
                "third done after 0.75 s",
                "first done after 1.0 s",
                "gathered [first, second, third] in 1.0 s");
    }
}
