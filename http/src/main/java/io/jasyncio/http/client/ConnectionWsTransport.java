package io.jasyncio.http.client;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.http.ws.WebSocketConnection;
import io.jasyncio.http.ws.WsTransport;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The {@link WsTransport} of a client WebSocket: a {@link ClientConnection} taken from the pool
 * after the 101 answer. A reader task pulls bytes from the connection and feeds them to the
 * WebSocket (first the bytes that came with the 101 head), waits while reading is paused, and
 * reports the end of stream or the failure. Closing gives the pool slot back and closes the
 * connection (after the queued bytes are sent); it never goes back to the idle pool.
 *
 * <p>Invariants: the lease is released exactly once, by {@link #close()} or when the reader
 * ends; the WebSocket is told of the end exactly once (it ignores repeats). Loop-confined.
 */
final class ConnectionWsTransport implements WsTransport {

    private static final int READ_SIZE = 64 * 1024;

    private final EventLoop loop;
    private final UpgradedConnection upgraded;
    private final ClientConnection connection;
    private WebSocketConnection ws;
    private Task<Void> reader;
    private boolean paused;
    private Future<Void> resumed;
    private boolean closed;
    private IOException writeFailure;

    ConnectionWsTransport(EventLoop loop, UpgradedConnection upgraded) {
        this.loop = loop;
        this.upgraded = upgraded;
        this.connection = upgraded.take();
    }

    /** Starts the reader task for {@code ws}. */
    void start(WebSocketConnection ws) {
        this.ws = ws;
        reader = loop.createTask(this::readLoop, "ws-reader " + upgraded.lease.key);
    }

    private void readLoop() {
        Throwable failure = null;
        try {
            if (upgraded.unparsed.hasRemaining()) {
                ws.feed(upgraded.unparsed);
            }
            while (!closed) {
                while (paused && !closed) {
                    resumed = loop.createFuture();
                    Asyncio.await(resumed);
                }
                if (closed) {
                    break;
                }
                byte[] data = connection.read(READ_SIZE);
                if (data.length == 0) {
                    ws.feedEof();
                    break;
                }
                ws.feed(ByteBuffer.wrap(data));
            }
        } catch (IOException e) {
            if (!closed) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } catch (Exception e) {
            failure = e;
            throw new IllegalStateException(e);
        } finally {
            closed = true;
            upgraded.release();
            ws.connectionLost(failure);
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (closed || writeFailure != null) {
            data.position(data.limit());
            return;
        }
        try {
            connection.write(data);
        } catch (IOException e) {
            writeFailure = e;
            data.position(data.limit());
        }
    }

    @Override
    public void drain() throws IOException {
        if (writeFailure != null) {
            throw writeFailure;
        }
        if (closed) {
            throw new IOException("the WebSocket connection is closed");
        }
        connection.drain();
    }

    @Override
    public void pauseReading() {
        paused = true;
    }

    @Override
    public void resumeReading() {
        paused = false;
        wakeReader();
    }

    private void wakeReader() {
        Future<Void> r = resumed;
        resumed = null;
        if (r != null && !r.done()) {
            r.setResult(null);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        upgraded.release(); // closes the connection once its queued bytes are out
        wakeReader();
        if (reader != null && !reader.done() && reader != Task.currentOrNull()) {
            reader.cancel();
        }
    }

    @Override
    public void abort() {
        close();
    }

    @Override
    public String toString() {
        return "ConnectionWsTransport[" + connection + (closed ? ", closed" : "") + "]";
    }
}
