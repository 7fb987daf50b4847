package io.jasyncio.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Test helper: captures what an example prints. */
final class Output {

    private Output() {
    }

    /** A body that may throw. */
    interface Body {
        void run() throws Exception;
    }

    /**
     * @param body the example to run
     * @return everything it printed to standard output
     * @throws Exception whatever it throws
     */
    static String capture(Body body) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
