package io.jasyncio.http.client;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Test harness: an in-memory HTTP server reached through the {@link Dialer} interface. Each dial
 * makes a connection pair and runs the handler as a task on the caller's loop.
 */
final class FakeServer implements Dialer {

    /** What the server does with one connection. */
    @FunctionalInterface
    interface Handler {
        void serve(ServerSide conn) throws Exception;
    }

    private final Handler handler;
    final List<ServerSide> connections = new ArrayList<>();
    final List<ServerSide.Req> requests = new ArrayList<>();
    int dials;

    FakeServer(Handler handler) {
        this.handler = handler;
    }

    /** A keep-alive server answering each request with the raw response {@code answer} makes. */
    static FakeServer responding(Function<ServerSide.Req, String> answer) {
        FakeServer[] self = new FakeServer[1];
        self[0] = new FakeServer(conn -> {
            for (ServerSide.Req r; (r = conn.readRequest()) != null; ) {
                self[0].requests.add(r);
                String raw = answer.apply(r);
                conn.write(raw);
                if (raw.toLowerCase().contains("\r\nconnection: close\r\n")) {
                    conn.close();
                    return;
                }
            }
            conn.close();
        });
        return self[0];
    }

    /** @return a response with the given status and body, and a Content-Length */
    static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
    }

    @Override
    public ClientConnection dial(ConnectionKey key, TlsPolicy tls) throws IOException {
        dials++;
        EventLoop loop = Asyncio.getRunningLoop();
        MemoryConnection c = new MemoryConnection(new BytePipe(loop), new BytePipe(loop));
        ServerSide side = new ServerSide(c);
        connections.add(side);
        loop.createTask(() -> {
            handler.serve(side);
        });
        return c;
    }

    /** A session on this server with the given builder options. */
    ClientSession session() {
        return ClientSession.builder().dialer(this).build();
    }
}
