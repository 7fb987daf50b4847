package io.jasyncio.cli;

import io.jasyncio.Asyncio;
import io.jasyncio.net.Server;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Streams;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jasyncio echo}: the seeds' TCP echo server, echoing every chunk until the client closes. */
@Command(name = "echo", mixinStandardHelpOptions = true, description = "Run the seeds' TCP echo server.")
final class EchoCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8888", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    static void handleEcho(StreamReader reader, StreamWriter writer) throws Exception {
        try {
            while (true) {
                byte[] data = reader.read(65536);
                if (data.length == 0) {
                    break;
                }
                writer.write(data);
                writer.drain();
            }
        } finally {
            writer.close();
        }
    }

    @Override
    public Integer call() throws Exception {
        Asyncio.run(() -> {
            Server server = Streams.startServer(EchoCommand::handleEcho, host, port);
            System.out.println("echo server on " + host + ":" + server.port());
            System.out.flush();
            server.serveForever();
        });
        return 0;
    }
}
