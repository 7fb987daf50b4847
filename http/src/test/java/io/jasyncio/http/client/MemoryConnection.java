package io.jasyncio.http.client;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Test harness: the client's side of an in-memory connection to a {@link FakeServer}. */
final class MemoryConnection implements ClientConnection {

    final BytePipe toServer;
    final BytePipe toClient;
    boolean closed;

    MemoryConnection(BytePipe toServer, BytePipe toClient) {
        this.toServer = toServer;
        this.toClient = toClient;
    }

    @Override
    public void write(ByteBuffer data) throws IOException {
        if (closed) {
            throw new IOException("connection closed");
        }
        if (toServer.failed()) {
            throw new IOException("Connection reset by peer");
        }
        byte[] b = new byte[data.remaining()];
        data.get(b);
        toServer.write(b);
    }

    @Override
    public void drain() throws IOException {
        if (toServer.failed()) {
            throw new IOException("Connection reset by peer");
        }
    }

    @Override
    public byte[] read(int maxBytes) throws IOException {
        if (closed) {
            throw new IOException("connection closed");
        }
        return toClient.read(maxBytes);
    }

    @Override
    public boolean isReusable() {
        return !closed && !toClient.closed() && !toClient.failed() && toClient.available() == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            toServer.close();
        }
    }
}
