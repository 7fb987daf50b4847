package io.jasyncio.bench.net;

import io.jasyncio.Asyncio;
import java.util.ArrayList;
import java.util.List;

/** Runs a server body on one loop (this thread) or on several loops, one per thread, sharing a port. */
final class Loops {

    private Loops() {
    }

    /** A server body; {@code reusePort} is true when several loops share the port. */
    interface Body {
        void run(boolean reusePort) throws Exception;
    }

    static void runOnLoops(int threads, Body body) throws Exception {
        if (threads <= 1) {
            Asyncio.run(() -> body.run(false));
            return;
        }
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            all.add(Thread.ofPlatform().name("server-" + i).start(() -> {
                try {
                    Asyncio.run(() -> body.run(true));
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(1);
                }
            }));
        }
        for (Thread t : all) {
            t.join();
        }
    }
}
