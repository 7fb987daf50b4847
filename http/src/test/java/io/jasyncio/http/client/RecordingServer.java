package io.jasyncio.http.client;

import io.jasyncio.net.IncompleteReadError;
import io.jasyncio.net.Server;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.Streams;
import io.jasyncio.net.TlsOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Test helper: an HTTP/1.1 server on loopback (plain, or TLS with a given context) that records
 * the head of every request it receives and answers each, keeping the connection alive, with
 * {@code 200} and the body {@code seen <request line>}. Requests must have no body. Runs on the
 * loop that starts it.
 */
final class RecordingServer implements AutoCloseable {

    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /** The request heads received, in order, as text (lines joined by CRLF). */
    final List<String> heads = new ArrayList<>();
    private final Server server;

    private RecordingServer(SSLContext tls) throws IOException {
        server = tls == null ? Streams.startServer((r, w) -> serve(r, w), "127.0.0.1", 0)
                : Streams.startServer((r, w) -> serve(r, w), "127.0.0.1", 0, TlsOptions.of(tls));
    }

    /** @return a plain http server */
    static RecordingServer plain() throws IOException {
        return new RecordingServer(null);
    }

    /** @return an https server presenting the context's certificate */
    static RecordingServer tls(SSLContext context) throws IOException {
        return new RecordingServer(context);
    }

    int port() {
        return server.port();
    }

    private void serve(StreamReader r, io.jasyncio.net.StreamWriter w) throws IOException {
        try {
            while (true) {
                String head = readHead(r);
                heads.add(head);
                String body = "seen " + head.substring(0, head.indexOf("\r\n"));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                w.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                w.write(bytes);
                w.drain();
            }
        } catch (IncompleteReadError e) {
            // the client closed the connection
        } finally {
            w.close();
        }
    }

    /** @return the next head, without its final empty line */
    static String readHead(StreamReader r) throws IOException {
        byte[] head = r.readUntil(END_OF_HEAD);
        return new String(head, 0, head.length - 4, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        server.close();
    }
}
