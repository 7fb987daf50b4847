package io.jasyncio.internal.net.tls;

import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.TimerHandle;
import io.jasyncio.internal.net.Addresses;
import io.jasyncio.internal.net.TransportSupport;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.BaseTransport;
import io.jasyncio.net.BufferedProtocol;
import io.jasyncio.net.Protocol;
import io.jasyncio.net.TlsOptions;
import io.jasyncio.net.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The TLS layer of one connection: CPython's {@code sslproto.SSLProtocol}. It is the socket
 * transport's {@link Protocol} and drives an {@link SSLEngine}; the application's protocol sees a
 * {@link TlsTransport} and plaintext. Loop context only (the engine's delegated tasks may run on
 * another thread, see {@link DelegatedTasks}; the engine is not touched meanwhile).
 *
 * <p>States, as CPython's: {@code UNWRAPPED} (not started, or over) → {@code HANDSHAKING} →
 * {@code WRAPPED} (application data flows) → {@code FLUSHING} (the application closed, or the
 * peer sent close_notify or EOF: buffered plaintext is encrypted and sent, then close_notify) →
 * {@code SHUTDOWN} (waiting for the peer's close_notify or EOF, bounded by the shutdown timeout)
 * → {@code UNWRAPPED} when the socket transport reports {@code connectionLost}. The application's
 * {@code connectionMade} comes after the handshake (not for {@code startTls}, whose protocol was
 * already connected), and its {@code connectionLost} exactly once after that, last.
 *
 * <p>Everything is driven by {@link #pump()}, which is re-entrancy safe: a protocol callback that
 * closes, writes or pauses while the pump delivers data only records what to do, and the pump
 * loops again.
 *
 * <p>Invariants: {@code netIn} holds undecrypted input in read mode (position to limit), and is
 * {@code null} when there is none; {@code backlogBytes} is the sum of the remaining bytes of
 * {@code backlog} (plaintext not yet encrypted: written during the handshake, while delegated
 * tasks run, or while the engine waits for the peer's handshake messages); the socket transport's
 * reading is paused iff the application paused reading in state {@code WRAPPED}; the application's
 * writing is paused iff, at the last check, the socket transport's buffer plus the backlog was above
 * the high-water mark (512 KiB by default, CPython's for TLS) and has not come back down to the
 * low one since.
 */
public final class TlsProtocol implements Protocol {

    private static final System.Logger LOG = System.getLogger("io.jasyncio.net");
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
    /** As CPython's {@code constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES}. */
    private static final int LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;
    /** CPython's {@code FLOW_CONTROL_HIGH_WATER_SSL_WRITE}. */
    static final int DEFAULT_HIGH_WATER = 512 * 1024;

    enum State { UNWRAPPED, HANDSHAKING, WRAPPED, FLUSHING, SHUTDOWN }

    private enum AppState { INIT, CON_MADE, EOF, CON_LOST }

    private final EventLoop loop;
    private final TlsOptions options;
    private final boolean serverSide;
    /** A client's server host name ({@code ""}: none); {@code null} for a server. */
    private final String serverHostname;
    private final TlsBuffers buffers;
    private final TlsTransport appTransport;
    private Future<Void> waiter;
    private BaseProtocol app;
    private Protocol appPlain;
    private BufferedProtocol appBuffered;
    private AppState appState;
    private SSLEngine engine;
    private int packetSize;
    private int appSize;
    private Transport raw;
    private String peer = "peer";
    private State state = State.UNWRAPPED;
    private ByteBuffer netIn;
    /** The socket transport's read view, during {@link #dataReceived(ByteBuffer)} only. */
    private ByteBuffer src;
    private ArrayDeque<ByteBuffer> backlog;
    private long backlogBytes;
    private byte[] earlyPlain;
    private boolean tasksRunning;
    private boolean appReadingPaused;
    private boolean rawReadingPaused;
    private boolean appWritingPaused;
    private boolean eofReceived;
    private boolean inPump;
    private boolean pumpAgain;
    private boolean pumpScheduled;
    /** How deep this layer is in wrapping (the socket transport's pause/resume callbacks then wait). */
    private int wrapping;
    /** Bytes the last {@link #wrapHandshake()} produced (a guard against an engine that makes no progress). */
    private int lastWrapProduced;
    private int writesAfterClose;
    private TimerHandle handshakeTimer;
    private TimerHandle shutdownTimer;
    /** Why this layer closed the socket transport, for the application's {@code connectionLost}. */
    private Throwable lostException;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;

    /**
     * @param loop the loop
     * @param app the application's protocol (a {@link Protocol} or {@link BufferedProtocol})
     * @param options the TLS options
     * @param serverSide whether this side is the server
     * @param serverHostname a client's server host name ({@code ""} for none); ignored for a server
     * @param waiter completed when the handshake is done (failed with its error), or {@code null}
     * @param callConnectionMade whether to call the application's {@code connectionMade} after
     *     the handshake ({@code false} for {@code startTls}, whose protocol is connected already)
     */
    public TlsProtocol(EventLoop loop, BaseProtocol app, TlsOptions options, boolean serverSide,
            String serverHostname, Future<Void> waiter, boolean callConnectionMade) {
        this.loop = loop;
        this.options = options;
        this.serverSide = serverSide;
        this.serverHostname = serverSide ? null : serverHostname;
        this.waiter = waiter;
        this.buffers = TlsBuffers.of(loop);
        this.appTransport = new TlsTransport(this);
        setAppProtocol(app);
        this.appState = callConnectionMade ? AppState.INIT : AppState.CON_MADE;
    }

    /** @return the transport the application sees */
    public Transport appTransport() {
        return appTransport;
    }

    /** @return the application's protocol */
    public BaseProtocol appProtocol() {
        return app;
    }

    void setAppProtocol(BaseProtocol p) {
        if (p instanceof BufferedProtocol b) {
            appBuffered = b;
            appPlain = null;
        } else if (p instanceof Protocol pl) {
            appPlain = pl;
            appBuffered = null;
        } else {
            throw new IllegalArgumentException("a TLS transport needs a Protocol or a BufferedProtocol, got "
                    + (p == null ? "null" : p.getClass().getName()));
        }
        app = p;
    }

    // ---------------------------------------------------------------- the socket transport's callbacks

    @Override
    public void connectionMade(BaseTransport transport) {
        raw = (Transport) transport;
        Object peername = raw.getExtraInfo("peername");
        String address = Addresses.describe(peername);
        if (serverSide) {
            peer = "client " + address;
        } else if (serverHostname.isEmpty() || address.startsWith(serverHostname + ":")
                || address.startsWith("[" + serverHostname + "]:")) {
            peer = address;
        } else {
            peer = serverHostname + " (" + address + ")";
        }
        raw.setWriteBufferLimits(highWater, lowWater);
        try {
            engine = TlsEngines.create(options, serverSide, serverHostname == null ? "" : serverHostname,
                    peername instanceof InetSocketAddress isa ? isa.getPort() : -1);
            packetSize = engine.getSession().getPacketBufferSize();
            appSize = engine.getSession().getApplicationBufferSize();
        } catch (RuntimeException e) {
            state = State.HANDSHAKING;
            failHandshake(TlsErrors.handshakeFailed(e, peer, serverSide), false);
            return;
        }
        state = State.HANDSHAKING;
        double seconds = options.handshakeTimeout().toNanos() / 1e9;
        handshakeTimer = loop.callLater(options.handshakeTimeout(), () -> {
            if (state == State.HANDSHAKING) {
                failHandshake(new SocketTimeoutException("TLS handshake with " + peer + " did not complete within "
                        + seconds + " s: connection aborted"), false);
            }
        });
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            failHandshake(TlsErrors.handshakeFailed(e, peer, serverSide), false);
            return;
        }
        pump();
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (state == State.UNWRAPPED) {
            data.position(data.limit());
            return;
        }
        if (netIn != null) {
            if (tasksRunning || (appReadingPaused && state == State.WRAPPED)) {
                stash(data);
                return;
            }
            topUp(data);
        }
        src = data;
        try {
            pump();
        } finally {
            src = null;
            if (data.hasRemaining() && state != State.UNWRAPPED) {
                stash(data);
            }
        }
    }

    @Override
    public boolean eofReceived() {
        eofReceived = true;
        if (state == State.HANDSHAKING) {
            failHandshake(TlsErrors.closedDuringHandshake(peer, serverSide), true);
            return false;
        }
        if (state == State.UNWRAPPED) {
            return false;
        }
        pump();
        // Keep the socket half-open while input waits for the application to resume or for tasks.
        return state != State.UNWRAPPED && (tasksRunning || (appReadingPaused && netIn != null));
    }

    @Override
    public void connectionLost(Throwable exc) {
        Throwable e = exc != null ? exc : lostException;
        cancelTimers();
        boolean wasHandshaking = state == State.HANDSHAKING;
        state = State.UNWRAPPED;
        appTransport.markClosed();
        backlog = null;
        backlogBytes = 0;
        netIn = null;
        if (waiter != null && !waiter.done()) {
            Throwable w = e;
            if (w == null) {
                w = TlsErrors.closedDuringHandshake(peer, serverSide);
            } else if (wasHandshaking && w instanceof IOException && !(w instanceof SSLException)
                    && !(w instanceof SocketTimeoutException)) {
                w = TlsErrors.handshakeFailed(w, peer, serverSide);
            }
            wakeWaiter(w);
        }
        waiter = null;
        if (appState == AppState.CON_MADE || appState == AppState.EOF) {
            appState = AppState.CON_LOST;
            try {
                app.connectionLost(e);
            } catch (Throwable t) {
                report(t, "Exception in protocol.connectionLost()");
            }
        }
        if (engine != null && !tasksRunning) {
            engine.closeOutbound();
        }
    }

    @Override
    public void pauseWriting() {
        if (wrapping == 0) {
            controlAppWriting();
        } // else the write or the pump that is wrapping checks when it is done
    }

    @Override
    public void resumeWriting() {
        if (wrapping == 0) {
            controlAppWriting();
        }
    }

    // ---------------------------------------------------------------- the pump

    /** Does whatever the state allows now; re-entrant calls only ask the running pump to loop again. */
    private void pump() {
        if (inPump) {
            pumpAgain = true;
            return;
        }
        inPump = true;
        try {
            do {
                pumpAgain = false;
                switch (state) {
                    case HANDSHAKING -> handshakeStep();
                    case WRAPPED -> {
                        serviceEngine();
                        readStep();
                        flushBacklog();
                    }
                    case FLUSHING -> {
                        serviceEngine();
                        readStep();
                        flushBacklog();
                        flushingStep();
                    }
                    case SHUTDOWN -> shutdownStep();
                    default -> {
                    }
                }
            } while (pumpAgain && state != State.UNWRAPPED);
        } catch (SSLException e) {
            if (state == State.HANDSHAKING) {
                handshakeFailed(e);
            } else {
                fatal(TlsErrors.afterHandshake(e, peer), "Fatal error on TLS protocol");
            }
        } catch (RuntimeException e) {
            fatal(e, "Fatal error on TLS protocol");
        } finally {
            inPump = false;
        }
        if (netIn != null && !netIn.hasRemaining()) {
            netIn = null;
        }
        controlRawReading();
        controlAppWriting();
    }

    // ---------------------------------------------------------------- handshake

    private void handshakeStep() throws SSLException {
        while (state == State.HANDSHAKING && !tasksRunning) {
            HandshakeStatus hs = engine.getHandshakeStatus();
            switch (hs) {
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> {
                    if (wrapHandshake()) {
                        handshakeComplete();
                        return;
                    }
                    if (engine.isOutboundDone()) {
                        throw new SSLException("the engine closed during the handshake");
                    }
                    if (lastWrapProduced == 0 && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                        throw new SSLException("the engine made no progress wrapping handshake messages");
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!hasInput()) {
                        if (eofReceived) {
                            failHandshake(TlsErrors.closedDuringHandshake(peer, serverSide), true);
                        }
                        return;
                    }
                    ByteBuffer plain = buffers.takeIn(appSize);
                    SSLEngineResult r;
                    try {
                        r = engine.unwrap(input(), plain);
                        if (plain.position() > 0) {
                            keepEarly(plain);
                        }
                    } finally {
                        buffers.giveIn(plain);
                    }
                    if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
                        if (!topUpNetIn()) {
                            return;
                        }
                    } else if (r.getStatus() == Status.CLOSED) {
                        failHandshake(TlsErrors.closedDuringHandshake(peer, serverSide), true);
                        return;
                    } else if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                        handshakeComplete();
                        return;
                    } else if (r.bytesConsumed() == 0 && r.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                        return; // nothing usable yet: wait for more
                    }
                }
                default -> {
                    handshakeComplete();
                    return;
                }
            }
        }
    }

    /**
     * Wraps handshake messages (or an alert, or close_notify) while the engine has some to send.
     *
     * @return whether the engine reported the handshake finished
     */
    private boolean wrapHandshake() throws SSLException {
        ByteBuffer out = buffers.takeOut(packetSize);
        boolean finished = false;
        lastWrapProduced = 0;
        wrapping++;
        try {
            while (true) {
                SSLEngineResult r = engine.wrap(EMPTY, out);
                lastWrapProduced += r.bytesProduced();
                if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                    if (out.position() == 0) {
                        throw new SSLException("TLS record larger than the engine's packet size");
                    }
                    flushOut(out);
                    continue;
                }
                if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                    finished = true;
                    break;
                }
                if (r.getStatus() == Status.CLOSED || r.bytesProduced() == 0
                        || r.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                    break;
                }
            }
        } finally {
            flushOut(out);
            buffers.giveOut(out);
            wrapping--;
        }
        return finished;
    }

    private void handshakeComplete() {
        cancelTimer(handshakeTimer);
        handshakeTimer = null;
        state = State.WRAPPED;
        if (appState == AppState.INIT) {
            appState = AppState.CON_MADE;
            try {
                app.connectionMade(appTransport);
            } catch (Throwable t) {
                wakeWaiter(t);
                fatal(t, "Fatal error: protocol.connectionMade() call failed.");
                return;
            }
        }
        wakeWaiter(null);
        byte[] early = earlyPlain;
        if (early != null && state == State.WRAPPED) {
            earlyPlain = null;
            deliver(ByteBuffer.wrap(early));
        }
        pumpAgain = true;
    }

    private void keepEarly(ByteBuffer plain) {
        byte[] old = earlyPlain == null ? new byte[0] : earlyPlain;
        byte[] b = new byte[old.length + plain.position()];
        System.arraycopy(old, 0, b, 0, old.length);
        plain.get(0, b, old.length, plain.position());
        earlyPlain = b;
    }

    private void handshakeFailed(SSLException e) {
        // The engine may hold an alert for the peer: send it, best effort, before closing.
        try {
            engine.closeOutbound();
            wrapHandshake();
        } catch (SSLException | RuntimeException ignored) {
            // the handshake's own error is the one to report
        }
        failHandshake(TlsErrors.handshakeFailed(e, peer, serverSide), true);
    }

    /**
     * Ends the connection with a handshake failure: the waiter gets it; the socket transport is
     * closed (after what it buffered, such as an alert) or aborted.
     */
    private void failHandshake(IOException exc, boolean graceful) {
        cancelTimer(handshakeTimer);
        handshakeTimer = null;
        state = State.UNWRAPPED;
        appTransport.markClosed();
        lostException = exc;
        if (loop.getDebug()) {
            LOG.log(System.Logger.Level.DEBUG, exc.getMessage(), exc);
        }
        wakeWaiter(exc);
        if (graceful) {
            raw.close();
        } else {
            raw.abort();
        }
    }

    // ---------------------------------------------------------------- reading

    private void readStep() throws SSLException {
        boolean closeNotify = false;
        while (!appReadingPaused && !tasksRunning && hasInput() && (state == State.WRAPPED || state == State.FLUSHING)) {
            ByteBuffer plain = buffers.takeIn(appSize);
            boolean underflow = false;
            boolean progress = false;
            try {
                while (hasInput() && plain.remaining() >= appSize) {
                    SSLEngineResult r = engine.unwrap(input(), plain);
                    progress |= r.bytesConsumed() > 0;
                    Status st = r.getStatus();
                    if (st == Status.BUFFER_UNDERFLOW) {
                        underflow = !topUpNetIn();
                        if (underflow) {
                            break;
                        }
                        continue;
                    }
                    if (st == Status.BUFFER_OVERFLOW) {
                        if (plain.position() == 0) {
                            throw new SSLException("TLS record larger than the engine's application buffer size");
                        }
                        break;
                    }
                    if (st == Status.CLOSED) {
                        closeNotify = true;
                        break;
                    }
                    if (!postHandshake(r)) {
                        break;
                    }
                    if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                        break;
                    }
                }
                plain.flip();
                if (plain.hasRemaining()) {
                    deliver(plain);
                }
            } finally {
                buffers.giveIn(plain);
            }
            if (closeNotify || underflow || !progress) {
                break;
            }
        }
        if (state != State.WRAPPED && state != State.FLUSHING) {
            return;
        }
        if (closeNotify || (eofReceived && !hasCompleteInput() && !tasksRunning)) {
            // The peer's close_notify, or its EOF without one (treated as an end, as CPython does).
            callEofReceived();
            startShutdown();
        }
    }

    /**
     * Handles what the engine needs after an unwrap or wrap of application data (a TLS 1.3
     * KeyUpdate answer, a renegotiation, tasks).
     *
     * @return whether the caller may go on
     */
    private boolean postHandshake(SSLEngineResult r) throws SSLException {
        HandshakeStatus hs = r.getHandshakeStatus();
        if (hs == HandshakeStatus.NEED_TASK || hs == HandshakeStatus.NEED_WRAP) {
            serviceEngine();
        }
        return !tasksRunning;
    }

    /**
     * After the first handshake: runs the engine's tasks and sends what it has to send (a
     * renegotiation's messages, a KeyUpdate answer, a NewSessionTicket) until it waits for the
     * peer or is done.
     */
    private void serviceEngine() throws SSLException {
        while (!tasksRunning) {
            HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (hs == HandshakeStatus.NEED_WRAP && !engine.isOutboundDone()) {
                wrapHandshake();
                if (lastWrapProduced == 0) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    private void deliver(ByteBuffer plain) {
        if (appState != AppState.CON_MADE) {
            return;
        }
        try {
            if (appPlain != null) {
                appPlain.dataReceived(plain.asReadOnlyBuffer());
            } else {
                while (plain.hasRemaining()) {
                    ByteBuffer b = appBuffered.getBuffer(plain.remaining());
                    if (b == null || !b.hasRemaining()) {
                        throw new IllegalStateException("getBuffer() returned an empty buffer");
                    }
                    int n = Math.min(b.remaining(), plain.remaining());
                    b.put(b.position(), plain, plain.position(), n);
                    b.position(b.position() + n);
                    plain.position(plain.position() + n);
                    appBuffered.bufferUpdated(n);
                }
            }
        } catch (Throwable t) {
            fatal(t, "Fatal error: protocol.dataReceived() call failed.");
        }
    }

    private void callEofReceived() {
        if (appState != AppState.CON_MADE) {
            return;
        }
        appState = AppState.EOF;
        try {
            boolean keepOpen = appPlain != null ? appPlain.eofReceived() : appBuffered.eofReceived();
            if (keepOpen) {
                LOG.log(System.Logger.Level.WARNING,
                        "returning true from eofReceived() has no effect when using TLS (connection with " + peer + ")");
            }
        } catch (Throwable t) {
            fatal(t, "Error calling eofReceived()");
        }
    }

    // ---------------------------------------------------------------- input buffering

    private boolean hasInput() {
        return (netIn != null && netIn.hasRemaining()) || (src != null && src.hasRemaining());
    }

    /** @return whether the input holds at least one complete TLS record */
    private boolean hasCompleteInput() {
        ByteBuffer in = input();
        return in != null && in.hasRemaining() && recordNeeds(in, in.position()) == 0;
    }

    private ByteBuffer input() {
        return netIn != null && netIn.hasRemaining() ? netIn : src;
    }

    /**
     * After an underflow on {@code netIn}: moves the rest of the record from {@code src}.
     *
     * @return whether {@code netIn} now holds more (so unwrapping may go on)
     */
    private boolean topUpNetIn() {
        if (netIn == null || !netIn.hasRemaining() || src == null || !src.hasRemaining()) {
            return false;
        }
        int before = netIn.remaining();
        topUp(src);
        return netIn.remaining() > before;
    }

    /** Moves from {@code data} to {@code netIn} what completes the last record in {@code netIn}. */
    private void topUp(ByteBuffer data) {
        int start = netIn.position();
        // Skip the complete records.
        while (true) {
            int avail = netIn.limit() - start;
            if (avail < 5) {
                break;
            }
            int len = 5 + (((netIn.get(start + 3) & 0xff) << 8) | (netIn.get(start + 4) & 0xff));
            if (avail < len) {
                break;
            }
            start += len;
        }
        while (data.hasRemaining()) {
            int need = recordNeeds(netIn, start);
            if (need == 0) {
                return;
            }
            int n = Math.min(need, data.remaining());
            append(data, n);
        }
    }

    /** @return how many more bytes the record starting at {@code at} needs (0: complete or none) */
    private static int recordNeeds(ByteBuffer b, int at) {
        int avail = b.limit() - at;
        if (avail <= 0) {
            return 0;
        }
        if (avail < 5) {
            return 5 - avail;
        }
        int len = 5 + (((b.get(at + 3) & 0xff) << 8) | (b.get(at + 4) & 0xff));
        return Math.max(0, len - avail);
    }

    /** Keeps the rest of {@code data} in {@code netIn}. */
    private void stash(ByteBuffer data) {
        append(data, data.remaining());
    }

    private void append(ByteBuffer data, int n) {
        if (netIn == null) {
            netIn = ByteBuffer.allocate(Math.max(n, packetSize));
            netIn.flip();
        }
        if (netIn.capacity() - netIn.remaining() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(netIn.remaining() + n, netIn.capacity() * 2));
            bigger.put(netIn);
            bigger.flip();
            netIn = bigger;
        } else if (netIn.capacity() - netIn.limit() < n) {
            netIn.compact();
            netIn.flip();
        }
        int at = netIn.limit();
        netIn.limit(at + n);
        netIn.put(at, data, data.position(), n);
        data.position(data.position() + n);
    }

    // ---------------------------------------------------------------- writing

    /** The application's {@code write}. */
    void appWrite(ByteBuffer data) {
        if (!data.hasRemaining()) {
            return;
        }
        if (appTransport.isClosing() || state == State.FLUSHING || state == State.SHUTDOWN
                || (state == State.UNWRAPPED && engine != null)) {
            if (writesAfterClose >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
                LOG.log(System.Logger.Level.WARNING, "write() on a closed TLS transport to " + peer + ": "
                        + data.remaining() + " bytes dropped (" + writesAfterClose + " writes after close)");
            }
            writesAfterClose++;
            data.position(data.limit());
            return;
        }
        if (state == State.WRAPPED && backlog == null && !tasksRunning) {
            try {
                wrapApp(data);
            } catch (SSLException e) {
                fatal(TlsErrors.afterHandshake(e, peer), "Fatal error on TLS protocol");
                return;
            } catch (RuntimeException e) {
                fatal(e, "Fatal error on TLS protocol");
                return;
            }
        }
        if (data.hasRemaining()) {
            enqueue(data);
            if (inPump) {
                pumpAgain = true;
            } else if (!pumpScheduled && state == State.WRAPPED && !tasksRunning) {
                // The engine stopped taking data: look again on the next iteration (a pump with
                // nothing to do costs little; the peer's next bytes would also run one).
                pumpScheduled = true;
                loop.callSoon(() -> {
                    pumpScheduled = false;
                    if (state != State.UNWRAPPED) {
                        pump();
                    }
                });
            }
        }
        controlAppWriting();
    }

    private void enqueue(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data);
        copy.flip();
        if (backlog == null) {
            backlog = new ArrayDeque<>(4);
        }
        backlog.addLast(copy);
        backlogBytes += copy.remaining();
    }

    /** Encrypts as much of {@code data} as the engine takes now, and sends it. */
    private void wrapApp(ByteBuffer data) throws SSLException {
        ByteBuffer out = buffers.takeOut(packetSize);
        wrapping++;
        try {
            while (data.hasRemaining()) {
                SSLEngineResult r = engine.wrap(data, out);
                Status st = r.getStatus();
                if (st == Status.CLOSED) {
                    data.position(data.limit());
                    break;
                }
                if (st == Status.BUFFER_OVERFLOW) {
                    if (out.position() == 0) {
                        throw new SSLException("TLS record larger than the engine's packet size");
                    }
                    flushOut(out);
                    continue;
                }
                if (out.remaining() < packetSize) {
                    flushOut(out);
                }
                HandshakeStatus hs = r.getHandshakeStatus();
                if (hs == HandshakeStatus.NEED_TASK) {
                    runTasks();
                    if (tasksRunning) {
                        break;
                    }
                } else if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    break; // the engine waits for the peer (a renegotiation): keep the rest
                }
            }
        } finally {
            flushOut(out);
            buffers.giveOut(out);
            wrapping--;
        }
    }

    private void flushBacklog() throws SSLException {
        while (backlog != null && !tasksRunning && (state == State.WRAPPED || state == State.FLUSHING)) {
            ByteBuffer head = backlog.peekFirst();
            int before = head.remaining();
            wrapApp(head);
            backlogBytes -= before - head.remaining();
            if (head.hasRemaining()) {
                return;
            }
            backlog.pollFirst();
            if (backlog.isEmpty()) {
                backlog = null;
            }
        }
    }

    private void flushOut(ByteBuffer out) {
        out.flip();
        if (out.hasRemaining()) {
            raw.write(out);
        }
        out.clear();
    }

    // ---------------------------------------------------------------- closing

    /** The application's {@code close()}, or the peer's end: flush, send close_notify, wait for the peer's. */
    void startShutdown() {
        appTransport.markClosed();
        if (state == State.HANDSHAKING) {
            abort(null);
            return;
        }
        if (state != State.WRAPPED) {
            return;
        }
        state = State.FLUSHING;
        double seconds = options.shutdownTimeout().toNanos() / 1e9;
        shutdownTimer = loop.callLater(options.shutdownTimeout(), () -> {
            if (state == State.FLUSHING || state == State.SHUTDOWN) {
                lostException = new SocketTimeoutException("TLS shutdown with " + peer + " timed out after " + seconds
                        + " s: the peer did not answer close_notify, so the connection was aborted");
                raw.abort();
            }
        });
        pump();
    }

    private void flushingStep() throws SSLException {
        if (state != State.FLUSHING || backlog != null || tasksRunning) {
            return; // the backlog waits for the engine (the shutdown timer bounds the wait)
        }
        engine.closeOutbound();
        wrapHandshake();
        state = State.SHUTDOWN;
        pumpAgain = true;
    }

    private void shutdownStep() throws SSLException {
        while (!engine.isInboundDone() && !eofReceived && hasInput() && !tasksRunning) {
            ByteBuffer plain = buffers.takeIn(appSize);
            SSLEngineResult r;
            try {
                r = engine.unwrap(input(), plain); // application data after our close is dropped
            } finally {
                buffers.giveIn(plain);
            }
            if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
                if (!topUpNetIn()) {
                    break;
                }
                continue;
            }
            if (r.getStatus() == Status.CLOSED) {
                break;
            }
            if (!postHandshake(r) || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) {
                break;
            }
        }
        if (engine.isInboundDone() || eofReceived) {
            // The shutdown timer stays armed until connectionLost: it also bounds the socket's close.
            callEofReceived();
            netIn = null;
            raw.close();
        }
    }

    /** The application's {@code abort()}. */
    void abort(Throwable exc) {
        appTransport.markClosed();
        if (raw == null) {
            return;
        }
        if (state == State.HANDSHAKING) {
            cancelTimer(handshakeTimer);
        }
        state = State.UNWRAPPED;
        lostException = exc;
        raw.abort();
    }

    private void fatal(Throwable exc, String message) {
        if (exc instanceof VirtualMachineError vm && !(exc instanceof StackOverflowError)) {
            throw vm;
        }
        if ((!(exc instanceof IOException) || loop.getDebug()) && !(exc instanceof CancelledError)) {
            report(exc, message);
        }
        wakeWaiter(exc);
        abort(exc);
    }

    private void report(Throwable t, String message) {
        TransportSupport.report(loop, t, message, appTransport, app);
    }

    private void wakeWaiter(Throwable exc) {
        Future<Void> w = waiter;
        if (w == null) {
            return;
        }
        waiter = null;
        if (!w.done()) {
            if (exc == null) {
                w.setResult(null);
            } else {
                w.setException(exc);
            }
        }
    }

    private void cancelTimers() {
        cancelTimer(handshakeTimer);
        cancelTimer(shutdownTimer);
        handshakeTimer = null;
        shutdownTimer = null;
    }

    private static void cancelTimer(TimerHandle t) {
        if (t != null) {
            t.cancel();
        }
    }

    // ---------------------------------------------------------------- delegated tasks

    private void runTasks() {
        List<Runnable> tasks = new ArrayList<>(2);
        Runnable t;
        while ((t = engine.getDelegatedTask()) != null) {
            tasks.add(t);
        }
        if (tasks.isEmpty()) {
            return;
        }
        if (options.handshakeExecutor() == null) {
            for (Runnable task : tasks) {
                task.run();
            }
            return;
        }
        tasksRunning = true;
        DelegatedTasks.runOffLoop(tasks, options.handshakeExecutor(), loop, error -> {
            tasksRunning = false;
            if (state == State.UNWRAPPED) {
                return;
            }
            if (error != null) {
                if (state == State.HANDSHAKING) {
                    failHandshake(TlsErrors.handshakeFailed(error, peer, serverSide), false);
                } else {
                    fatal(error, "Fatal error in a TLS engine task");
                }
                return;
            }
            pump();
        });
    }

    // ---------------------------------------------------------------- flow control

    /** Pauses the socket's reading while the application has paused in state WRAPPED. */
    private void controlRawReading() {
        if (raw == null) {
            return;
        }
        boolean pause = appReadingPaused && state == State.WRAPPED;
        if (pause != rawReadingPaused) {
            rawReadingPaused = pause;
            if (pause) {
                raw.pauseReading();
            } else {
                raw.resumeReading();
            }
        }
    }

    private void controlAppWriting() {
        if (appState != AppState.CON_MADE && appState != AppState.EOF) {
            return;
        }
        long size = writeBufferSize();
        if (size > highWater && !appWritingPaused) {
            appWritingPaused = true;
            try {
                app.pauseWriting();
            } catch (Throwable t) {
                report(t, "protocol.pauseWriting() failed");
            }
        } else if (size <= lowWater && appWritingPaused) {
            appWritingPaused = false;
            try {
                app.resumeWriting();
            } catch (Throwable t) {
                report(t, "protocol.resumeWriting() failed");
            }
        }
    }

    long writeBufferSize() {
        return (raw == null ? 0 : raw.getWriteBufferSize()) + backlogBytes;
    }

    void setWriteBufferLimits(int high, int low) {
        highWater = high;
        lowWater = low;
        if (raw != null) {
            raw.setWriteBufferLimits(high, low);
        }
        controlAppWriting();
    }

    int[] writeBufferLimits() {
        return new int[] {lowWater, highWater};
    }

    boolean appReading() {
        return !appReadingPaused && !appTransport.isClosing();
    }

    void pauseAppReading() {
        if (appReadingPaused) {
            return;
        }
        appReadingPaused = true;
        controlRawReading();
    }

    void resumeAppReading() {
        if (!appReadingPaused) {
            return;
        }
        appReadingPaused = false;
        loop.callSoon(() -> {
            if (state != State.UNWRAPPED) {
                pump();
            }
        });
    }

    // ---------------------------------------------------------------- extra info

    Object extraInfo(String name, Object defaultValue) {
        Object v = switch (name) {
            case "sslcontext" -> options.context();
            case "sslengine" -> engine;
            case "ssl_object", "sslobject", "sslsession" -> session();
            case "peercert" -> {
                Certificate[] chain = peerChain();
                yield chain == null || chain.length == 0 ? null : chain[0];
            }
            case "peercertchain" -> peerChain();
            case "cipher" -> state == State.HANDSHAKING || session() == null ? null : session().getCipherSuite();
            case "tls_version" -> state == State.HANDSHAKING || session() == null ? null : session().getProtocol();
            case "alpn_protocol" -> {
                String p = engine == null || state == State.HANDSHAKING ? null : engine.getApplicationProtocol();
                yield p == null || p.isEmpty() ? null : p;
            }
            case "server_hostname" -> serverHostname == null || serverHostname.isEmpty() ? null : serverHostname;
            default -> raw == null ? null : raw.getExtraInfo(name, null);
        };
        return v != null ? v : defaultValue;
    }

    private SSLSession session() {
        if (engine == null) {
            return null;
        }
        return state == State.HANDSHAKING ? engine.getHandshakeSession() : engine.getSession();
    }

    private Certificate[] peerChain() {
        SSLSession s = session();
        if (s == null || state == State.HANDSHAKING) {
            return null;
        }
        try {
            return s.getPeerCertificates();
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }

    /** @return a short description of the state, for {@code toString} */
    String describe() {
        return state.name().toLowerCase(java.util.Locale.ROOT) + " peer=" + peer;
    }
}
