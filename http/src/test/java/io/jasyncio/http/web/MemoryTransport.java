package io.jasyncio.http.web;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * An in-memory {@link HttpTransport} for driving an {@link HttpServerProtocol} with raw bytes:
 * the test plays the client ({@link #receive}, {@link #receiveEof}, {@link #reset}) and reads
 * everything the server wrote ({@link #output()}). It behaves as asyncio's socket transport does:
 * no delivery while reading is paused (bytes wait and are delivered on resume), and
 * {@code connectionLost} comes in a later loop callback after {@code close()}/{@code abort()}.
 * Write back-pressure is simulated on demand ({@link #blockWrites()}). Loop-confined.
 */
final class MemoryTransport implements HttpTransport {

    private final EventLoop loop;
    private final HttpServerProtocol protocol;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ArrayDeque<byte[]> inbox = new ArrayDeque<>();
    private final Future<Void> closed;
    private boolean closing;
    private boolean aborted;
    private boolean readingPaused;
    private boolean eofWaiting;
    private boolean writesBlocked;
    private int pauseCount;

    MemoryTransport(EventLoop loop, HttpServerProtocol protocol) {
        this.loop = loop;
        this.protocol = protocol;
        this.closed = loop.createFuture();
    }

    // ---------------------------------------------------------------- HttpTransport (server side)

    @Override
    public void write(ByteBuffer data) {
        if (closing) {
            data.position(data.limit());
            return;
        }
        byte[] b = new byte[data.remaining()];
        data.get(b);
        out.writeBytes(b);
        if (writesBlocked) {
            protocol.pauseWriting();
        }
    }

    @Override
    public void pauseReading() {
        if (!readingPaused) {
            pauseCount++;
        }
        readingPaused = true;
    }

    @Override
    public void resumeReading() {
        if (!readingPaused) {
            return;
        }
        readingPaused = false;
        loop.callSoon(this::deliver);
    }

    @Override
    public void close() {
        shut(false);
    }

    @Override
    public void abort() {
        shut(true);
    }

    private void shut(boolean abort) {
        if (closing) {
            return;
        }
        closing = true;
        aborted = abort;
        loop.callSoon(() -> {
            protocol.connectionLost(null);
            closed.setResult(null);
        });
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public SocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 50000);
    }

    @Override
    public SocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 8080);
    }

    // ---------------------------------------------------------------- the client side

    /** The client sends bytes (held while reading is paused). */
    void receive(byte[] bytes) {
        if (closing) {
            return;
        }
        if (readingPaused || !inbox.isEmpty()) {
            inbox.add(bytes);
            return;
        }
        protocol.dataReceived(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
    }

    void receive(String latin1) {
        receive(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The client half-closes. */
    void receiveEof() {
        if (closing) {
            return;
        }
        if (readingPaused || !inbox.isEmpty()) {
            eofWaiting = true;
            return;
        }
        protocol.eofReceived();
    }

    /** The client resets the connection. */
    void reset() {
        if (closed.done()) {
            return;
        }
        closing = true;
        protocol.connectionLost(new SocketException("Connection reset by peer"));
        if (!closed.done()) {
            closed.setResult(null);
        }
    }

    private void deliver() {
        while (!readingPaused && !closing && !inbox.isEmpty()) {
            protocol.dataReceived(ByteBuffer.wrap(inbox.poll()).asReadOnlyBuffer());
        }
        if (!readingPaused && !closing && inbox.isEmpty() && eofWaiting) {
            eofWaiting = false;
            protocol.eofReceived();
        }
    }

    /** From now on, every write makes the protocol pause writing, as a full socket buffer would. */
    void blockWrites() {
        writesBlocked = true;
    }

    /** The socket buffer drained. */
    void unblockWrites() {
        writesBlocked = false;
        protocol.resumeWriting();
    }

    // ---------------------------------------------------------------- inspection

    String output() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    byte[] outputBytes() {
        return out.toByteArray();
    }

    boolean isClosed() {
        return closed.done();
    }

    boolean wasAborted() {
        return aborted;
    }

    boolean isReadingPaused() {
        return readingPaused;
    }

    int pauseCount() {
        return pauseCount;
    }

    Future<Void> closedFuture() {
        return closed;
    }
}
