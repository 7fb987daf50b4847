package io.jasyncio.http.web;

import io.jasyncio.http.ws.WsTransport;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The {@link WsTransport} of a server WebSocket: the connection's {@link HttpTransport} after the
 * 101 answer, with the flow control of its {@link HttpServerProtocol} ({@code drain} waits while
 * the transport is above its high-water mark and fails once the connection is closing or lost).
 *
 * <p>Loop-confined.
 */
final class UpgradedTransport implements WsTransport {

    private final HttpServerProtocol conn;
    private final HttpTransport transport;

    UpgradedTransport(HttpServerProtocol conn) {
        this.conn = conn;
        this.transport = conn.transport();
    }

    @Override
    public void write(ByteBuffer data) {
        if (transport.isClosing()) {
            data.position(data.limit());
            return;
        }
        transport.write(data);
    }

    @Override
    public void drain() throws IOException {
        if (transport.isClosing()) {
            throw new java.net.SocketException("the connection is closed");
        }
        conn.drainIfPaused();
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
}
