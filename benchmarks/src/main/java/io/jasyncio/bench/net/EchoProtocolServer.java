package io.jasyncio.bench.net;

import io.jasyncio.Asyncio;
import io.jasyncio.net.BaseTransport;
import io.jasyncio.net.Protocol;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import io.jasyncio.net.Transport;
import java.nio.ByteBuffer;

/**
 * The echo server of the peer benchmark in protocol mode: {@code dataReceived} →
 * {@code transport.write}, as the harness's {@code uvloop-proto} row (the bytes are written
 * straight from the loop's read buffer, without a copy). Args: {@code PORT [THREADS]}; binds
 * 127.0.0.1; one loop thread by default. Exits on SIGTERM.
 */
public final class EchoProtocolServer {

    private EchoProtocolServer() {
    }

    /** Writes every chunk back. */
    static final class Echo implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(BaseTransport t) {
            transport = (Transport) t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    /**
     * @param args {@code PORT [THREADS]}
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Loops.runOnLoops(threads, reusePort -> {
            Server server = Asyncio.getRunningLoop().createServer(Echo::new, "127.0.0.1", port,
                    ServerOptions.defaults().backlog(1024).reusePort(reusePort));
            System.out.println("jasyncio protocol echo on 127.0.0.1:" + server.port() + " (" + threads + " loop"
                    + (threads == 1 ? "" : "s") + ", engine " + Asyncio.getRunningLoop().engineName() + ")");
            server.serveForever();
        });
    }
}
