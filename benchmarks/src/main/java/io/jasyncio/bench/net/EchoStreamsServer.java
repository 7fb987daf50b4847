package io.jasyncio.bench.net;

import io.jasyncio.Asyncio;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Streams;
import java.io.IOException;

/**
 * The echo server of the peer benchmark in streams mode: {@code reader.read(65536)} →
 * {@code writer.write} → {@code writer.drain()}, one task per connection, as the harness's
 * {@code asyncio-streams} row. Args: {@code PORT [THREADS]}; binds 127.0.0.1; one loop thread by
 * default (with THREADS &gt; 1, one loop per thread, each with its own SO_REUSEPORT listener).
 * TCP_NODELAY on accepted sockets (the default). Exits on SIGTERM (the JVM's default).
 */
public final class EchoStreamsServer {

    private EchoStreamsServer() {
    }

    static void echo(StreamReader reader, StreamWriter writer) {
        try {
            while (true) {
                byte[] data = reader.read(65536);
                if (data.length == 0) {
                    break;
                }
                writer.write(data);
                writer.drain();
            }
        } catch (IOException peerGone) {
            // a load client that resets is not an error worth a log line here
        }
        writer.close();
    }

    /**
     * @param args {@code PORT [THREADS]}
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Loops.runOnLoops(threads, reusePort -> {
            Server server = Streams.startServer(EchoStreamsServer::echo, "127.0.0.1", port,
                    ServerOptions.defaults().backlog(1024).reusePort(reusePort));
            System.out.println("jasyncio streams echo on 127.0.0.1:" + server.port() + " (" + threads + " loop"
                    + (threads == 1 ? "" : "s") + ", engine " + Asyncio.getRunningLoop().engineName() + ")");
            server.serveForever();
        });
    }
}
