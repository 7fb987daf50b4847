package io.jasyncio.net;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.internal.net.Addresses;
import io.jasyncio.internal.net.Awaits;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The adapter between a transport and a {@link StreamReader}/{@link StreamWriter} pair: Python's
 * {@code asyncio.StreamReaderProtocol} (with its private flow-control mixin folded in). It feeds
 * arriving bytes and the end of the stream to the reader, tracks write flow control for
 * {@link StreamWriter#drain()}, and, for a server, starts the {@link ConnectionHandler} as a task
 * when the connection is made. Callbacks run on the loop thread.
 *
 * <p>State machine of calls: {@code start -> connectionMade [-> dataReceived*] [-> eofReceived?]
 * -> connectionLost -> end}. After {@code connectionLost}, drains fail with the connection's error
 * (or a {@link SocketException} "Connection lost" naming the peer) and
 * {@link StreamWriter#waitClosed()} returns.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=streamReaderProtocol}
 */
public class StreamReaderProtocol implements Protocol {

    private final EventLoop loop;
    private StreamReader reader;
    private final ConnectionHandler handler;
    private final StreamReader handlerReader;
    private Transport transport;
    private boolean overTls;
    private boolean paused;
    private boolean lost;
    private Throwable lostException;
    private List<Future<Void>> drainWaiters;
    /** Made on the first waitClosed; done once the connection is lost. */
    private Future<Void> closed;

    /**
     * A protocol for a client connection ({@link Streams#openConnection}).
     *
     * @param reader the reader to feed
     * @param loop the loop
     */
    public StreamReaderProtocol(StreamReader reader, EventLoop loop) {
        this(reader, null, loop);
    }

    /**
     * A protocol for a server connection: {@code handler} runs as a task once the connection is made.
     *
     * @param reader the reader to feed
     * @param handler the per-connection callback, or {@code null}
     * @param loop the loop
     */
    public StreamReaderProtocol(StreamReader reader, ConnectionHandler handler, EventLoop loop) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.handlerReader = reader;
        this.handler = handler;
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public void connectionMade(BaseTransport t) {
        Transport tr = (Transport) t;
        this.transport = tr;
        StreamReader r = reader;
        if (r != null) {
            r.setTransport(tr);
        }
        overTls = tr.getExtraInfo("sslcontext") != null;
        if (handler != null) {
            StreamWriter writer = new StreamWriter(tr, this, handlerReader, loop);
            Task<Void> task = loop.createTask(() -> handler.handle(handlerReader, writer));
            task.addDoneCallback(done -> {
                if (done.cancelled()) {
                    tr.close();
                    return;
                }
                Throwable e = done.exception();
                if (e != null) {
                    loop.callExceptionHandler(Map.of(
                            "message", "Unhandled exception in client_connected_cb",
                            "exception", e,
                            "transport", tr));
                    tr.close();
                }
            });
        }
    }

    @Override
    public void connectionLost(Throwable exc) {
        StreamReader r = reader;
        if (r != null) {
            if (exc == null) {
                r.feedEof();
            } else {
                r.setException(exc);
            }
        }
        lost = true;
        lostException = exc;
        Future<Void> c = closed;
        if (c != null && !c.done()) {
            completeClosed(c);
        }
        if (paused && drainWaiters != null) {
            for (Future<Void> w : List.copyOf(drainWaiters)) {
                if (!w.done()) {
                    if (exc == null) {
                        w.setResult(null);
                    } else {
                        w.setException(exc);
                    }
                }
            }
        }
        reader = null;
    }

    private void completeClosed(Future<Void> c) {
        if (lostException == null) {
            c.setResult(null);
        } else {
            c.setException(lostException);
            c.exception(); // marked as retrieved: waitClosed may never be called
        }
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        StreamReader r = reader;
        if (r != null) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            r.feedData(copy);
        }
    }

    @Override
    public boolean eofReceived() {
        StreamReader r = reader;
        if (r != null) {
            r.feedEof();
        }
        // Over TLS, a half-closed connection cannot be kept: the TLS layer closes it.
        return !overTls;
    }

    @Override
    public void pauseWriting() {
        paused = true;
    }

    @Override
    public void resumeWriting() {
        paused = false;
        if (drainWaiters != null) {
            for (Future<Void> w : List.copyOf(drainWaiters)) {
                if (!w.done()) {
                    w.setResult(null);
                }
            }
        }
    }

    /** @return whether this is a server connection's protocol (it has a handler) */
    boolean isServerSide() {
        return handler != null;
    }

    /**
     * After {@code startTls}: the TLS transport replaces the socket's for flow control and the reader.
     *
     * @param t the new transport
     */
    void replaceTransport(Transport t) {
        transport = t;
        overTls = t.getExtraInfo("sslcontext") != null;
        StreamReader r = reader;
        if (r != null) {
            r.replaceTransport(t);
        }
    }

    /** @return the transport, once connected */
    protected Transport transport() {
        return transport;
    }

    /** Suspends while the transport's write buffer is above its high-water mark. */
    void drainHelper() throws IOException {
        if (lost) {
            if (lostException != null) {
                throw Awaits.rethrow(lostException);
            }
            throw new SocketException("Connection lost" + peerSuffix());
        }
        if (!paused) {
            return;
        }
        Future<Void> w = loop.createFuture();
        if (drainWaiters == null) {
            drainWaiters = new ArrayList<>(2);
        }
        drainWaiters.add(w);
        try {
            Awaits.await(w);
        } finally {
            drainWaiters.remove(w);
        }
    }

    /** @return a future done when the connection is lost (failed with its error, if any) */
    Future<Void> closeWaiter() {
        Future<Void> c = closed;
        if (c == null) {
            c = loop.createFuture();
            closed = c;
            if (lost) {
                completeClosed(c);
            }
        }
        return c;
    }

    private String peerSuffix() {
        Object peer = transport == null ? null : transport.getExtraInfo("peername");
        return peer == null ? "" : " (peer " + Addresses.describe(peer) + ")";
    }
}
