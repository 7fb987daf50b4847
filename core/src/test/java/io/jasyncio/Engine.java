package io.jasyncio;

/** Test helper: which engine this JVM's loops use. */
final class Engine {

    private Engine() {
    }

    /** @return whether tasks run on the fast engine (virtual threads scheduled by the loop) */
    static boolean isFast() {
        try (EventLoop loop = EventLoop.create()) {
            return loop.engineName().equals("fast");
        }
    }
}
