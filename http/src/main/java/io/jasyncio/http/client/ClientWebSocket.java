package io.jasyncio.http.client;

import io.jasyncio.TimeoutError;
import io.jasyncio.http.ws.WebSocket;
import io.jasyncio.http.ws.WebSocketConnection;
import io.jasyncio.http.ws.WsDeflateParams;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsSettings;
import java.io.IOException;

/**
 * The client end of a WebSocket, as aiohttp's {@code ClientWebSocketResponse}: what
 * {@link ClientSession#wsConnect} returns once the server answered 101. Everything of the
 * {@link WebSocket} interface (receive, iterate, send, ping, close) works as described there;
 * {@link #response()} is the 101 answer, for its headers.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=wsConnect}
 *
 * <p><b>Connection.</b> The connection left the pool with the 101 answer: it keeps its pool slot
 * (counted by the connector's limits) until the WebSocket ends, then it is closed, never reused.
 * Closing the session (or its connector) ends open WebSockets (they see CLOSED, code 1006).
 *
 * <p><b>Threads.</b> Confined to the session's loop, like the session.
 */
public final class ClientWebSocket implements WebSocket {

    private final WebSocketConnection ws;
    private final ClientResponse response;

    ClientWebSocket(WebSocketConnection ws, ClientResponse response) {
        this.ws = ws;
        this.response = response;
    }

    /** @return the server's 101 answer (status line and headers; no body) */
    public ClientResponse response() {
        return response;
    }

    @Override
    public WsMessage receive() throws TimeoutError {
        return ws.receive();
    }

    @Override
    public WsMessage receive(double timeoutSeconds) throws TimeoutError {
        return ws.receive(timeoutSeconds);
    }

    @Override
    public void sendStr(String text, boolean compress) throws IOException {
        ws.sendStr(text, compress);
    }

    @Override
    public void sendBytes(byte[] data, boolean compress) throws IOException {
        ws.sendBytes(data, compress);
    }

    @Override
    public void ping(byte[] data) throws IOException {
        ws.ping(data);
    }

    @Override
    public void pong(byte[] data) throws IOException {
        ws.pong(data);
    }

    @Override
    public boolean close(int code, String reason) {
        return ws.close(code, reason);
    }

    @Override
    public boolean closed() {
        return ws.closed();
    }

    @Override
    public int closeCode() {
        return ws.closeCode();
    }

    @Override
    public Throwable exception() {
        return ws.exception();
    }

    @Override
    public String protocol() {
        return ws.protocol();
    }

    @Override
    public WsDeflateParams deflate() {
        return ws.deflate();
    }

    @Override
    public WsSettings settings() {
        return ws.settings();
    }

    @Override
    public String toString() {
        return "ClientWebSocket[" + response.url() + ", " + ws + "]";
    }
}
