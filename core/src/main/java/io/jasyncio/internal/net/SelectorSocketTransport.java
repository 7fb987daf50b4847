package io.jasyncio.internal.net;

import io.jasyncio.Future;
import io.jasyncio.internal.loop.SelectorEventLoop;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.BufferedProtocol;
import io.jasyncio.net.Protocol;
import io.jasyncio.net.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A TCP or Unix-domain stream socket driven by a selector: CPython's
 * {@code _SelectorSocketTransport}. It is its own selection-key attachment: the loop runs it as the
 * I/O handler when the socket is readable or writable.
 *
 * <p>Implementation overview:
 * <ul>
 *   <li><b>Reading</b>: one read per readiness event into the loop's shared direct read buffer
 *       ({@link SelectorNet}), handed to {@link Protocol#dataReceived(ByteBuffer)} as a reused
 *       read-only view (no copy, no allocation), or straight into a {@link BufferedProtocol}'s own
 *       buffer.
 *   <li><b>Writing</b>: {@link #write(ByteBuffer)} with nothing buffered sends at once (a direct
 *       buffer as it is; a heap one through the loop's direct scratch buffer, so the JDK's
 *       per-thread temporary buffers are never used), and copies only what the socket did not
 *       take into {@code pending}; the socket then waits for OP_WRITE, and each writable event
 *       sends as much of {@code pending} as the scratch buffer holds in one system call.
 *   <li><b>Interest ops</b> are recomputed by {@link #updateInterest()} from the state and
 *       changed only when they differ, so the steady state costs no {@code epoll_ctl}.
 * </ul>
 *
 * <p>Invariants (all fields loop-context only): {@code pendingBytes} is the sum of the remaining
 * bytes of {@code pending}, and {@code pending == null} iff it is 0; OP_WRITE is in the interest
 * set iff {@code pendingBytes > 0}; OP_READ iff started, not paused, not closing and no EOF read;
 * {@code connLost > 0} from the moment {@code connectionLost} is scheduled (later writes are
 * counted and dropped); {@code connectionMade} runs before anything else reaches the protocol, and
 * {@code connectionLost} runs exactly once, last.
 */
public final class SelectorSocketTransport implements Transport, Runnable {

    private static final System.Logger LOG = System.getLogger("io.jasyncio.net");
    /** As CPython's {@code constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES}. */
    private static final int LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;
    /** Smallest array allocated for buffered writes, so that small writes share arrays. */
    private static final int MIN_PENDING_CHUNK = 4096;

    private final SelectorEventLoop loop;
    private final SelectorNet net;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final SelectorServer server;
    private final SocketAddress peer;
    private final SocketAddress local;
    private Future<Void> waiter;
    private BaseProtocol protocol;
    private Protocol plain;
    private BufferedProtocol buffered;
    private Map<String, Object> extra;
    private int interest;
    private boolean started;
    private boolean paused;
    private boolean closing;
    private boolean eof;
    private boolean readEof;
    private int connLost;
    private ArrayDeque<ByteBuffer> pending;
    private long pendingBytes;
    private final WriteFlow flow;

    /**
     * Registers the connected channel and schedules {@code connectionMade} (then reading) for the
     * next iteration.
     *
     * @param loop the loop
     * @param channel a connected, non-blocking channel
     * @param protocol a {@link Protocol} or {@link BufferedProtocol}
     * @param waiter completed after {@code connectionMade}, or {@code null}
     * @param server the server that accepted the channel, or {@code null}
     * @throws IOException if the channel cannot be registered
     */
    SelectorSocketTransport(SelectorEventLoop loop, SocketChannel channel, BaseProtocol protocol, Future<Void> waiter,
            SelectorServer server) throws IOException {
        this.loop = loop;
        this.net = SelectorNet.of(loop);
        this.channel = channel;
        this.server = server;
        this.waiter = waiter;
        this.flow = new WriteFlow(loop, this);
        setProtocol(protocol);
        this.peer = channel.getRemoteAddress();
        this.local = channel.getLocalAddress();
        this.key = channel.register(loop.selector(), 0, this);
        if (server != null) {
            server.attach(this);
        }
        loop.callSoon(this::start);
    }

    private void start() {
        started = true;
        try {
            protocol.connectionMade(this);
        } catch (Throwable t) {
            Future<Void> w = waiter;
            waiter = null;
            fatalError(t, "Fatal error: protocol.connectionMade() call failed.");
            if (w != null && !w.done()) {
                w.setException(t);
            }
            return;
        }
        updateInterest();
        Future<Void> w = waiter;
        waiter = null;
        if (w != null && !w.done()) {
            w.setResult(null);
        }
    }

    // ---------------------------------------------------------------- I/O handler

    /** The selection key's handler: reads and/or writes, as the socket is ready. */
    @Override
    public void run() {
        int ready;
        try {
            ready = key.readyOps();
        } catch (CancelledKeyException e) {
            return;
        }
        try {
            if ((ready & SelectionKey.OP_READ) != 0 && (interest & SelectionKey.OP_READ) != 0) {
                readReady();
            }
            if ((ready & SelectionKey.OP_WRITE) != 0 && (interest & SelectionKey.OP_WRITE) != 0 && connLost == 0) {
                writeReady();
            }
        } catch (RuntimeException e) {
            fatalError(e, "Unexpected error in the socket transport's I/O handler");
        }
    }

    private void readReady() {
        if (connLost > 0) {
            return;
        }
        if (buffered != null) {
            readIntoProtocolBuffer();
            return;
        }
        ByteBuffer buf = net.readBuffer();
        buf.clear();
        int n;
        try {
            n = channel.read(buf);
        } catch (IOException e) {
            fatalError(Addresses.annotate(e, "reading from", peer), "Fatal read error on socket transport");
            return;
        }
        if (n > 0) {
            ByteBuffer view = net.readView();
            view.clear().limit(n);
            try {
                plain.dataReceived(view);
            } catch (Throwable t) {
                fatalError(t, "Fatal error: protocol.dataReceived() call failed.");
            }
        } else if (n < 0) {
            eofReceived();
        }
    }

    private void readIntoProtocolBuffer() {
        BufferedProtocol p = buffered;
        ByteBuffer buf;
        try {
            buf = p.getBuffer(-1);
            if (buf == null || !buf.hasRemaining()) {
                throw new IllegalStateException("getBuffer() returned an empty buffer");
            }
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.getBuffer() call failed.");
            return;
        }
        int n;
        try {
            n = channel.read(buf);
        } catch (IOException e) {
            fatalError(Addresses.annotate(e, "reading from", peer), "Fatal read error on socket transport");
            return;
        }
        if (n > 0) {
            try {
                p.bufferUpdated(n);
            } catch (Throwable t) {
                fatalError(t, "Fatal error: protocol.bufferUpdated() call failed.");
            }
        } else if (n < 0) {
            eofReceived();
        }
    }

    private void eofReceived() {
        readEof = true;
        boolean keepOpen;
        try {
            keepOpen = plain != null ? plain.eofReceived() : buffered.eofReceived();
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.eofReceived() call failed.");
            return;
        }
        if (keepOpen) {
            // Half-open: the protocol may still write, but nothing more can arrive.
            updateInterest();
        } else {
            close();
        }
    }

    private void writeReady() {
        if (pendingBytes == 0) {
            updateInterest();
            return;
        }
        ByteBuffer scratch = net.writeScratch();
        scratch.clear();
        for (ByteBuffer b : pending) {
            int k = Math.min(b.remaining(), scratch.remaining());
            scratch.put(scratch.position(), b, b.position(), k);
            scratch.position(scratch.position() + k);
            if (!scratch.hasRemaining()) {
                break;
            }
        }
        scratch.flip();
        int n;
        try {
            n = channel.write(scratch);
        } catch (IOException e) {
            fatalError(Addresses.annotate(e, "writing to", peer), "Fatal write error on socket transport");
            return;
        }
        consume(n);
        maybeResumeProtocol(); // may write more
        if (pendingBytes == 0 && connLost == 0) {
            updateInterest();
            if (closing) {
                connLost++;
                callConnectionLost(null);
            } else if (eof) {
                shutdownOutput();
            }
        }
    }

    private void consume(int n) {
        pendingBytes -= n;
        while (n > 0) {
            ByteBuffer head = pending.peekFirst();
            int r = head.remaining();
            if (n >= r) {
                pending.pollFirst();
                n -= r;
            } else {
                head.position(head.position() + n);
                n = 0;
            }
        }
        if (pendingBytes == 0) {
            pending = null;
        }
    }

    private void updateInterest() {
        int ops = 0;
        if (started && !paused && !closing && !readEof) {
            ops = SelectionKey.OP_READ;
        }
        if (pendingBytes > 0) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (ops != interest) {
            interest = ops;
            if (key.isValid()) {
                try {
                    key.interestOps(ops);
                } catch (CancelledKeyException ignored) {
                    // closed under us: nothing more to watch
                }
            }
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void write(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (!data.hasRemaining()) {
            return;
        }
        if (connLost > 0) {
            if (connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
                LOG.log(System.Logger.Level.WARNING, "write() on a closed transport to " + Addresses.describe(peer)
                        + ": " + data.remaining() + " bytes dropped (" + connLost + " writes after close)");
            }
            connLost++;
            data.position(data.limit());
            return;
        }
        if (pendingBytes == 0) {
            try {
                writeNow(data);
            } catch (IOException e) {
                fatalError(Addresses.annotate(e, "writing to", peer), "Fatal write error on socket transport");
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            enqueue(data);
            updateInterest();
        } else {
            enqueue(data);
        }
        maybePauseProtocol();
    }

    /** Sends as much as the socket takes now; advances {@code data}'s position by that much. */
    private void writeNow(ByteBuffer data) throws IOException {
        if (data.isDirect()) {
            channel.write(data);
            return;
        }
        ByteBuffer scratch = net.writeScratch();
        while (data.hasRemaining()) {
            int chunk = Math.min(data.remaining(), scratch.capacity());
            scratch.clear();
            scratch.put(0, data, data.position(), chunk);
            scratch.limit(chunk);
            int w = channel.write(scratch);
            data.position(data.position() + w);
            if (w < chunk) {
                return;
            }
        }
    }

    /** Copies the rest of {@code data} to the end of {@code pending}. */
    private void enqueue(ByteBuffer data) {
        int len = data.remaining();
        if (pending == null) {
            pending = new ArrayDeque<>(4);
        }
        ByteBuffer tail = pending.peekLast();
        if (tail != null && tail.capacity() - tail.limit() >= len) {
            int at = tail.limit();
            tail.limit(at + len);
            tail.put(at, data, data.position(), len);
        } else {
            ByteBuffer b = ByteBuffer.allocate(Math.max(len, MIN_PENDING_CHUNK));
            b.put(0, data, data.position(), len);
            b.limit(len);
            pending.addLast(b);
        }
        data.position(data.limit());
        pendingBytes += len;
    }

    @Override
    public void writeEof() {
        if (closing || eof) {
            return;
        }
        eof = true;
        if (pendingBytes == 0) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fatalError(Addresses.annotate(e, "half-closing the connection to", peer),
                    "Fatal error on socket transport shutdownOutput");
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        flow.setLimits(high, low);
        maybePauseProtocol();
    }

    @Override
    public int[] getWriteBufferLimits() {
        return flow.limits();
    }

    @Override
    public long getWriteBufferSize() {
        return pendingBytes;
    }

    private void maybePauseProtocol() {
        flow.grew(pendingBytes, protocol);
    }

    private void maybeResumeProtocol() {
        flow.shrank(pendingBytes, protocol);
    }

    // ---------------------------------------------------------------- reading control

    @Override
    public boolean isReading() {
        return !paused && !closing;
    }

    @Override
    public void pauseReading() {
        if (!isReading()) {
            return;
        }
        paused = true;
        updateInterest();
    }

    @Override
    public void resumeReading() {
        if (closing || !paused) {
            return;
        }
        paused = false;
        updateInterest();
    }

    // ---------------------------------------------------------------- closing

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        updateInterest();
        if (pendingBytes == 0) {
            connLost++;
            loop.callSoon(() -> callConnectionLost(null));
        }
    }

    @Override
    public void abort() {
        forceClose(null);
    }

    /**
     * Reports an error (unless it is an I/O error of the connection, which only its protocol hears
     * about, as in CPython) and closes at once with it.
     */
    private void fatalError(Throwable exc, String message) {
        if (exc instanceof VirtualMachineError vm && !(exc instanceof StackOverflowError)) {
            throw vm;
        }
        if (!(exc instanceof IOException) || loop.getDebug()) {
            TransportSupport.report(loop, exc, message, this, protocol);
        }
        forceClose(exc);
    }

    private void reportCallbackError(Throwable t, String message) {
        TransportSupport.report(loop, t, message, this, protocol);
    }

    private void forceClose(Throwable exc) {
        if (connLost > 0) {
            return;
        }
        pending = null;
        pendingBytes = 0;
        closing = true;
        connLost++;
        updateInterest();
        loop.callSoon(() -> callConnectionLost(exc));
    }

    private void callConnectionLost(Throwable exc) {
        try {
            protocol.connectionLost(exc);
        } catch (Throwable t) {
            reportCallbackError(t, "Exception in protocol.connectionLost()");
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: the socket is gone either way
            }
            loop.requestPoll();
            if (server != null) {
                server.detach(this);
            }
        }
    }

    // ---------------------------------------------------------------- the rest

    @Override
    public Object getExtraInfo(String name, Object defaultValue) {
        Object v = switch (name) {
            case "peername" -> peer;
            case "sockname" -> local;
            case "socket" -> channel;
            default -> extra == null ? null : extra.get(name);
        };
        return v != null ? v : defaultValue;
    }

    /**
     * Adds an extra-info entry (for layers such as TLS).
     *
     * @param name the key
     * @param value the value
     */
    public void putExtraInfo(String name, Object value) {
        if (extra == null) {
            extra = new HashMap<>(4);
        }
        extra.put(name, value);
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        if (protocol instanceof BufferedProtocol b) {
            this.buffered = b;
            this.plain = null;
        } else if (protocol instanceof Protocol p) {
            this.plain = p;
            this.buffered = null;
        } else {
            TransportSupport.requireStreamProtocol(protocol);
        }
        this.protocol = protocol;
    }

    @Override
    public BaseProtocol getProtocol() {
        return protocol;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<SelectorSocketTransport");
        if (connLost > 0 && !channel.isOpen()) {
            sb.append(" closed");
        } else if (closing) {
            sb.append(" closing");
        }
        sb.append(" peer=").append(Addresses.describe(peer));
        sb.append(" read=").append(isReading() ? "polling" : "idle");
        sb.append(" write=<").append(pendingBytes > 0 ? "polling" : "idle").append(", bufsize=")
                .append(pendingBytes).append(">>");
        return sb.toString();
    }
}
