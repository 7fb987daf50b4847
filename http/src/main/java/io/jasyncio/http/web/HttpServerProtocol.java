package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.TimerHandle;
import io.jasyncio.http.HeaderNames;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpStatus;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import io.jasyncio.http.codec.FeedResult;
import io.jasyncio.http.codec.HttpMessageListener;
import io.jasyncio.http.codec.HttpParseException;
import io.jasyncio.http.codec.HttpRequestParser;
import io.jasyncio.http.codec.HttpWriter;
import java.io.IOException;
import java.net.SocketException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.x server connection: aiohttp's {@code RequestHandler} (web_protocol.py). It turns
 * the bytes of an {@link HttpTransport} into requests with the {@link HttpRequestParser}, runs
 * each request's handler as a task of the loop, and writes the responses, strictly in order.
 *
 * <h2>States</h2>
 * <pre>
 *   IDLE --first byte--> HEAD --head parsed--> BUSY --handler done, content all received--> IDLE
 *                                               |
 *                                               +--handler done, content left--> DRAIN --content received--> IDLE
 *   any --error, timeout, Connection: close, shutdown--> CLOSING --connectionLost--> CLOSED
 * </pre>
 * <ul>
 *   <li><b>IDLE</b>: between requests; closed quietly after the keep-alive timeout.</li>
 *   <li><b>HEAD</b>: part of a request head received; 408 and close after the header timeout
 *       (slow-header attacks).</li>
 *   <li><b>BUSY</b>: one request in flight. The parser keeps delivering its content (into the
 *       request's {@link BodyStream}, whose back-pressure pauses reading), then pauses at its
 *       end, so a pipelined next request is not even parsed until this one is answered: bytes
 *       that arrive meanwhile are kept (reading pauses above 64 KiB of them).</li>
 *   <li><b>DRAIN</b>: the handler answered without reading all the content; the rest is read and
 *       dropped (within {@link WebServerOptions#maxDiscardSize()} and
 *       {@link WebServerOptions#lingerTimeout()}, else the connection closes).</li>
 * </ul>
 * Every {@link HttpParseException} is answered with its status and {@code Connection: close},
 * then the connection closes (after a framing error the next message's position is unknown);
 * one found in request content reaches the handler as an {@link IOException} from its reads. A
 * client that disconnects cancels its request's handler task
 * ({@link WebServerOptions#handlerCancellation()}).
 *
 * <h2>Threads</h2>
 * Every method is called on the connection's event loop: the transport callbacks from its
 * callbacks, the rest from the request tasks, which never run at the same time as the callbacks.
 * Nothing here blocks.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=webServer}
 */
public final class HttpServerProtocol {

    private static final System.Logger LOG = System.getLogger("io.jasyncio.http.web");

    static final int IDLE = 0;
    static final int HEAD = 1;
    static final int BUSY = 2;
    static final int DRAIN = 3;
    static final int CLOSING = 4;
    static final int CLOSED = 5;

    private static final int PAUSE_BODY = 1;
    private static final int PAUSE_PIPELINE = 2;
    /** Unparsed (pipelined) bytes kept while a request is in flight before reading pauses. */
    private static final int PIPELINE_LIMIT = 64 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final WebServer server;
    private final WebServerOptions options;
    private final HttpRequestParser parser;
    private final Runnable timerTask = this::onTimer;

    private HttpTransport transport;
    private EventLoop loop;
    private int state = IDLE;
    /** Loop time at which the current IDLE, HEAD or DRAIN state began. */
    private double since;
    /** Unparsed bytes (read mode), kept while the parser is paused; null when none. */
    private ByteBuffer pending;
    private Exchange current;
    private int pauseReasons;
    private boolean writingPaused;
    private Future<Void> drainWaiter;
    private boolean peerEof;
    private boolean advancing;
    private TimerHandle timer;
    private double timerDue;
    private Future<Void> quiescent;
    /** The protocol that took the connection over after a 101 answer (a WebSocket), or null. */
    private UpgradedProtocol upgraded;

    HttpServerProtocol(WebServer server) {
        this.server = server;
        this.options = server.options();
        this.parser = new HttpRequestParser(options.parserOptions(), new Listener());
    }

    // ---------------------------------------------------------------- transport callbacks

    /**
     * The connection is open: asyncio's {@code connection_made}.
     *
     * @param transport the connection's transport
     */
    public void connectionMade(HttpTransport transport) {
        this.transport = transport;
        this.loop = Asyncio.getRunningLoop();
        if (!server.register(this)) {
            closeConnection();
            return;
        }
        toIdle();
    }

    /**
     * Bytes arrived: asyncio's {@code data_received}. The buffer is only read during the call.
     *
     * @param data the bytes, position to limit
     */
    public void dataReceived(ByteBuffer data) {
        if (upgraded != null) {
            if (state < CLOSED) {
                upgraded.dataReceived(data);
            }
            return;
        }
        if (state >= CLOSING || parser.isFailed()) {
            return;
        }
        if (parser.isPaused()) {
            stash(data);
            if (pending != null && pending.remaining() > PIPELINE_LIMIT) {
                setPaused(PAUSE_PIPELINE, true);
            }
            return;
        }
        ByteBuffer in = data;
        if (pending != null && pending.hasRemaining()) {
            stash(data);
            in = pending;
        }
        feed(in);
        advance();
    }

    /**
     * The client finished sending (it half-closed or closed): asyncio's {@code eof_received}.
     * Requests already received are still answered; then the connection closes.
     *
     * @return {@code true}: the protocol closes the transport itself when it is done
     */
    public boolean eofReceived() {
        peerEof = true;
        if (upgraded != null) {
            upgraded.eofReceived();
            return true;
        }
        if (state >= CLOSING) {
            return true;
        }
        Exchange ex = current;
        if (ex != null) {
            if (!ex.messageComplete && !parser.isPaused() && !parser.isFailed()) {
                try {
                    parser.feedEof();
                } catch (HttpParseException e) {
                    parseFailed(e);
                }
            }
            return true;
        }
        closeConnection();
        return true;
    }

    /**
     * The connection is gone: asyncio's {@code connection_lost}. A handler still running is
     * cancelled (unless {@link WebServerOptions#handlerCancellation()} is off); its reads and
     * writes fail.
     *
     * @param exc why, or {@code null} for a regular close
     */
    public void connectionLost(Throwable exc) {
        if (state == CLOSED) {
            return;
        }
        state = CLOSED;
        cancelTimer();
        pending = null;
        server.unregister(this);
        wakeDrain();
        if (upgraded != null) {
            upgraded.connectionLost(exc);
        }
        Exchange ex = current;
        if (ex != null) {
            if (ex.body() != null) {
                SocketException gone = new SocketException("the client closed the connection");
                if (exc != null) {
                    gone.initCause(exc);
                }
                ex.body().fail(gone);
            }
            if (!ex.handlerDone) {
                if (!ex.started) {
                    ex.task.cancel("the client closed the connection");
                    handlerFinished(ex, null);
                } else if (options.handlerCancellation() && upgraded == null) {
                    ex.task.cancel("the client closed the connection");
                }
            } else {
                current = null;
            }
        }
        notifyQuiescent();
    }

    /** The transport's buffer went above its high-water mark: writers suspend in {@code drain}. */
    public void pauseWriting() {
        writingPaused = true;
    }

    /** The transport's buffer drained to its low-water mark. */
    public void resumeWriting() {
        writingPaused = false;
        wakeDrain();
    }

    // ---------------------------------------------------------------- parsing

    private final class Listener implements HttpMessageListener<RequestHead> {
        @Override
        public void onHead(RequestHead head) {
            double start = options.accessLogger() != null ? loop.time() : 0;
            Exchange ex = new Exchange(HttpServerProtocol.this, head, server.app(), options.bodyBufferSize(), start);
            current = ex;
            state = BUSY;
            server.requestStarted();
            ex.task = loop.createTask(ex::run, "http-request");
        }

        @Override
        public void onBody(ByteBuffer content) {
            Exchange ex = current;
            if (ex.discarding) {
                ex.discarded += content.remaining();
                if (ex.discarded > options.maxDiscardSize()) {
                    closeConnection();
                }
                return;
            }
            ex.body().feed(content);
        }

        @Override
        public void onMessageComplete() {
            Exchange ex = current;
            ex.messageComplete = true;
            if (ex.body() != null) {
                ex.body().feedEof();
            }
            setPaused(PAUSE_BODY, false);
            parser.pause();
        }
    }

    /** Feeds the parser; on return the state reflects what was parsed. */
    private void feed(ByteBuffer in) {
        FeedResult r;
        try {
            r = parser.feed(in);
        } catch (HttpParseException e) {
            pending = null;
            parseFailed(e);
            return;
        } catch (RuntimeException | Error e) {
            pending = null;
            internalFailure(e);
            return;
        }
        if (state >= CLOSING) {
            pending = null;
            return;
        }
        if (r == FeedResult.PAUSED) {
            if (in != pending) {
                stash(in);
            }
        } else if (in == pending) {
            pending = null;
        }
        if (current == null) {
            if (parser.isIdle()) {
                if (state != IDLE) {
                    toIdle();
                }
            } else if (state != HEAD) {
                state = HEAD;
                since = loop.time();
                armTimer();
            }
        }
    }

    /** Keeps the unparsed bytes of {@code data} (which the caller may reuse) in {@link #pending}. */
    private void stash(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        ByteBuffer p = pending;
        if (p == null) {
            p = ByteBuffer.allocate(Math.max(n, 1024));
        } else {
            p.compact();
            if (p.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(p.position() + n, p.capacity() * 2));
                p.flip();
                bigger.put(p);
                p = bigger;
            }
        }
        p.put(data);
        p.flip();
        pending = p;
    }

    /**
     * Moves on after an event: ends the exchange that is complete, then parses pipelined bytes,
     * until it has to wait for a handler or for input.
     */
    private void advance() {
        if (advancing) {
            return;
        }
        advancing = true;
        try {
            while (state < CLOSING) {
                Exchange ex = current;
                if (ex != null) {
                    if (!ex.handlerDone || !ex.messageComplete) {
                        break;
                    }
                    current = null;
                    parser.resume();
                    if (parser.isUpgraded()) {
                        parser.declineUpgrade();
                    }
                    toIdle();
                }
                if (pending == null || !pending.hasRemaining()) {
                    pending = null;
                    setPaused(PAUSE_PIPELINE, false);
                    if (peerEof) {
                        closeConnection();
                    }
                    break;
                }
                feed(pending);
                if (current == null) {
                    break;
                }
            }
        } finally {
            advancing = false;
        }
        notifyQuiescent();
    }

    private void parseFailed(HttpParseException e) {
        LOG.log(System.Logger.Level.DEBUG, () -> "rejected request on " + transport.remoteAddress() + ": " + e);
        Exchange ex = current;
        if (ex != null) {
            // Malformed content of the request in flight: its handler sees the error on read,
            // and the connection closes after its response.
            ex.mustClose = true;
            if (ex.body() != null) {
                ex.body().fail(e);
            }
            if (ex.handlerDone) {
                closeConnection();
            }
            return;
        }
        writeSimple(e.status(), e.getMessage());
        closeConnection();
    }

    private void internalFailure(Throwable e) {
        LOG.log(System.Logger.Level.ERROR, "internal error while parsing a request; closing the connection", e);
        Exchange ex = current;
        if (ex != null) {
            ex.mustClose = true;
            if (ex.body() != null) {
                ex.body().fail(new IOException("internal server error while reading the request", e));
            }
            if (ex.handlerDone) {
                closeConnection();
            }
            return;
        }
        writeSimple(500, null);
        closeConnection();
    }

    // ---------------------------------------------------------------- called by the exchange

    WebServer server() {
        return server;
    }

    HttpTransport transport() {
        return transport;
    }

    HttpWriter writer() {
        return server.writer();
    }

    boolean isLost() {
        return state == CLOSED;
    }

    /** @throws SocketException if the connection is closing or gone */
    void checkAlive() throws IOException {
        if (state >= CLOSING) {
            throw new SocketException("the connection is closed: the client went away or the server is closing it");
        }
    }

    /**
     * Hands the connection to another protocol after the 101 answer to {@code ex} was sent: from
     * now on its events go to {@code target}, no further request is parsed, and the connection
     * closes when the handler returns (if not before).
     *
     * @return the bytes that arrived after the request head and belong to the new protocol, or null
     */
    ByteBuffer upgrade(Exchange ex, UpgradedProtocol target) {
        if (ex != current || upgraded != null) {
            throw new IllegalStateException("only the request in flight can switch protocols, once");
        }
        upgraded = target;
        ex.mustClose = true;
        cancelTimer();
        ByteBuffer early = pending;
        pending = null;
        setPaused(PAUSE_PIPELINE, false);
        setPaused(PAUSE_BODY, false);
        return early;
    }

    /** The handler's first read: send {@code 100 Continue} if the client waits for it. */
    void sendContinue(Exchange ex) {
        if (ex == current && ex.head.expect100Continue() && !ex.continueSent && !ex.messageComplete && !ex.headSent
                && state < CLOSING) {
            ex.continueSent = true;
            transport.write(ByteBuffer.wrap(CONTINUE));
        }
    }

    void bodyPaused(Exchange ex, boolean paused) {
        if (ex == current && !ex.discarding) {
            setPaused(PAUSE_BODY, paused);
        }
    }

    EventLoop loop() {
        return loop;
    }

    /** @return whether the response to {@code ex} may keep the connection open */
    boolean keepAliveAllowed(Exchange ex) {
        if (!ex.head.keepAlive() || ex.mustClose || state >= CLOSING || server.isShuttingDown()) {
            return false;
        }
        if (peerEof && (pending == null || !pending.hasRemaining())) {
            return false;
        }
        if (!ex.messageComplete) {
            if (parser.isFailed() || ex.head.expect100Continue() && !ex.continueSent) {
                return false;
            }
            if (!ex.head.chunked()) {
                long received = ex.body() == null ? 0 : ex.body().receivedBytes();
                return ex.head.contentLength() - received <= options.maxDiscardSize();
            }
        }
        return true;
    }

    /** Writes a response head, and a whole body after it, in one write when they fit. */
    void sendHead(int status, String reason, Headers headers, byte[] body) {
        HttpWriter w = server.writer();
        ByteBuffer out = server.scratch();
        out.clear();
        ByteBuffer head;
        try {
            w.encodeResponseHead(HttpVersion.HTTP_1_1, status, reason, headers, out);
            head = out;
        } catch (BufferOverflowException e) {
            head = w.encodeResponseHead(HttpVersion.HTTP_1_1, status, reason, headers);
        }
        byte[] rest = body;
        if (head == out) {
            if (rest != null && rest.length <= out.remaining()) {
                out.put(rest);
                rest = null;
            }
            out.flip();
        }
        transport.write(head);
        if (rest != null && rest.length > 0) {
            transport.write(ByteBuffer.wrap(rest));
        }
    }

    /** Suspends the calling task while the transport is above its high-water mark. */
    void drain() throws IOException {
        while (true) {
            checkAlive();
            if (!writingPaused) {
                return;
            }
            Future<Void> w = drainWaiter;
            if (w == null || w.done()) {
                w = new Future<>(loop);
                drainWaiter = w;
            }
            try {
                Asyncio.await(w);
            } catch (CancelledError | IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** {@link #drain()} if writing is paused; otherwise only checks the connection. */
    void drainIfPaused() throws IOException {
        if (writingPaused) {
            drain();
        } else {
            checkAlive();
        }
    }

    private void wakeDrain() {
        Future<Void> w = drainWaiter;
        if (w != null) {
            drainWaiter = null;
            if (!w.done()) {
                w.setResult(null);
            }
        }
    }

    /** The request's task is ending (normally, by failure or cancelled). */
    void handlerFinished(Exchange ex, StreamResponse resp) {
        if (ex.handlerDone) {
            return;
        }
        ex.handlerDone = true;
        server.requestFinished();
        ex.request.cleanup();
        AccessLogger log = options.accessLogger();
        if (log != null && resp != null && resp.isPrepared()) {
            try {
                log.log(ex.request, resp, loop.time() - ex.startTime);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the access logger failed", e);
            }
        }
        if (state >= CLOSING) {
            if (current == ex) {
                current = null;
            }
            notifyQuiescent();
            return;
        }
        if (ex.mustClose || !ex.responseDone || !ex.keepAlive) {
            closeConnection();
            return;
        }
        if (!ex.messageComplete) {
            ex.discarding = true;
            ex.discarded = 0;
            setPaused(PAUSE_BODY, false);
            state = DRAIN;
            since = loop.time();
            armTimer();
            notifyQuiescent();
            return;
        }
        advance();
    }

    // ---------------------------------------------------------------- shutdown (WebServer)

    /** Closes the connection now if it is idle, else after the response in flight. */
    void beginShutdown() {
        if (state >= CLOSING) {
            return;
        }
        if (upgraded != null) {
            upgraded.goingAway(); // the WebSocket closes with 1001; its handler then returns
            return;
        }
        Exchange ex = current;
        if (ex == null || ex.handlerDone) {
            closeConnection();
        }
    }

    /** @return whether a handler is still running on this connection */
    boolean isHandling() {
        Exchange ex = current;
        return ex != null && !ex.handlerDone;
    }

    /** Cancels the handler still running, if any, and aborts the connection. */
    io.jasyncio.Task<?> abort() {
        Exchange ex = current;
        io.jasyncio.Task<?> t = null;
        if (ex != null && !ex.handlerDone && ex.task != null) {
            t = ex.task;
            t.cancel("the server is shutting down");
        }
        if (state < CLOSING) {
            state = CLOSING;
            cancelTimer();
            parser.pause();
            pending = null;
            transport.abort();
        }
        return t;
    }

    // ---------------------------------------------------------------- states, timers, closing

    private void toIdle() {
        state = IDLE;
        since = loop.time();
        armTimer();
    }

    private double limit(int s) {
        return switch (s) {
            case IDLE -> options.keepaliveTimeout();
            case HEAD -> options.headerReadTimeout();
            case DRAIN -> options.lingerTimeout();
            default -> 0;
        };
    }

    /**
     * Makes sure a timer fires no later than the current state's deadline. A timer due earlier is
     * kept; when it fires it re-arms for the real deadline, so a busy keep-alive connection
     * touches the timer heap about once per timeout, not once per request.
     */
    private void armTimer() {
        double l = limit(state);
        if (l <= 0) {
            return;
        }
        double due = since + l;
        if (timer != null) {
            if (timerDue <= due) {
                return;
            }
            timer.cancel();
        }
        timerDue = due;
        timer = loop.callAt(due, timerTask);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void onTimer() {
        timer = null;
        if (state >= CLOSING) {
            return;
        }
        double l = limit(state);
        if (l <= 0) {
            return;
        }
        double due = since + l;
        if (loop.time() < due) {
            timerDue = due;
            timer = loop.callAt(due, timerTask);
            return;
        }
        if (state == HEAD) {
            LOG.log(System.Logger.Level.DEBUG, () -> "request head from " + transport.remoteAddress()
                    + " not received within " + options.headerReadTimeout() + " s");
            writeSimple(HttpStatus.REQUEST_TIMEOUT, "the request head did not arrive in time");
        }
        closeConnection();
    }

    private void closeConnection() {
        if (state >= CLOSING) {
            return;
        }
        state = CLOSING;
        cancelTimer();
        parser.pause();
        pending = null;
        transport.close();
        notifyQuiescent();
    }

    private void setPaused(int reason, boolean on) {
        int before = pauseReasons;
        int after = on ? before | reason : before & ~reason;
        pauseReasons = after;
        if (state >= CLOSING || transport == null) {
            return;
        }
        if (before == 0 && after != 0) {
            transport.pauseReading();
        } else if (before != 0 && after == 0) {
            transport.resumeReading();
        }
    }

    /** Answers with a short text response and {@code Connection: close}, outside any exchange. */
    private void writeSimple(int status, String detail) {
        Response r = errorResponse(status, detail);
        Headers h = r.headers();
        h.set(HeaderNames.CONTENT_LENGTH, Integer.toString(r.body().length));
        h.set(HeaderNames.CONNECTION, "close");
        sendHead(status, null, h, r.body());
    }

    /** A text response {@code "<status>: <reason>"}, with a sanitized detail line. */
    static Response errorResponse(int status, String detail) {
        StringBuilder sb = new StringBuilder().append(status).append(": ").append(HttpStatus.reasonPhrase(status));
        if (detail != null && !detail.isEmpty()) {
            sb.append('\n');
            for (int i = 0; i < detail.length() && i < 200; i++) {
                char c = detail.charAt(i);
                sb.append(c >= 0x20 && c < 0x7F ? c : '?');
            }
        }
        return Response.text(sb.toString(), status);
    }

    // ---------------------------------------------------------------- for tests and the server

    /** @return the current state (one of the constants above) */
    int state() {
        return state;
    }

    private boolean isQuiescent() {
        if (state >= CLOSING) {
            return true;
        }
        Exchange ex = current;
        if (ex == null) {
            return pending == null || !pending.hasRemaining();
        }
        return ex.handlerDone && !ex.messageComplete;
    }

    /**
     * @return a future done once nothing more will happen on this connection without new input
     *     or a timer: no handler running, no bytes left to parse (or the connection closing)
     */
    Future<Void> whenQuiescent() {
        Future<Void> f = new Future<>(loop);
        if (isQuiescent()) {
            f.setResult(null);
        } else {
            quiescent = f;
        }
        return f;
    }

    private void notifyQuiescent() {
        Future<Void> q = quiescent;
        if (q != null && isQuiescent()) {
            quiescent = null;
            if (!q.done()) {
                q.setResult(null);
            }
        }
    }

    @Override
    public String toString() {
        String[] names = {"IDLE", "HEAD", "BUSY", "DRAIN", "CLOSING", "CLOSED"};
        return "<HttpServerProtocol " + names[state] + (current != null ? " " + current : "")
                + (transport != null ? " peer=" + transport.remoteAddress() : "") + ">";
    }
}
