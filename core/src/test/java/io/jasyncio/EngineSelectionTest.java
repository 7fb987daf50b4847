package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The build runs the suite once per engine; each run must really be on the engine it names. */
class EngineSelectionTest {

    /** The engine in use is the one the build asked for (fast with the add-opens flag, fallback without). */
    @Test
    void engineInUseIsTheOneThisRunExpects() {
        String expected = System.getProperty("jasyncio.expectEngine");
        boolean open = Object.class.getModule().isOpen("java.lang", EngineSelectionTest.class.getModule());
        try (EventLoop loop = EventLoop.create()) {
            if (expected != null) {
                assertThat(loop.engineName()).isEqualTo(expected);
            }
            assertThat(loop.engineName()).isEqualTo(open ? "fast" : "fallback");
        }
    }

    /** A task's body runs on a virtual thread named after the task, on either engine. */
    @Test
    void taskRunsOnAVirtualThreadNamedAfterIt() throws Exception {
        String[] seen = new String[2];
        Asyncio.run(() -> {
            Task<Void> t = Asyncio.createTask(() -> {
                seen[0] = Thread.currentThread().getName();
                seen[1] = String.valueOf(Thread.currentThread().isVirtual());
            }, "worker-7");
            Asyncio.await(t);
        });
        assertThat(seen).containsExactly("worker-7", "true");
    }
}
