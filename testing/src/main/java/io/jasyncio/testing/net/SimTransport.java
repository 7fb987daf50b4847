package io.jasyncio.testing.net;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.internal.net.Addresses;
import io.jasyncio.internal.net.TransportSupport;
import io.jasyncio.internal.net.WriteFlow;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.BufferedProtocol;
import io.jasyncio.net.Protocol;
import io.jasyncio.net.Transport;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One end of a simulated connection: a {@link Transport} with the selector transport's contract
 * (see {@code SelectorSocketTransport}), so that protocols and streams run on it unchanged.
 *
 * <p><b>Invariants</b> (loop-confined): {@code connectionMade} runs before anything else reaches
 * the protocol and {@code connectionLost} exactly once, last (scheduled with {@code callSoon});
 * once it is scheduled ({@code lost}), writes are dropped. {@code pauseWriting} is called when the
 * send buffer grows above the high-water mark and {@code resumeWriting} when it drains to the low
 * one, strictly alternating. {@link #close()} sends a FIN after the buffered bytes and ends the
 * transport when they are on the wire; {@link #abort()} drops them and sends an RST. Extra info:
 * {@code "peername"} and {@code "sockname"} (unresolved {@link InetSocketAddress}es whose host is
 * the simulated host's name), {@code "simconnection"} (the {@link SimConnection}); there is no
 * {@code "socket"}.
 */
final class SimTransport implements Transport {

    private static final System.Logger LOG = System.getLogger("io.jasyncio.testing.net");

    private final EventLoop loop;
    private final SimHost host;
    private final InetSocketAddress local;
    private final InetSocketAddress peer;
    private final SimServer server;
    private SimConnection conn;
    private SimPipe out;
    private SimPipe in;
    private BaseProtocol protocol;
    private boolean started;
    private boolean paused;
    private boolean closing;
    private boolean eof;
    private boolean lost;
    private boolean vanished;
    private int writesAfterLost;
    private final WriteFlow flow;

    SimTransport(SimHost host, InetSocketAddress local, InetSocketAddress peer, BaseProtocol protocol,
            SimServer server) {
        this.loop = host.network().loop();
        this.host = host;
        this.local = local;
        this.peer = peer;
        this.server = server;
        this.flow = new WriteFlow(loop, this);
        setProtocol(protocol);
        if (server != null) {
            server.attach(this);
        }
    }

    void wire(SimConnection c, SimPipe outgoing, SimPipe incoming) {
        this.conn = c;
        this.out = outgoing;
        this.in = incoming;
    }

    /**
     * Calls {@code connectionMade}, then delivers what already arrived.
     *
     * @param made completed once {@code connectionMade} returned (or failed), or {@code null}
     */
    void start(Future<Void> made) {
        if (lost) {
            if (made != null && !made.done()) {
                made.setException(new java.net.SocketException("Connection lost before it was made: " + this));
            }
            return;
        }
        started = true;
        try {
            protocol.connectionMade(this);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.connectionMade() call failed.");
            if (made != null && !made.done()) {
                made.setException(t);
            }
            return;
        }
        if (made != null && !made.done()) {
            made.setResult(null);
        }
        in.deliver();
    }

    SimHost host() {
        return host;
    }

    SimConnection connection() {
        return conn;
    }

    /** @return "host:port", for traces and messages */
    String describe() {
        return Addresses.describe(local);
    }

    // ---------------------------------------------------------------- receiving (called by the pipe)

    boolean canReceive() {
        return started && !paused && !closing && !lost && !vanished;
    }

    /** @return whether the transport ended normally: arriving data is answered with an RST */
    boolean isGone() {
        return lost && !vanished;
    }

    void receive(byte[] data) {
        try {
            if (protocol instanceof BufferedProtocol b) {
                receiveInto(b, data);
            } else {
                ((Protocol) protocol).dataReceived(ByteBuffer.wrap(data).asReadOnlyBuffer());
            }
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.dataReceived() call failed.");
        }
    }

    private static void receiveInto(BufferedProtocol b, byte[] data) {
        int at = 0;
        while (at < data.length) {
            ByteBuffer buf = b.getBuffer(data.length - at);
            if (buf == null || !buf.hasRemaining()) {
                throw new IllegalStateException("getBuffer() returned an empty buffer");
            }
            int n = Math.min(buf.remaining(), data.length - at);
            buf.put(data, at, n);
            at += n;
            b.bufferUpdated(n);
        }
    }

    void receiveEof() {
        boolean keepOpen;
        try {
            keepOpen = protocol instanceof Protocol p ? p.eofReceived() : ((BufferedProtocol) protocol).eofReceived();
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.eofReceived() call failed.");
            return;
        }
        if (!keepOpen) {
            close();
        }
    }

    /** Called by the outgoing pipe after it put bytes on the wire. */
    void sendProgress() {
        flow.shrank(out.sendBuffered(), protocol);
        if (closing && !lost && out.sendBuffered() == 0 && out.finQueued()) {
            lose(null);
        }
    }

    // ---------------------------------------------------------------- faults (called by the connection)

    /** Ends with {@code exc} at once: the connection was reset. */
    void reset(Exception exc) {
        forceClose(exc);
    }

    /** Goes away without a word to the peer: this side ends with {@code exc}, the peer hears nothing. */
    void vanish(Exception exc) {
        vanished = true;
        forceClose(exc);
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
        if (lost) {
            if (++writesAfterLost >= 5) {
                LOG.log(System.Logger.Level.WARNING, "write() on a closed simulated transport to "
                        + Addresses.describe(peer) + ": " + data.remaining() + " bytes dropped");
            }
            data.position(data.limit());
            return;
        }
        out.enqueue(data);
        flow.grew(out.sendBuffered(), protocol);
    }

    @Override
    public void writeEof() {
        if (closing || eof) {
            return;
        }
        eof = true;
        out.enqueueFin();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        flow.setLimits(high, low);
        if (!lost) {
            flow.grew(out.sendBuffered(), protocol);
        }
    }

    @Override
    public int[] getWriteBufferLimits() {
        return flow.limits();
    }

    @Override
    public long getWriteBufferSize() {
        return lost ? 0 : out.sendBuffered();
    }

    // ---------------------------------------------------------------- reading control

    @Override
    public boolean isReading() {
        return !paused && !closing;
    }

    @Override
    public void pauseReading() {
        if (isReading()) {
            paused = true;
        }
    }

    @Override
    public void resumeReading() {
        if (closing || !paused) {
            return;
        }
        paused = false;
        loop.callSoon(in::deliver);
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
        if (eof) {
            sendProgress();
        } else {
            out.enqueueFin();
        }
    }

    @Override
    public void abort() {
        abortWith(null);
    }

    /** Drops the buffered bytes, sends an RST, and ends with {@code exc}. */
    private void abortWith(Throwable exc) {
        if (!lost) {
            out.sendReset();
        }
        forceClose(exc);
    }

    private void forceClose(Throwable exc) {
        if (lost) {
            return;
        }
        closing = true;
        lose(exc);
    }

    private void lose(Throwable exc) {
        lost = true;
        loop.callSoon(() -> {
            try {
                if (started) { // a protocol that was never made hears nothing
                    protocol.connectionLost(exc);
                }
            } catch (Throwable t) {
                report(t, "Exception in protocol.connectionLost()");
            } finally {
                if (server != null) {
                    server.detach(this);
                }
            }
        });
    }

    private void fatalError(Throwable exc, String message) {
        report(exc, message);
        abortWith(exc);
    }

    private void report(Throwable t, String message) {
        TransportSupport.report(loop, t, message, this, protocol);
    }

    // ---------------------------------------------------------------- the rest

    @Override
    public Object getExtraInfo(String name, Object defaultValue) {
        Object v = switch (name) {
            case "peername" -> peer;
            case "sockname" -> local;
            case "simconnection" -> conn;
            default -> null;
        };
        return v != null ? v : defaultValue;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        this.protocol = TransportSupport.requireStreamProtocol(protocol);
    }

    @Override
    public BaseProtocol getProtocol() {
        return protocol;
    }

    @Override
    public String toString() {
        return "<SimTransport " + describe() + " -> " + Addresses.describe(peer)
                + (lost ? " closed" : closing ? " closing" : "") + (vanished ? " vanished" : "")
                + " bufsize=" + getWriteBufferSize() + ">";
    }
}
