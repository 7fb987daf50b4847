package io.jasyncio.testing.net;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.jasyncio.Future;
import io.jasyncio.net.ConnectionHandler;
import io.jasyncio.net.Server;
import java.io.IOException;

/** Small helpers shared by the simulated-network tests. */
final class SimFixtures {

    private SimFixtures() {
    }

    static byte[] b(String s) {
        return s.getBytes(US_ASCII);
    }

    static String s(byte[] b) {
        return new String(b, US_ASCII);
    }

    /** @return {@code n} bytes that differ with their position, so reordering or loss shows */
    static byte[] pattern(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (i * 31 + i / 251);
        }
        return out;
    }

    /** An echo server's handler: writes back what it reads until end-of-file, then closes. */
    static ConnectionHandler echo() {
        return (reader, writer) -> {
            while (true) {
                byte[] data = reader.read(64 * 1024);
                if (data.length == 0) {
                    break;
                }
                writer.write(data);
                writer.drain();
            }
            writer.close();
        };
    }

    /** {@link #echo()}, ending quietly when the connection is reset. */
    static ConnectionHandler echoUntilReset() {
        return (reader, writer) -> {
            try {
                echo().handle(reader, writer);
            } catch (IOException reset) {
                writer.close();
            }
        };
    }

    /** A handler that reads until the connection ends and reports how: the error, or null at EOF. */
    static ConnectionHandler readsUntilEnd(Future<Throwable> ended) {
        return (reader, writer) -> {
            try {
                while (reader.read(64 * 1024).length > 0) {
                    // keep reading
                }
                ended.setResult(null);
            } catch (IOException e) {
                ended.setResult(e);
            }
            writer.close();
        };
    }

    /** Closes the server and waits until its connections ended. */
    static void shutdown(Server server) {
        server.close();
        server.waitClosed();
    }
}
