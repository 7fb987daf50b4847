package io.jasyncio.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the Javadoc examples of packages {@code io.jasyncio.sync} and {@code io.jasyncio.queue}. */
class SyncQueueSnippetsTest {

    @Test
    void synchronisation() throws Exception {
        assertThat(SyncQueueSnippets.lock()).isEqualTo(20);
        assertThat(SyncQueueSnippets.acquired()).isFalse();
        assertThat(SyncQueueSnippets.semaphore()).isEqualTo(10);
        assertThat(SyncQueueSnippets.boundedSemaphore()).isEqualTo("released too often");
        assertThat(SyncQueueSnippets.barrier()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(SyncQueueSnippets.brokenBarrier()).isEqualTo("broken");
        assertThat(SyncQueueSnippets.condition()).isEqualTo("job");
        assertThat(SyncQueueSnippets.event()).isEqualTo("ready");
    }

    @Test
    void queues() throws Exception {
        assertThat(SyncQueueSnippets.queue()).containsExactly("A", "B", "C");
        assertThat(SyncQueueSnippets.priorityAndLifo()).containsExactly("page the on-call", "1", "second");
        assertThat(SyncQueueSnippets.queueErrors()).containsExactly("empty", "full", "shut down");
    }
}
