package io.jasyncio.cli;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.net.Server;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Streams;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test helper: a keep-alive HTTP/1.1 server on its own loop and thread, serving fixed bodies by path. */
final class LocalHttpServer implements AutoCloseable {

    private final EventLoop loop = EventLoop.create();
    private final Thread thread;
    private final int port;
    private volatile Server server;

    LocalHttpServer(Map<String, byte[]> files) throws Exception {
        Future<Integer>[] started = new Future[1];
        java.util.concurrent.CompletableFuture<Integer> portFuture = new java.util.concurrent.CompletableFuture<>();
        thread = new Thread(() -> {
            try {
                loop.runUntilComplete(() -> {
                    server = Streams.startServer((r, w) -> serve(files, r, w), "127.0.0.1", 0);
                    portFuture.complete(server.port());
                    server.serveForever();
                });
            } catch (Throwable e) {
                portFuture.completeExceptionally(e);
            }
        });
        thread.start();
        port = portFuture.get();
    }

    int port() {
        return port;
    }

    private static void serve(Map<String, byte[]> files, StreamReader reader, StreamWriter writer) throws Exception {
        try {
            while (true) {
                byte[] line = reader.readLine();
                if (line.length == 0) {
                    return;
                }
                String path = new String(line, StandardCharsets.ISO_8859_1).split(" ")[1];
                while (reader.readLine().length > 2) {
                    // skip headers
                }
                byte[] body = files.get(path);
                String head = body == null
                        ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length + "\r\n\r\n";
                writer.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    writer.write(body);
                }
                writer.drain();
            }
        } finally {
            writer.close();
        }
    }

    @Override
    public void close() throws Exception {
        loop.callSoonThreadsafe(() -> server.close());
        thread.interrupt();
        thread.join(5000);
    }
}
