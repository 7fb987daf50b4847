package io.jasyncio.http.ws;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.TimeoutError;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.zip.Deflater;

/**
 * The {@link WebSocket} of either end, over a {@link WsTransport}, after the opening handshake:
 * the state machine that the server's {@code WebSocketResponse} and the client's
 * {@code ClientWebSocket} both delegate to.
 *
 * <p><b>Inbound.</b> The transport's owner calls {@link #feed}, {@link #feedEof} and
 * {@link #connectionLost}. Every frame is handled as soon as it is parsed, whether or not a task
 * is receiving: pings are answered at once (with {@code autoping}), the peer's close frame is
 * answered at once (with {@code autoclose}, echoing its code), a protocol violation sends a
 * close frame with the violation's code (1002, 1007 or 1009) and closes the socket without
 * waiting. Data messages wait in a bounded inbox (see {@link WsSettings#readLimit()}).
 *
 * <p><b>States.</b> Open; closing (a close frame was sent, or the connection failed: no more
 * sends, {@link #closed()} is true); ended (the socket is closed or lost: the inbox is the last
 * thing to read, then CLOSED). They only move forward. {@link #closeCode()} is set once the
 * outcome is known: the peer's code when its close frame arrived, the code sent for a violation,
 * or 1006 when the connection ended without a close frame (a lost socket, an unanswered
 * heartbeat, a close handshake that timed out).
 *
 * <p><b>Deviations from aiohttp.</b> The end of the socket without a close frame is reported as
 * 1006, where aiohttp reports 1000. A receive timeout leaves the connection open and its close
 * code unset (aiohttp sets 1006 without closing). A protocol violation closes at once without
 * waiting for the peer's close frame (RFC 6455 §7.1.7). A heartbeat failure ends a pending
 * {@code receive()} with an ERROR message carrying a {@link TimeoutError} (aiohttp 3.8 left it
 * blocked).
 *
 * <p><b>Threads.</b> Loop-confined: every method is called on the connection's loop; those that
 * suspend from its tasks.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=connection}
 */
public final class WebSocketConnection implements WebSocket {

    /** aiohttp's {@code THRESHOLD_CONNLOST_ACCESS}: receives after the end before it complains. */
    private static final int CLOSED_READS_LIMIT = 5;
    private static final byte[] EMPTY = new byte[0];

    private final EventLoop loop;
    private final WsTransport transport;
    private final WsSettings settings;
    private final WsDeflateParams deflate;
    private final String protocol;
    private final WsFrameParser parser;
    private final WsFrameWriter writer;
    private final Inbox inbox;
    private final Heartbeat heartbeat;
    private boolean closing;
    private boolean peerClosed;
    private boolean ended;
    private Future<Void> peerCloseWaiter;
    private int closeCode;
    private Throwable exception;
    private int closedReads;

    /**
     * Starts the WebSocket on an open transport (and its heartbeat, if any).
     *
     * @param loop the loop the transport belongs to
     * @param role which end this is: a {@link WsRole#CLIENT} masks what it sends
     * @param transport the byte pipe
     * @param settings the behaviour
     * @param deflate the agreed permessage-deflate parameters, or null
     * @param protocol the agreed subprotocol, or null
     * @param maskSource masking keys for a client (a {@link java.security.SecureRandom}); null for a server
     */
    public WebSocketConnection(EventLoop loop, WsRole role, WsTransport transport, WsSettings settings,
                               WsDeflateParams deflate, String protocol, RandomGenerator maskSource) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.deflate = deflate;
        this.protocol = protocol;
        this.parser = new WsFrameParser(role, settings.maxMsgSize(), deflate, this::onMessage);
        this.writer = new WsFrameWriter(role, maskSource, deflate, Deflater.DEFAULT_COMPRESSION, 0);
        this.inbox = new Inbox(loop, transport, settings.readLimit());
        this.heartbeat = new Heartbeat(loop, settings.heartbeat(), this::sendHeartbeatPing, this::heartbeatTimedOut);
        heartbeat.start();
    }

    // ---------------------------------------------------------------- from the transport's owner

    /**
     * Bytes from the peer, in order. Parses them and handles every complete frame.
     *
     * @param data the bytes (consumed)
     */
    public void feed(ByteBuffer data) {
        if (ended) {
            data.position(data.limit());
            return;
        }
        heartbeat.received();
        try {
            parser.feed(data);
        } catch (WsProtocolException e) {
            fail(e);
        }
    }

    /** The peer closed its side of the socket. */
    public void feedEof() {
        if (!ended) {
            transport.close();
            end();
        }
    }

    /**
     * The socket is gone.
     *
     * @param error why, or null for an orderly close
     */
    public void connectionLost(Throwable error) {
        if (ended) {
            return;
        }
        if (error != null) {
            if (exception == null) {
                exception = error;
            }
            if (!closing) {
                inbox.add(WsMessage.ofError(error));
            }
        }
        end();
    }

    private void onMessage(WsMessage m) {
        switch (m.type()) {
            case PING -> {
                if (!settings.autoping()) {
                    inbox.add(m);
                } else if (!writer.isCloseWritten()) {
                    transport.write(writer.encodePong(m.data()));
                }
            }
            case PONG -> {
                if (!settings.autoping()) {
                    inbox.add(m);
                }
            }
            case CLOSE -> onPeerClose(m);
            default -> {
                if (!closing) {
                    inbox.add(m);
                }
            }
        }
    }

    private void onPeerClose(WsMessage m) {
        peerClosed = true;
        closeCode = m.closeCode();
        if (closing) {
            wakeCloser(); // the answer to our close frame
            return;
        }
        inbox.add(m);
        if (settings.autoclose()) {
            closing = true;
            heartbeat.stop();
            transport.write(WsCloseCode.isValidOnWire(m.closeCode())
                    ? writer.encodeClose(m.closeCode(), "")
                    : writer.encodeClose());
            transport.close();
            end();
        }
    }

    private void fail(WsProtocolException e) {
        closeCode = e.closeCode();
        if (exception == null) {
            exception = e;
        }
        if (!closing) {
            inbox.add(WsMessage.ofError(e));
            closing = true;
        }
        if (!writer.isCloseWritten()) {
            transport.write(writer.encodeClose(e.closeCode(), e.closeReason()));
        }
        transport.close();
        end();
    }

    private void sendHeartbeatPing() {
        if (!closing) {
            transport.write(writer.encodePing(EMPTY));
        }
    }

    private void heartbeatTimedOut() {
        if (ended) {
            return;
        }
        TimeoutError e = new TimeoutError("No PONG received after " + settings.heartbeat() / 2 + " seconds");
        if (exception == null) {
            exception = e;
        }
        closeCode = WsCloseCode.ABNORMAL_CLOSURE;
        if (!closing) {
            inbox.add(WsMessage.ofError(e));
            closing = true;
        }
        transport.abort();
        end();
    }

    /** The socket is done: nothing more is read or sent; wakes everyone waiting. Idempotent. */
    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        closing = true;
        if (closeCode == 0) {
            closeCode = WsCloseCode.ABNORMAL_CLOSURE;
        }
        heartbeat.stop();
        inbox.wake();
        wakeCloser();
        parser.close();
        writer.close();
    }

    private void wakeCloser() {
        Future<Void> w = peerCloseWaiter;
        if (w != null && !w.done()) {
            w.setResult(null);
        }
    }

    // ---------------------------------------------------------------- receiving

    @Override
    public WsMessage receive() throws TimeoutError {
        return receive0(settings.receiveTimeout());
    }

    @Override
    public WsMessage receive(double timeoutSeconds) throws TimeoutError {
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("timeout must be > 0 seconds: " + timeoutSeconds);
        }
        return receive0(timeoutSeconds);
    }

    private WsMessage receive0(double timeoutSeconds) throws TimeoutError {
        if (inbox.hasWaiter()) {
            throw new IllegalStateException("Concurrent call to receive() is not allowed");
        }
        while (true) {
            WsMessage m = inbox.poll();
            if (m != null) {
                return m;
            }
            if (closing) {
                if (++closedReads > CLOSED_READS_LIMIT) {
                    throw new IllegalStateException("WebSocket connection is closed: receive() called "
                            + closedReads + " times after its end");
                }
                return WsMessage.CLOSED;
            }
            if (peerClosed) {
                close(); // without autoclose: the application has seen the CLOSE and receives again
                continue;
            }
            inbox.await(timeoutSeconds);
        }
    }

    // ---------------------------------------------------------------- sending

    @Override
    public void sendStr(String text, boolean compress) throws IOException {
        Objects.requireNonNull(text, "text");
        checkOpen();
        send(writer.encodeText(text, compress));
    }

    @Override
    public void sendBytes(byte[] data, boolean compress) throws IOException {
        Objects.requireNonNull(data, "data");
        checkOpen();
        send(writer.encodeBinary(data, 0, data.length, compress));
    }

    @Override
    public void ping(byte[] data) throws IOException {
        checkOpen();
        send(writer.encodePing(data));
    }

    @Override
    public void pong(byte[] data) throws IOException {
        checkOpen();
        send(writer.encodePong(data));
    }

    private void checkOpen() throws SocketException {
        if (closing) {
            throw new SocketException("Cannot send on a closing WebSocket"
                    + (ended ? " (closed with code " + closeCode + ")" : ""));
        }
    }

    private void send(ByteBuffer frames) throws IOException {
        transport.write(frames);
        transport.drain();
    }

    // ---------------------------------------------------------------- closing

    @Override
    public boolean close(int code, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (closing) {
            return false;
        }
        ByteBuffer frame = writer.encodeClose(code, reason); // checks the code and the reason
        closing = true;
        heartbeat.stop();
        inbox.clear();
        if (inbox.hasWaiter()) {
            inbox.add(WsMessage.CLOSING);
        }
        transport.write(frame);
        try {
            Asyncio.timeout(settings.timeout(), () -> {
                transport.drain();
                if (!peerClosed && !ended) {
                    peerCloseWaiter = loop.createFuture();
                    Asyncio.await(peerCloseWaiter);
                }
            });
        } catch (CancelledError e) {
            closeCode = WsCloseCode.ABNORMAL_CLOSURE;
            transport.abort();
            end();
            throw e;
        } catch (Exception e) {
            // the handshake timed out or the socket failed: abnormal closure
            closeCode = WsCloseCode.ABNORMAL_CLOSURE;
            if (exception == null) {
                exception = e;
            }
            transport.abort();
            end();
            return true;
        } finally {
            peerCloseWaiter = null;
        }
        transport.close();
        end(); // without the peer's close frame (the socket ended first), the code becomes 1006
        return true;
    }

    // ---------------------------------------------------------------- state

    @Override
    public boolean closed() {
        return closing;
    }

    @Override
    public int closeCode() {
        return closeCode;
    }

    @Override
    public Throwable exception() {
        return exception;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public WsDeflateParams deflate() {
        return deflate;
    }

    @Override
    public WsSettings settings() {
        return settings;
    }

    /** @return the loop this WebSocket belongs to */
    public EventLoop loop() {
        return loop;
    }

    @Override
    public String toString() {
        return "WebSocketConnection[" + (ended ? "ended, code " + closeCode : closing ? "closing" : "open")
                + (protocol == null ? "" : ", protocol " + protocol) + (deflate == null ? "" : ", deflate") + "]";
    }
}
