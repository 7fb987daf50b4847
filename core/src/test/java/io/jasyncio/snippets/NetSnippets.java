package io.jasyncio.snippets;

import static io.jasyncio.Asyncio.run;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.BaseTransport;
import io.jasyncio.net.BufferedProtocol;
import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.Connection;
import io.jasyncio.net.ConnectionHandler;
import io.jasyncio.net.DatagramOptions;
import io.jasyncio.net.DatagramProtocol;
import io.jasyncio.net.DatagramTransport;
import io.jasyncio.net.IncompleteReadError;
import io.jasyncio.net.LimitOverrunError;
import io.jasyncio.net.Protocol;
import io.jasyncio.net.ReadTransport;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamReaderProtocol;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Streams;
import io.jasyncio.net.TlsOptions;
import io.jasyncio.net.Transport;
import io.jasyncio.net.TransportAndProtocol;
import io.jasyncio.net.WriteTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The examples in the Javadoc of package {@code io.jasyncio.net}; {@code NetSnippetsTest} runs
 * them on the loopback interface.
 */
public final class NetSnippets {

    private NetSnippets() {
    }

    static String streams() throws Exception {
        return run(() -> {
            // @start region="streams"
            // The echo server of the asyncio docs, line for line:
            ConnectionHandler echo = (reader, writer) -> {
                byte[] data = reader.read(100);
                writer.write(data);
                writer.drain();
                writer.close();
                writer.waitClosed();
            };
            Server server = Streams.startServer(echo, "127.0.0.1", 0);   // 0: any free port
            // server.serveForever() would serve until cancelled; here a client talks to it:
            try (Connection conn = Streams.openConnection("127.0.0.1", server.port())) {
                StreamWriter writer = conn.writer();
                StreamReader reader = conn.reader();
                writer.write("Hello World!".getBytes(StandardCharsets.UTF_8));
                writer.drain();          // suspends only while more than the high-water mark is buffered
                byte[] reply = reader.read(100);
                return new String(reply, StandardCharsets.UTF_8);
            } finally {
                server.close();
                server.waitClosed();
            }
            // @end
        });
    }

    static String lines() throws Exception {
        return run(() -> {
            Server server = Streams.startServer((r, w) -> {
                w.write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
                w.close();
            }, "127.0.0.1", 0);
            int port = server.port();
            try {
                // @start region="reader"
                Connection conn = Streams.openConnection("127.0.0.1", port);
                StreamReader reader = conn.reader();
                StringBuilder text = new StringBuilder();
                while (true) {
                    byte[] line = reader.readLine();       // up to and including '\n'
                    if (line.length == 0) {
                        break;                              // end of stream
                    }
                    text.append(new String(line, StandardCharsets.UTF_8));
                }
                conn.close();
                // @end
                return text.toString();
            } finally {
                server.close();
            }
        });
    }

    static String options() throws Exception {
        return run(() -> {
            // @start region="serverOptions"
            ServerOptions listen = ServerOptions.defaults()
                    .backlog(1024)
                    .reuseAddress(true)
                    .noDelay(true);
            Server server = Streams.startServer((reader, writer) -> {
                writer.write(reader.readLine());
                writer.close();
            }, "127.0.0.1", 0, listen);
            // @end
            try {
                // @start region="connectOptions"
                ConnectOptions dial = ConnectOptions.defaults()
                        .connectTimeout(Duration.ofSeconds(5))   // a ConnectException or timeout after that
                        .noDelay(true);
                try (Connection conn = Streams.openConnection("127.0.0.1", server.port(), dial)) {
                    conn.writer().write("ping\n".getBytes(StandardCharsets.US_ASCII));
                    return new String(conn.reader().readLine(), StandardCharsets.US_ASCII);
                }
                // @end
            } finally {
                server.close();
            }
        });
    }

    // @start region="protocol"
    /** Echoes every byte back: Python's EchoServerProtocol. */
    static final class Echo implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(BaseTransport t) {
            transport = (Transport) t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);          // writes straight from the loop's buffer
        }
    }

    /** Sends one message and completes a future with the reply. */
    static final class Client implements Protocol {
        final Future<String> reply;

        Client(Future<String> reply) {
            this.reply = reply;
        }

        @Override
        public void connectionMade(BaseTransport t) {
            ((WriteTransport) t).write("Hello World!".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void dataReceived(byte[] data) {    // a fresh array, as Python's bytes
            reply.setResult(new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void connectionLost(Throwable exc) {
            if (!reply.done()) {
                reply.setException(exc != null ? exc : new IOException("closed before the reply"));
            }
        }
    }

    static String echoOverProtocols() throws Exception {
        EventLoop loop = Asyncio.getRunningLoop();
        Server server = loop.createServer(Echo::new, "127.0.0.1", 0);
        Future<String> reply = loop.createFuture();
        TransportAndProtocol<Transport, Client> client =
                loop.createConnection(() -> new Client(reply), "127.0.0.1", server.port());
        try {
            return Asyncio.await(reply);
        } finally {
            client.transport().close();
            server.close();
        }
    }
    // @end

    static String protocols() throws Exception {
        return run(NetSnippets::echoOverProtocols);
    }

    // @start region="flowControl"
    /** Stops reading while its consumer is behind, and follows the transport's write buffer. */
    static final class Forwarder implements Protocol {
        private Transport transport;
        private boolean writable = true;

        @Override
        public void connectionMade(BaseTransport t) {
            transport = (Transport) t;
            transport.setWriteBufferLimits(64 * 1024, 16 * 1024);   // high and low water marks
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
            if (!writable) {
                ReadTransport reading = transport;
                reading.pauseReading();         // stop taking input until the output drains
            }
        }

        @Override
        public void pauseWriting() {            // the write buffer went above the high mark
            writable = false;
        }

        @Override
        public void resumeWriting() {           // and drained below the low mark
            writable = true;
            transport.resumeReading();
        }
    }
    // @end

    static String flowControl() throws Exception {
        return run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Server server = loop.createServer(Forwarder::new, "127.0.0.1", 0);
            try (Connection conn = Streams.openConnection("127.0.0.1", server.port())) {
                conn.writer().write("abc\n".getBytes(StandardCharsets.US_ASCII));
                return new String(conn.reader().readLine(), StandardCharsets.US_ASCII);
            } finally {
                server.close();
            }
        });
    }

    // @start region="bufferedProtocol"
    /** Counts the bytes of a connection, reading into its own buffer: no copy per read. */
    static final class ByteCounter implements BufferedProtocol {
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        final Future<Long> total;
        private long count;

        ByteCounter(Future<Long> total) {
            this.total = total;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return buffer.clear();               // the transport reads into this
        }

        @Override
        public void bufferUpdated(int nbytes) {
            count += nbytes;                     // buffer[0, nbytes) holds the new bytes
        }

        @Override
        public void connectionLost(Throwable exc) {
            total.setResult(count);
        }
    }
    // @end

    static long bufferedProtocol() throws Exception {
        return run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Long> total = loop.createFuture();
            Server server = loop.createServer(() -> new ByteCounter(total), "127.0.0.1", 0);
            try (Connection conn = Streams.openConnection("127.0.0.1", server.port())) {
                conn.writer().write(new byte[100_000]);
                conn.writer().drain();
            }
            long n = Asyncio.await(total);
            server.close();
            return n;
        });
    }

    // @start region="datagram"
    /** A UDP echo server: Python's EchoServerProtocol for datagrams. */
    static final class UdpEcho implements DatagramProtocol {
        private DatagramTransport transport;

        @Override
        public void connectionMade(BaseTransport t) {
            transport = (DatagramTransport) t;
        }

        @Override
        public void datagramReceived(byte[] data, SocketAddress addr) {
            transport.sendto(data, addr);        // straight back to the sender
        }
    }

    static String udpRoundTrip() throws Exception {
        EventLoop loop = Asyncio.getRunningLoop();
        TransportAndProtocol<DatagramTransport, UdpEcho> server = loop.createDatagramEndpoint(
                UdpEcho::new, new InetSocketAddress("127.0.0.1", 0), null,
                DatagramOptions.defaults().family(StandardProtocolFamily.INET));
        SocketAddress serverAddr = (SocketAddress) server.transport().getExtraInfo("sockname");

        Future<String> reply = loop.createFuture();
        DatagramProtocol receiver = new DatagramProtocol() {
            @Override
            public void datagramReceived(byte[] data, SocketAddress addr) {
                reply.setResult(new String(data, StandardCharsets.UTF_8));
            }
        };
        TransportAndProtocol<DatagramTransport, DatagramProtocol> client = loop.createDatagramEndpoint(
                () -> receiver, null, (InetSocketAddress) serverAddr);
        try {
            client.transport().sendto("ping".getBytes(StandardCharsets.UTF_8));   // to the connected peer
            return Asyncio.waitFor(reply, 5);
        } finally {
            client.close();
            server.close();
        }
    }
    // @end

    static String datagram() throws Exception {
        return run(NetSnippets::udpRoundTrip);
    }

    static List<String> readErrors() throws Exception {
        return run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            List<String> seen = new ArrayList<>();
            // @start region="incompleteRead"
            StreamReader reader = new StreamReader(loop);
            reader.feedData(new byte[] {1, 2, 3});
            reader.feedEof();                     // the peer stopped after three bytes
            try {
                byte[] header = reader.readExactly(8);
            } catch (IncompleteReadError e) {     // an EOFException
                seen.add("got " + e.partial().length + " of " + e.expected());
            }
            // @end
            // @start region="limitOverrun"
            StreamReader small = new StreamReader(loop, 16);     // buffer at most 16 bytes
            small.feedData("a line far longer than sixteen bytes\n".getBytes(StandardCharsets.US_ASCII));
            try {
                small.readUntil("\n".getBytes(StandardCharsets.US_ASCII));
            } catch (LimitOverrunError e) {       // an IOException; the data stays buffered
                seen.add("separator beyond the limit, at " + e.consumed());
            }
            // @end
            return seen;
        });
    }

    static String streamReaderProtocol() throws Exception {
        return run(() -> {
            Server server = Streams.startServer((r, w) -> {
                w.write(r.readLine());
                w.close();
            }, "127.0.0.1", 0);
            int port = server.port();
            try {
                // @start region="streamReaderProtocol"
                // What Streams.openConnection does: a reader, a protocol that feeds it, and a writer.
                EventLoop loop = Asyncio.getRunningLoop();
                StreamReader reader = new StreamReader(loop);
                TransportAndProtocol<Transport, StreamReaderProtocol> tp =
                        loop.createConnection(() -> new StreamReaderProtocol(reader, loop), "127.0.0.1", port);
                StreamWriter writer = new StreamWriter(tp.transport(), tp.protocol(), reader, loop);
                writer.write("over a hand-made stream\n".getBytes(StandardCharsets.UTF_8));
                String echoed = new String(reader.readLine(), StandardCharsets.UTF_8);
                writer.close();
                // @end
                return echoed;
            } finally {
                server.close();
            }
        });
    }

    /** Needs the network: compiled, not run. */
    static String tls() throws Exception {
        // @start region="tls"
        TlsOptions tls = TlsOptions.defaults()                  // the JDK's trust store; verification on
                .alpnProtocols("http/1.1")
                .handshakeTimeout(Duration.ofSeconds(10));
        try (Connection conn = Streams.openConnection("example.com", 443, tls)) {
            conn.writer().write("HEAD / HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(conn.reader().readLine(), StandardCharsets.US_ASCII);   // "HTTP/1.1 200 OK"
        }
        // @end
    }
}
