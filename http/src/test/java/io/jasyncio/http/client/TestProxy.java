package io.jasyncio.http.client;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.net.Connection;
import io.jasyncio.net.IncompleteReadError;
import io.jasyncio.net.Server;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Streams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: a tiny HTTP proxy on loopback that records the head of every request it
 * receives. {@code CONNECT host:port} is answered {@code 200} (or {@link #refuseWith} a status)
 * and then relays bytes both ways between the client and that target until either side closes;
 * any other request is answered by the proxy itself with {@code 200} and the body
 * {@code proxied <request line>}. Runs on the loop that starts it.
 */
final class TestProxy implements AutoCloseable {

    /** The request heads received, in order, as text (lines joined by CRLF). */
    final List<String> heads = new ArrayList<>();
    /** If not 0, every CONNECT is refused with this status. */
    int refuseWith;
    private final Server server;

    private TestProxy() throws IOException {
        server = Streams.startServer(this::serve, "127.0.0.1", 0);
    }

    static TestProxy start() throws IOException {
        return new TestProxy();
    }

    /** @return the proxy's URL, with {@code credentials} ({@code user:pw}) if not null */
    String url(String credentials) {
        return "http://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + server.port();
    }

    private void serve(StreamReader r, StreamWriter w) throws Exception {
        try {
            while (true) {
                String head = RecordingServer.readHead(r);
                heads.add(head);
                String line = head.substring(0, head.indexOf("\r\n"));
                if (line.startsWith("CONNECT ")) {
                    tunnel(line.split(" ")[1], r, w);
                    return;
                }
                byte[] body = ("proxied " + line).getBytes(StandardCharsets.UTF_8);
                w.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                w.write(body);
                w.drain();
            }
        } catch (IncompleteReadError e) {
            // the client closed the connection
        } finally {
            w.close();
        }
    }

    private void tunnel(String authority, StreamReader r, StreamWriter w) throws Exception {
        if (refuseWith != 0) {
            w.write(("HTTP/1.1 " + refuseWith + " Refused\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            w.drain();
            return;
        }
        int colon = authority.lastIndexOf(':');
        Connection target = Streams.openConnection(authority.substring(0, colon),
                Integer.parseInt(authority.substring(colon + 1)));
        w.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Task<Void> up = Asyncio.createTask(() -> relay(r, target.writer()));
        relay(target.reader(), w);
        up.cancel();
    }

    private static void relay(StreamReader from, StreamWriter to) throws IOException {
        try {
            for (byte[] b; (b = from.read(65536)).length > 0; ) {
                to.write(b);
                to.drain();
            }
        } finally {
            to.close();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
