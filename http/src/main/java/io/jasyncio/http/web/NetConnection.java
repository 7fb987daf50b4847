package io.jasyncio.http.web;

import io.jasyncio.net.BaseTransport;
import io.jasyncio.net.Protocol;
import io.jasyncio.net.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * Joins a socket to an {@link HttpServerProtocol}: it is the {@link Protocol} the loop's server
 * gives each accepted connection, and the {@link HttpTransport} the HTTP protocol writes to. One
 * object per connection, with no logic of its own but {@link #sendFile}.
 *
 * <p>{@link #sendFile} uses {@link FileChannel#transferTo} straight into the socket (the kernel's
 * sendfile, no copy through the heap) when the transport has nothing buffered, so the bytes cannot
 * overtake earlier writes, and the connection is a plain TCP or Unix socket (not TLS). When the
 * socket is full it returns 0 and the caller continues through the transport's buffer.
 *
 * <p>Loop-confined, as every transport and protocol.
 */
final class NetConnection implements Protocol, HttpTransport {

    private final HttpServerProtocol http;
    private Transport transport;

    NetConnection(HttpServerProtocol http) {
        this.http = http;
    }

    // ---------------------------------------------------------------- Protocol (from the socket)

    @Override
    public void connectionMade(BaseTransport t) {
        transport = (Transport) t;
        http.connectionMade(this);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        http.dataReceived(data);
    }

    @Override
    public boolean eofReceived() {
        return http.eofReceived();
    }

    @Override
    public void connectionLost(Throwable exc) {
        http.connectionLost(exc);
    }

    @Override
    public void pauseWriting() {
        http.pauseWriting();
    }

    @Override
    public void resumeWriting() {
        http.resumeWriting();
    }

    // ---------------------------------------------------------------- HttpTransport (to the socket)

    @Override
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    @Override
    public long sendFile(FileChannel file, long position, long count) throws IOException {
        if (transport.isClosing() || transport.getWriteBufferSize() != 0
                || transport.getExtraInfo("sslcontext") != null
                || !(transport.getExtraInfo("socket") instanceof SocketChannel socket)) {
            return -1;
        }
        return file.transferTo(position, count, socket);
    }

    @Override
    public void pauseReading() {
        transport.pauseReading();
    }

    @Override
    public void resumeReading() {
        transport.resumeReading();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public void abort() {
        transport.abort();
    }

    @Override
    public boolean isClosing() {
        return transport.isClosing();
    }

    @Override
    public SocketAddress remoteAddress() {
        return transport.getExtraInfo("peername") instanceof SocketAddress a ? a : null;
    }

    @Override
    public SocketAddress localAddress() {
        return transport.getExtraInfo("sockname") instanceof SocketAddress a ? a : null;
    }

    @Override
    public boolean isSecure() {
        return transport.getExtraInfo("sslcontext") != null;
    }
}
