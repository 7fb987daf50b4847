package io.jasyncio.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the Javadoc examples of package {@code io.jasyncio}, so that they are known to work. */
class CoreSnippetsTest {

    @Test
    void coroutinesAndTasks() throws Exception {
        assertThat(CoreSnippets.coroutine()).isEqualTo("Hello, world!");
        assertThat(CoreSnippets.voidCoroutine()).containsExactly("Hello, world!", "Hello, world!");
        assertThat(CoreSnippets.gatherPages()).containsExactly("<html>https://example.com/a</html>",
                "<html>https://example.com/b</html>");
        assertThat(CoreSnippets.task()).isEqualTo("<html>https://example.com/</html>");
        assertThat(CoreSnippets.shield()).containsEntry("charged", 100);
        assertThat(CoreSnippets.cancelledError()).isEqualTo("cancelled: no longer needed");
    }

    @Test
    void waitingForSeveral() throws Exception {
        assertThat(CoreSnippets.asCompleted()).hasSize(2);
        assertThat(CoreSnippets.waitResult()).isEqualTo(1);
        assertThat(CoreSnippets.taskGroup()).containsExactly("<html>https://example.com/a</html>",
                "<html>https://example.com/b</html>");
        assertThat(CoreSnippets.exceptionGroup()).containsExactlyInAnyOrder("first", "second");
        assertThat(CoreSnippets.taskTree()).contains("'fetch-a'");
    }

    @Test
    void timeouts() throws Exception {
        assertThat(CoreSnippets.timeout()).contains("https://example.com/next");
        assertThat(CoreSnippets.timeoutError()).isEqualTo("gave up");
    }

    @Test
    void loopsFuturesAndCallbacks() throws Exception {
        assertThat(CoreSnippets.eventLoop()).isEqualTo("done");
        assertThat(CoreSnippets.clock()).isBetween(0.1, 5.0);
        assertThat(CoreSnippets.future()).isEqualTo("42");
        assertThat(CoreSnippets.handles()).containsExactly("soon", "later", "ok");
        assertThat(CoreSnippets.invalidState()).isEqualTo("ready");
        assertThat(CoreSnippets.exceptionHandler()).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(CoreSnippets.contextVar()).isEqualTo("handled abc");
    }

    @Test
    void generators() throws Exception {
        assertThat(CoreSnippets.generator()).containsExactly("[CONSUMER] Consuming 1...", "got 0", "got 1", "got 2",
                "200 OK");
        assertThat(CoreSnippets.generatorExit()).isTrue();
        assertThat(CoreSnippets.asyncIterator()).containsExactly(0, 1, 2, 42);
    }
}
