package io.jasyncio.net;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.internal.net.Awaits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The outgoing side of a stream connection: Python's {@code asyncio.StreamWriter}. It wraps a
 * {@link Transport}: {@link #write(byte[])} never suspends (the transport sends at once or
 * buffers), and {@link #drain()} is where a task waits for a slow peer.
 *
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=streams}
 *
 * <p><b>Threads.</b> Loop context only.
 *
 * <p><b>Errors.</b> Once the connection has failed, {@link #drain()} throws its error (an
 * {@link IOException} naming what happened); once it is closed, drain throws a
 * {@link java.net.SocketException} "Connection lost". Writes after the connection is lost are
 * dropped, as in CPython (see {@link WriteTransport}), so call {@code drain()} to notice.
 */
public class StreamWriter implements AutoCloseable {

    /** Replaced by {@link #startTls(TlsOptions)}. */
    private Transport transport;
    private final StreamReaderProtocol protocol;
    private final StreamReader reader;
    private final EventLoop loop;

    /**
     * Streams made by {@link Streams} come with their writer; this is for custom protocols.
     *
     * @param transport the transport to write to
     * @param protocol the transport's protocol, which tracks flow control
     * @param reader the same connection's reader, or {@code null}
     * @param loop the loop
     */
    public StreamWriter(Transport transport, StreamReaderProtocol protocol, StreamReader reader, EventLoop loop) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.reader = reader;
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** @return the underlying transport */
    public Transport transport() {
        return transport;
    }

    /** @return the loop */
    public EventLoop getLoop() {
        return loop;
    }

    /**
     * Sends bytes (or buffers them); never suspends. The caller may reuse the array at once.
     *
     * @param data the bytes
     */
    public void write(byte[] data) {
        transport.write(data);
    }

    /**
     * @param data an array holding the bytes
     * @param offset where they start
     * @param length how many
     */
    public void write(byte[] data, int offset, int length) {
        transport.write(data, offset, length);
    }

    /**
     * @param data the bytes between position and limit; the position advances to the limit
     */
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    /** @param pieces several byte arrays, written in order */
    public void writelines(List<byte[]> pieces) {
        transport.writelines(pieces);
    }

    /** @return whether {@link #writeEof()} is supported */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Half-closes: the peer reads end-of-file once the buffered bytes are sent. */
    public void writeEof() {
        transport.writeEof();
    }

    /** Closes the connection after the buffered bytes are sent; does not wait (see {@link #waitClosed()}). */
    @Override
    public void close() {
        transport.close();
    }

    /** @return whether the connection is closing or closed */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * Suspends until the connection is closed.
     *
     * @throws IOException the error the connection ended with, if it failed
     */
    public void waitClosed() throws IOException {
        Awaits.await(protocol.closeWaiter());
    }

    /**
     * @param name the key, such as {@code "peername"}
     * @return the transport's extra information
     */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /**
     * @param name the key
     * @param defaultValue returned when unknown
     * @return the transport's extra information
     */
    public Object getExtraInfo(String name, Object defaultValue) {
        return transport.getExtraInfo(name, defaultValue);
    }

    /**
     * Waits until it is appropriate to write more: suspends while the transport's buffer is above
     * its high-water mark, and returns at once otherwise.
     *
     * <p>Cancellation: cancel-safe; the buffered bytes stay buffered and are still sent.
     *
     * @throws IOException the connection's error (for example a reset, naming the peer), or
     *     "Connection lost" if it was closed
     */
    public void drain() throws IOException {
        throwReaderException();
        if (transport.isClosing()) {
            // Let connectionLost run, so that a write-drain loop sees the closed connection (and
            // its error, which CPython reports as a plain "Connection lost").
            Asyncio.sleep(0);
            throwReaderException();
        }
        protocol.drainHelper();
    }

    private void throwReaderException() throws IOException {
        if (reader != null) {
            Throwable exc = reader.exception();
            if (exc != null) {
                throw Awaits.rethrow(exc);
            }
        }
    }

    /**
     * Upgrades the connection to TLS: {@code writer.start_tls(sslcontext)}. Drains first, then
     * handshakes (as the TLS client for a connection this side opened, as the server for one a
     * server accepted); from then on this writer and the reader carry plaintext over TLS. A client
     * checks the server's host name only if given one: use {@link #startTls(TlsOptions)} with
     * {@link TlsOptions#serverHostname(String)}.
     *
     * @param context the context
     * @throws IOException a {@link javax.net.ssl.SSLHandshakeException} naming the peer and the
     *     reason; the connection is then closed
     */
    public void startTls(SSLContext context) throws IOException {
        startTls(TlsOptions.of(context));
    }

    /**
     * Upgrades the connection to TLS with the given options (see {@link #startTls(SSLContext)}).
     * Bytes the peer sent before its handshake and that the reader already holds stay plaintext in
     * the reader, as in CPython.
     *
     * @param tls the TLS options (a client that checks the host name needs
     *     {@link TlsOptions#serverHostname(String)})
     * @throws IOException a {@link javax.net.ssl.SSLHandshakeException} naming the peer and the
     *     reason; the connection is then closed
     */
    public void startTls(TlsOptions tls) throws IOException {
        Objects.requireNonNull(tls, "tls");
        drain();
        Transport upgraded = loop.startTls(transport, protocol, tls, protocol.isServerSide());
        transport = upgraded;
        protocol.replaceTransport(upgraded);
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + (reader != null ? " reader=" + reader : "") + ">";
    }
}
