package io.jasyncio.http.client;

import java.util.concurrent.TimeUnit;

/** Test helper: whether Debian's python3 with aiohttp is there to act as a peer. */
final class PythonPeer {

    private static Boolean available;

    private PythonPeer() {
    }

    /** @return whether {@code /usr/bin/python3 -c "import aiohttp"} succeeds (checked once) */
    static synchronized boolean hasAiohttp() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import aiohttp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (Exception e) {
                available = false;
            }
        }
        return available;
    }
}
