package io.jasyncio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.EventLoop;
import org.junit.jupiter.api.Test;

/** The seeds' generator and synchronisation snippets print what the originals print. */
class SeedSyncExamplesTest {

    /** The producer/consumer prints exactly CPython's output. */
    @Test
    void producerConsumerPrintsThePythonOutput() throws Exception {
        String out = Output.capture(() -> ProducerConsumer.main(new String[0]));
        StringBuilder expected = new StringBuilder();
        for (int n = 1; n <= 5; n++) {
            expected.append("[PRODUCER] Producing ").append(n).append("...\n")
                    .append("[CONSUMER] Consuming ").append(n).append("...\n")
                    .append("[PRODUCER] Consumer return: 200 OK\n");
        }
        assertThat(out.replace("\r\n", "\n")).isEqualTo(expected.toString());
    }

    /** Lock keeps the counter exact, the semaphore caps concurrency at two, the queue loses nothing. */
    @Test
    void lockSemaphoreAndQueueBehave() throws Exception {
        String out = Output.capture(() -> {
            try (EventLoop loop = EventLoop.create(new HelloWorldTest.JumpingClock())) {
                loop.runUntilComplete(SyncPrimitives::program);
            }
        });
        assertThat(out.lines()).containsExactly("counter = 300", "at most 2 ran at once", "sum of consumed items = 55");
    }
}
