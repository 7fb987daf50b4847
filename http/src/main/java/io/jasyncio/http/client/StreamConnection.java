package io.jasyncio.http.client;

import io.jasyncio.net.Connection;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamWriter;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link ClientConnection} over the network layer's streams ({@code Streams.openConnection}):
 * writes go to the {@link StreamWriter} (whose transport copies what it cannot send at once),
 * reads come from the {@link StreamReader}, both cancel-safe. The reader's buffer limit bounds
 * memory per connection; the transport stops reading from the socket above it.
 *
 * <p>Loop-confined.
 */
final class StreamConnection implements ClientConnection {

    private final StreamReader reader;
    private final StreamWriter writer;

    StreamConnection(Connection c) {
        this.reader = c.reader();
        this.writer = c.writer();
    }

    @Override
    public void write(ByteBuffer data) throws IOException {
        if (writer.isClosing()) {
            Throwable e = reader.exception();
            throw new IOException("the connection is closed" + (e == null ? "" : ": " + e.getMessage()), e);
        }
        writer.write(data);
    }

    @Override
    public void drain() throws IOException {
        writer.drain();
    }

    @Override
    public byte[] read(int maxBytes) throws IOException {
        return reader.read(maxBytes);
    }

    /** Upgrades to TLS (a proxy tunnel to an {@code https} server); the handshake is done on return. */
    void startTls(io.jasyncio.net.TlsOptions tls) throws IOException {
        writer.startTls(tls);
    }

    @Override
    public boolean isReusable() {
        return !writer.isClosing() && reader.exception() == null && !reader.atEof() && reader.buffered() == 0;
    }

    @Override
    public void close() {
        writer.close();
    }

    @Override
    public String toString() {
        return "StreamConnection[" + writer + "]";
    }
}
