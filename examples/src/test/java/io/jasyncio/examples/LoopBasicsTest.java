package io.jasyncio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The seeds' loop-API snippets print what the Python originals print. */
class LoopBasicsTest {

    /** The task created before the loop runs and the one run until complete both finish; then asyncio.run. */
    @Test
    void loopSnippetsRunInOrder() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LoopBasics.program(() -> io.jasyncio.EventLoop.create(new HelloWorldTest.JumpingClock()));
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "my_coroutine done",
                "my_coroutine done",
                "func ran inside main");
    }
}
