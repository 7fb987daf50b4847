package io.jasyncio.net;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Stream connections on the running loop: Python's {@code asyncio.open_connection},
 * {@code start_server}, {@code open_unix_connection} and {@code start_unix_server}. Every method
 * suspends the calling task and must be called from inside one.
 *
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=streams}
 */
public final class Streams {

    private Streams() {
    }

    /**
     * Opens a TCP connection: {@code asyncio.open_connection(host, port)}.
     *
     * @param host a host name or IP literal
     * @param port the port
     * @return the reader and writer
     * @throws IOException {@link java.net.ConnectException} naming host:port when refused, and so on
     */
    public static Connection openConnection(String host, int port) throws IOException {
        return openConnection(host, port, ConnectOptions.defaults());
    }

    /**
     * @param host a host name or IP literal
     * @param port the port
     * @param options timeout, local address, family, reader limit
     * @return the reader and writer
     * @throws IOException when the connection cannot be made
     */
    public static Connection openConnection(String host, int port, ConnectOptions options) throws IOException {
        EventLoop loop = Asyncio.getRunningLoop();
        StreamReader reader = new StreamReader(loop, options.limit());
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, loop);
        TransportAndProtocol<Transport, StreamReaderProtocol> tp = loop.createConnection(() -> protocol, host, port,
                options);
        return new Connection(reader, new StreamWriter(tp.transport(), protocol, reader, loop));
    }

    /**
     * Starts a TCP server: {@code asyncio.start_server(cb, host, port)}. {@code handler} runs as a
     * new task for each connection.
     *
     * @param handler the per-connection callback
     * @param host a host, or {@code null}/{@code ""} for all interfaces
     * @param port the port, 0 for any
     * @return the server, serving
     * @throws IOException when it cannot listen (a {@link java.net.BindException} naming the address)
     */
    public static Server startServer(ConnectionHandler handler, String host, int port) throws IOException {
        return startServer(handler, host, port, ServerOptions.defaults());
    }

    /**
     * @param handler the per-connection callback
     * @param host a host, or {@code null}/{@code ""} for all interfaces
     * @param port the port, 0 for any
     * @param options backlog, reuse options, reader limit, ...
     * @return the server
     * @throws IOException when it cannot listen
     */
    public static Server startServer(ConnectionHandler handler, String host, int port, ServerOptions options)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = Asyncio.getRunningLoop();
        int limit = options.limit();
        return loop.createServer(() -> new StreamReaderProtocol(new StreamReader(loop, limit), handler, loop), host,
                port, options);
    }

    /**
     * Connects to a Unix-domain socket: {@code asyncio.open_unix_connection(path)}.
     *
     * @param path the socket file
     * @return the reader and writer
     * @throws IOException when the connection cannot be made
     */
    public static Connection openUnixConnection(Path path) throws IOException {
        return openUnixConnection(path, ConnectOptions.defaults());
    }

    /**
     * @param path the socket file
     * @param options connect timeout and reader limit
     * @return the reader and writer
     * @throws IOException when the connection cannot be made
     */
    public static Connection openUnixConnection(Path path, ConnectOptions options) throws IOException {
        EventLoop loop = Asyncio.getRunningLoop();
        StreamReader reader = new StreamReader(loop, options.limit());
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, loop);
        TransportAndProtocol<Transport, StreamReaderProtocol> tp = loop.createUnixConnection(() -> protocol, path,
                options);
        return new Connection(reader, new StreamWriter(tp.transport(), protocol, reader, loop));
    }

    /**
     * Starts a Unix-domain socket server: {@code asyncio.start_unix_server(cb, path)}.
     *
     * @param handler the per-connection callback
     * @param path the socket file
     * @return the server, serving
     * @throws IOException when it cannot listen
     */
    public static Server startUnixServer(ConnectionHandler handler, Path path) throws IOException {
        return startUnixServer(handler, path, ServerOptions.defaults());
    }

    /**
     * @param handler the per-connection callback
     * @param path the socket file
     * @param options backlog, reader limit, cleanup
     * @return the server
     * @throws IOException when it cannot listen
     */
    public static Server startUnixServer(ConnectionHandler handler, Path path, ServerOptions options)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = Asyncio.getRunningLoop();
        int limit = options.limit();
        return loop.createUnixServer(() -> new StreamReaderProtocol(new StreamReader(loop, limit), handler, loop),
                path, options);
    }

    // ---- TLS

    /**
     * Opens a TLS connection: {@code asyncio.open_connection(host, port, ssl=context)}. The
     * server's certificate is verified with the context's trust managers, and its host name
     * against {@code host}.
     *
     * @param host a host name or IP literal (also the name checked and sent as SNI)
     * @param port the port
     * @param tls the context, for example {@code SSLContext.getDefault()}
     * @return the reader and writer, after the handshake
     * @throws IOException as the plain form, or a {@link javax.net.ssl.SSLHandshakeException}
     *     naming the host and the reason
     */
    public static Connection openConnection(String host, int port, SSLContext tls) throws IOException {
        return openConnection(host, port, ConnectOptions.defaults(), TlsOptions.of(tls));
    }

    /**
     * @param host a host name or IP literal
     * @param port the port
     * @param tls the TLS options (server host name, ALPN, timeouts...)
     * @return the reader and writer, after the handshake
     * @throws IOException when the connection or the handshake fails
     */
    public static Connection openConnection(String host, int port, TlsOptions tls) throws IOException {
        return openConnection(host, port, ConnectOptions.defaults(), tls);
    }

    /**
     * @param host a host name or IP literal
     * @param port the port
     * @param options timeout, local address, family, reader limit
     * @param tls the TLS options, or {@code null} for a plain connection
     * @return the reader and writer, after the handshake
     * @throws IOException when the connection or the handshake fails
     */
    public static Connection openConnection(String host, int port, ConnectOptions options, TlsOptions tls)
            throws IOException {
        EventLoop loop = Asyncio.getRunningLoop();
        StreamReader reader = new StreamReader(loop, options.limit());
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, loop);
        TransportAndProtocol<Transport, StreamReaderProtocol> tp = loop.createConnection(() -> protocol, host, port,
                options, tls);
        return new Connection(reader, new StreamWriter(tp.transport(), protocol, reader, loop));
    }

    /**
     * Starts a TLS server: {@code asyncio.start_server(cb, host, port, ssl=context)}. The handler
     * runs once a connection's handshake is done; failed handshakes only close their connection.
     *
     * @param handler the per-connection callback
     * @param host a host, or {@code null}/{@code ""} for all interfaces
     * @param port the port, 0 for any
     * @param tls the context, holding the server's key and certificate
     * @return the server, serving
     * @throws IOException when it cannot listen
     */
    public static Server startServer(ConnectionHandler handler, String host, int port, SSLContext tls)
            throws IOException {
        return startServer(handler, host, port, ServerOptions.defaults(), TlsOptions.of(tls));
    }

    /**
     * @param handler the per-connection callback
     * @param host a host, or {@code null}/{@code ""} for all interfaces
     * @param port the port, 0 for any
     * @param tls the TLS options (ALPN, timeouts, client authentication through the configurator...)
     * @return the server, serving
     * @throws IOException when it cannot listen
     */
    public static Server startServer(ConnectionHandler handler, String host, int port, TlsOptions tls)
            throws IOException {
        return startServer(handler, host, port, ServerOptions.defaults(), tls);
    }

    /**
     * @param handler the per-connection callback
     * @param host a host, or {@code null}/{@code ""} for all interfaces
     * @param port the port, 0 for any
     * @param options backlog, reuse options, reader limit, ...
     * @param tls the TLS options, or {@code null} for a plain server
     * @return the server
     * @throws IOException when it cannot listen
     */
    public static Server startServer(ConnectionHandler handler, String host, int port, ServerOptions options,
            TlsOptions tls) throws IOException {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = Asyncio.getRunningLoop();
        int limit = options.limit();
        return loop.createServer(() -> new StreamReaderProtocol(new StreamReader(loop, limit), handler, loop), host,
                port, options, tls);
    }

    /**
     * TLS over a Unix-domain socket: {@code asyncio.open_unix_connection(path, ssl=...,
     * server_hostname=...)}.
     *
     * @param path the socket file
     * @param options connect timeout and reader limit
     * @param tls the TLS options, naming the server host name to check (or not checking it)
     * @return the reader and writer, after the handshake
     * @throws IOException when the connection or the handshake fails
     */
    public static Connection openUnixConnection(Path path, ConnectOptions options, TlsOptions tls)
            throws IOException {
        EventLoop loop = Asyncio.getRunningLoop();
        StreamReader reader = new StreamReader(loop, options.limit());
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, loop);
        TransportAndProtocol<Transport, StreamReaderProtocol> tp = loop.createUnixConnection(() -> protocol, path,
                options, tls);
        return new Connection(reader, new StreamWriter(tp.transport(), protocol, reader, loop));
    }

    /**
     * A TLS server on a Unix-domain socket: {@code asyncio.start_unix_server(cb, path, ssl=...)}.
     *
     * @param handler the per-connection callback
     * @param path the socket file
     * @param options backlog, reader limit, cleanup
     * @param tls the TLS options, or {@code null} for plain
     * @return the server
     * @throws IOException when it cannot listen
     */
    public static Server startUnixServer(ConnectionHandler handler, Path path, ServerOptions options, TlsOptions tls)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = Asyncio.getRunningLoop();
        int limit = options.limit();
        return loop.createUnixServer(() -> new StreamReaderProtocol(new StreamReader(loop, limit), handler, loop),
                path, options, tls);
    }
}
