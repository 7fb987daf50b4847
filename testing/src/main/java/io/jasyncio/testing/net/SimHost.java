package io.jasyncio.testing.net;

import io.jasyncio.EventLoop;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.Connection;
import io.jasyncio.net.ConnectionHandler;
import io.jasyncio.net.Server;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamReaderProtocol;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Transport;
import io.jasyncio.net.TransportAndProtocol;
import java.io.IOException;
import java.net.BindException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A named machine of a {@link SimNetwork}: it listens on ports and opens connections to other
 * hosts, with the loop's API ({@code createServer}/{@code createConnection}) and the streams API
 * ({@code startServer}/{@code openConnection}), so code written against either runs on it
 * unchanged: pass the host's methods where the code would call {@code loop.createServer} or
 * {@code Streams.openConnection}.
 *
 * <p><b>Invariants.</b> A port has at most one listening server; ports a host opens connections
 * from are taken from 49152 upwards and never reused. A crashed host stays down: it neither
 * listens nor answers, and its connections vanished. Loop-confined: call from tasks of the
 * network's loop.
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=simNetwork}
 */
public final class SimHost {

    private static final int FIRST_EPHEMERAL_PORT = 49152;

    private final SimNetwork net;
    private final String name;
    private final Map<Integer, SimServer> listeners = new HashMap<>();
    private int nextPort = FIRST_EPHEMERAL_PORT;
    private boolean down;

    SimHost(SimNetwork net, String name) {
        this.net = net;
        this.name = name;
    }

    /** @return the host's name, which other hosts connect to */
    public String name() {
        return name;
    }

    /** @return the network */
    public SimNetwork network() {
        return net;
    }

    /** @return whether {@link #crash()} was called */
    public boolean isDown() {
        return down;
    }

    // ---------------------------------------------------------------- listening

    /**
     * Listens on a port: {@code loop.createServer(protocolFactory, host, port)}. Each accepted
     * connection gets a new protocol from the factory. Serving at once; does not suspend.
     *
     * @param port the port, 1 to 65535, or 0 for a free one (see {@link Server#port()})
     * @param protocolFactory makes each connection's {@link io.jasyncio.net.Protocol}
     * @return the server
     * @throws BindException if the port is taken, naming it
     * @throws IllegalStateException if the host crashed
     */
    public Server listen(int port, Supplier<? extends BaseProtocol> protocolFactory) throws BindException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        net.checkLoop();
        checkUp();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port + " (on host '" + name + "')");
        }
        int p = port == 0 ? nextPort++ : port;
        if (listeners.containsKey(p)) {
            throw new BindException("Address already in use: " + name + ":" + p + " (simulated)");
        }
        SimServer server = new SimServer(this, p, protocolFactory);
        listeners.put(p, server);
        server.startServing();
        net.record("listen " + name + ":" + p);
        return server;
    }

    /**
     * Starts a streams server: {@code asyncio.start_server(handler, host, port)} on this host.
     * {@code handler} runs as a new task for each connection.
     *
     * @param handler the per-connection callback
     * @param port the port, or 0 for a free one
     * @return the server, serving
     * @throws BindException if the port is taken
     */
    public Server startServer(ConnectionHandler handler, int port) throws BindException {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = net.loop();
        return listen(port, () -> new StreamReaderProtocol(new StreamReader(loop), handler, loop));
    }

    void unbind(int port, SimServer server) {
        listeners.remove(port, server);
    }

    SimServer listener(int port) {
        SimServer s = listeners.get(port);
        return s != null && s.isServing() ? s : null;
    }

    // ---------------------------------------------------------------- connecting

    /**
     * Opens a connection: {@code loop.createConnection(protocolFactory, host, port)} from this host.
     * Suspends for the handshake (one round trip on the link); see {@link SimNetwork} for what a
     * refused, partitioned or unknown destination does.
     *
     * @param protocolFactory makes the connection's protocol
     * @param host the destination host's name
     * @param port its port
     * @param <P> the protocol type
     * @return the transport and protocol, after {@code connectionMade}
     * @throws IOException {@link java.net.ConnectException} when refused or timed out,
     *     {@link java.net.UnknownHostException} for a host the network does not have,
     *     {@link java.net.SocketTimeoutException} past the options' connect timeout
     */
    public <P extends BaseProtocol> TransportAndProtocol<Transport, P> createConnection(Supplier<P> protocolFactory,
            String host, int port, ConnectOptions options) throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        net.checkLoop();
        checkUp();
        return new SimDial<>(this, net.lookup(host), port, protocolFactory).run(options.connectTimeout());
    }

    /**
     * {@link #createConnection(Supplier, String, int, ConnectOptions)} with default options.
     *
     * @param protocolFactory makes the connection's protocol
     * @param host the destination host's name
     * @param port its port
     * @param <P> the protocol type
     * @return the transport and protocol
     * @throws IOException as the full form
     */
    public <P extends BaseProtocol> TransportAndProtocol<Transport, P> createConnection(Supplier<P> protocolFactory,
            String host, int port) throws IOException {
        return createConnection(protocolFactory, host, port, ConnectOptions.defaults());
    }

    /**
     * Opens a streams connection: {@code asyncio.open_connection(host, port)} from this host.
     *
     * @param host the destination host's name
     * @param port its port
     * @return the reader and writer
     * @throws IOException as {@link #createConnection(Supplier, String, int, ConnectOptions)}
     */
    public Connection openConnection(String host, int port) throws IOException {
        return openConnection(host, port, ConnectOptions.defaults());
    }

    /**
     * @param host the destination host's name
     * @param port its port
     * @param options the connect timeout and the reader's limit (other options do not apply)
     * @return the reader and writer
     * @throws IOException as {@link #createConnection(Supplier, String, int, ConnectOptions)}
     */
    public Connection openConnection(String host, int port, ConnectOptions options) throws IOException {
        EventLoop loop = net.loop();
        StreamReader reader = new StreamReader(loop, options.limit());
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, loop);
        TransportAndProtocol<Transport, StreamReaderProtocol> tp = createConnection(() -> protocol, host, port,
                options);
        return new Connection(reader, new StreamWriter(tp.transport(), protocol, reader, loop));
    }

    int ephemeralPort() {
        return nextPort++;
    }

    // ---------------------------------------------------------------- faults

    /**
     * Crashes the host: its servers close, every connection it has vanishes without a FIN (see
     * {@link SimConnection#vanish(String)}), and from now on connection attempts to it time out.
     */
    public void crash() {
        if (down) {
            return;
        }
        down = true;
        net.record("crash " + name);
        for (SimServer s : listeners.values().stream().toList()) {
            s.close();
        }
        for (SimConnection c : net.connections()) {
            if (c.involves(name)) {
                c.vanish(name);
            }
        }
    }

    private void checkUp() {
        if (down) {
            throw new IllegalStateException("host '" + name + "' crashed: it cannot listen or connect");
        }
    }

    @Override
    public String toString() {
        return "<SimHost " + name + (down ? " down" : "") + " listening on " + listeners.keySet() + ">";
    }
}
