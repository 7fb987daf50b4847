package io.jasyncio.examples;

import io.jasyncio.Asyncio;
import io.jasyncio.net.Server;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Streams;

/**
 * The seeds' TCP echo server, line for line:
 *
 * <pre>{@code
 * async def handle_echo(reader, writer):
 *     data = await reader.read(1024)
 *     if not data:
 *         return
 *     writer.write(data)
 *     await writer.drain()
 *
 * async def main():
 *     server = await asyncio.start_server(handle_echo, '127.0.0.1', 8888)
 *     await server.serve_forever()
 * }</pre>
 *
 * Usage: {@code ./jasyncio-examples echo [port]} (8888 by default); try {@code nc 127.0.0.1 8888}.
 */
public final class EchoServer {

    private EchoServer() {
    }

    static void handleEcho(StreamReader reader, StreamWriter writer) throws Exception {
        byte[] data = reader.read(1024);
        if (data.length == 0) {
            return;
        }
        writer.write(data);
        writer.drain();
        writer.close(); // Python closes the transport when the writer is collected; Java says so
    }

    /**
     * Starts the server and serves until the task is cancelled.
     *
     * @param port the port (0 for any free one)
     * @param started told the server once it listens (tests use it to learn the port)
     * @throws Exception if the port cannot be bound
     */
    public static void serve(int port, java.util.function.Consumer<Server> started) throws Exception {
        Server server = Streams.startServer(EchoServer::handleEcho, "127.0.0.1", port);
        System.out.println("serving on 127.0.0.1:" + server.port());
        started.accept(server);
        server.serveForever();
    }

    /**
     * @param args optional port
     * @throws Exception if the port cannot be bound
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8888;
        Asyncio.run(() -> serve(port, s -> { }));
    }
}
