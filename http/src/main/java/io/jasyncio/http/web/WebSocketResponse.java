package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.TimeoutError;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.ws.WebSocket;
import io.jasyncio.http.ws.WebSocketConnection;
import io.jasyncio.http.ws.WsCloseCode;
import io.jasyncio.http.ws.WsDeflateOptions;
import io.jasyncio.http.ws.WsDeflateParams;
import io.jasyncio.http.ws.WsHandshakeException;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsRole;
import io.jasyncio.http.ws.WsServerHandshake;
import io.jasyncio.http.ws.WsSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The server end of a WebSocket: aiohttp's {@code web.WebSocketResponse}. A handler makes one,
 * {@link #prepare(Request) prepares} it (the opening handshake: the 101 answer, with the chosen
 * subprotocol and permessage-deflate), talks over it with the {@link WebSocket} methods, and
 * returns it once the conversation is over.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=webSocketResponse}
 *
 * <p><b>Handshake.</b> {@code prepare} checks the request (RFC 6455 §4.2): a request that is not
 * a WebSocket upgrade throws an {@link HttpException} before anything is sent (400 Bad Request,
 * 405 for a method other than GET, 426 Upgrade Required with {@code Sec-WebSocket-Version: 13}
 * for another version), which the server answers like any other. The subprotocol is the first
 * of {@link #protocols(String...)} the client offered; permessage-deflate is accepted when the
 * client offers it, unless {@link #compress(boolean) compress(false)}.
 *
 * <p><b>The connection.</b> After the 101 the connection belongs to the WebSocket: no further
 * HTTP request is read from it, and it closes when the WebSocket ends or, at the latest, when
 * the handler returns. A client that goes away shows as CLOSED (or ERROR) in {@code receive()};
 * the handler is not cancelled. On a graceful server shutdown every open WebSocket is closed
 * with 1001 (going away): a pending {@code receive()} gets CLOSING and iteration ends.
 *
 * <p><b>Threads.</b> Confined to the request's task and loop, as every response.
 */
public class WebSocketResponse extends StreamResponse implements WebSocket {

    private List<String> protocols = List.of();
    private boolean compress = true;
    private WsSettings settings = WsSettings.DEFAULTS;
    private WebSocketConnection ws;

    /** A WebSocket with aiohttp's defaults (no subprotocols, compression accepted, no heartbeat). */
    public WebSocketResponse() {
        super(101);
    }

    /** @param settings timeouts, autoping, autoclose, heartbeat, message size */
    public WebSocketResponse(WsSettings settings) {
        super(101);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    // ---------------------------------------------------------------- options (before prepare)

    /** @param supported subprotocols this handler speaks, most preferred first @return this */
    public WebSocketResponse protocols(String... supported) {
        checkNotStarted();
        this.protocols = List.of(supported);
        return this;
    }

    /** @param on whether to accept permessage-deflate when offered (default true) @return this */
    public WebSocketResponse compress(boolean on) {
        checkNotStarted();
        this.compress = on;
        return this;
    }

    /** @param seconds ping after this much silence, fail after half as much more; 0 for none @return this */
    public WebSocketResponse heartbeat(double seconds) {
        checkNotStarted();
        settings = settings.withHeartbeat(seconds);
        return this;
    }

    /** @param on whether to answer pings and hide pings and pongs (default true) @return this */
    public WebSocketResponse autoping(boolean on) {
        checkNotStarted();
        settings = settings.withAutoping(on);
        return this;
    }

    /** @param on whether to answer the client's close frame at once (default true) @return this */
    public WebSocketResponse autoclose(boolean on) {
        checkNotStarted();
        settings = settings.withAutoclose(on);
        return this;
    }

    /** @param bytes the largest message accepted, 0 for no limit (default 4 MiB) @return this */
    public WebSocketResponse maxMsgSize(int bytes) {
        checkNotStarted();
        settings = settings.withMaxMsgSize(bytes);
        return this;
    }

    /** @param seconds how long close() waits for the client's close frame (default 10) @return this */
    public WebSocketResponse timeout(double seconds) {
        checkNotStarted();
        settings = settings.withTimeout(seconds);
        return this;
    }

    /** @param seconds how long receive() waits, 0 for no limit (the default) @return this */
    public WebSocketResponse receiveTimeout(double seconds) {
        checkNotStarted();
        settings = settings.withReceiveTimeout(seconds);
        return this;
    }

    private void checkNotStarted() {
        if (ws != null) {
            throw new IllegalStateException("the WebSocket is prepared: its options can no longer change");
        }
    }

    // ---------------------------------------------------------------- handshake

    /**
     * Whether {@code request} is a WebSocket upgrade this response would accept, without
     * answering it: aiohttp's {@code can_prepare}.
     *
     * @param request the request
     * @return whether {@link #prepare} would succeed (as far as the request goes)
     */
    public boolean canPrepare(Request request) {
        try {
            handshake(request);
            return true;
        } catch (HttpException e) {
            return false;
        }
    }

    /**
     * The opening handshake: checks the request, sends the 101 answer, and takes the connection
     * over. Does nothing if already prepared for this request.
     *
     * @param request the upgrade request
     * @throws HttpException (400, 405 or 426) if the request is not an acceptable WebSocket
     *     upgrade; nothing was sent
     * @throws IOException if the client has gone away
     */
    @Override
    public void prepare(Request request) throws IOException {
        if (ws != null) {
            if (request() == request) {
                return;
            }
            throw new IllegalStateException("this WebSocket was already prepared for another request");
        }
        WsServerHandshake hs = handshake(request);
        hs.responseHeaders().forEach(headers()::set);
        super.prepare(request);
        Exchange ex = request.exchange();
        HttpServerProtocol conn = ex.connection();
        EventLoop loop = Asyncio.getRunningLoop();
        WebSocketConnection c = new WebSocketConnection(loop, WsRole.SERVER, new UpgradedTransport(conn), settings,
                hs.deflate(), hs.protocol(), null);
        ws = c;
        ByteBuffer early = conn.upgrade(ex, new UpgradedProtocol() {
            @Override
            public void dataReceived(ByteBuffer data) {
                c.feed(data);
            }

            @Override
            public void eofReceived() {
                c.feedEof();
            }

            @Override
            public void connectionLost(Throwable error) {
                c.connectionLost(error);
            }

            @Override
            public void goingAway() {
                if (!c.closed()) {
                    loop.createTask(() -> c.close(WsCloseCode.GOING_AWAY, "Server shutdown"), "ws-going-away");
                }
            }
        });
        if (early != null && early.hasRemaining()) {
            c.feed(early);
        }
    }

    private WsServerHandshake handshake(Request request) throws HttpException {
        if (request.version() != HttpVersion.HTTP_1_1) {
            throw new HTTPBadRequest("WebSocket handshake needs HTTP/1.1, got " + request.version());
        }
        try {
            return WsServerHandshake.accept(request.method(), request.headers()::getAll, protocols,
                    compress ? WsDeflateOptions.ENABLED : WsDeflateOptions.DISABLED);
        } catch (WsHandshakeException e) {
            HttpException he = switch (e.status()) {
                case 405 -> new HTTPMethodNotAllowed(request.method(), List.of(HttpMethod.GET), e.getMessage());
                case 426 -> new HTTPUpgradeRequired(e.getMessage());
                default -> new HTTPBadRequest(e.getMessage());
            };
            e.responseHeaders().forEach(he::withHeader);
            throw he;
        }
    }

    private WebSocketConnection ws() {
        if (ws == null) {
            throw new IllegalStateException("prepare(request) the WebSocket first");
        }
        return ws;
    }

    /** Raw body bytes would corrupt the WebSocket stream: use the send methods. */
    @Override
    public void write(ByteBuffer data) {
        throw new IllegalStateException("a WebSocketResponse has no HTTP body: use sendStr, sendBytes or sendJson");
    }

    // ---------------------------------------------------------------- WebSocket

    @Override
    public WsMessage receive() throws TimeoutError {
        return ws().receive();
    }

    @Override
    public WsMessage receive(double timeoutSeconds) throws TimeoutError {
        return ws().receive(timeoutSeconds);
    }

    @Override
    public void sendStr(String text, boolean compress) throws IOException {
        ws().sendStr(text, compress);
    }

    @Override
    public void sendBytes(byte[] data, boolean compress) throws IOException {
        ws().sendBytes(data, compress);
    }

    @Override
    public void ping(byte[] data) throws IOException {
        ws().ping(data);
    }

    @Override
    public void pong(byte[] data) throws IOException {
        ws().pong(data);
    }

    @Override
    public boolean close(int code, String reason) {
        return ws().close(code, reason);
    }

    @Override
    public boolean closed() {
        return ws != null && ws.closed();
    }

    @Override
    public int closeCode() {
        return ws == null ? 0 : ws.closeCode();
    }

    @Override
    public Throwable exception() {
        return ws == null ? null : ws.exception();
    }

    @Override
    public String protocol() {
        return ws == null ? null : ws.protocol();
    }

    @Override
    public WsDeflateParams deflate() {
        return ws == null ? null : ws.deflate();
    }

    @Override
    public WsSettings settings() {
        return settings;
    }
}
