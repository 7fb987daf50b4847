package io.jasyncio.http.client;

import io.jasyncio.EventLoop;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.ws.WebSocketConnection;
import io.jasyncio.http.ws.WsClientHandshake;
import io.jasyncio.http.ws.WsDeflateOptions;
import io.jasyncio.http.ws.WsHandshakeException;
import io.jasyncio.http.ws.WsRole;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;

/**
 * Carries out one {@link ClientSession#wsConnect} call: the upgrade request as an ordinary GET
 * through the session (default headers, cookies, redirects, timeouts), the check of the answer
 * (a status other than 101, or a 101 that breaks the handshake, is a
 * {@link WsServerHandshakeError} and closes the connection), then the WebSocket over the
 * connection taken out of the pool.
 *
 * <p>Used once, by one task, on the session's loop.
 */
final class WsConnect {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WsConnect() {
    }

    static ClientWebSocket connect(ClientSession session, EventLoop loop, String url, WsConnectOptions o)
            throws IOException {
        WsClientHandshake handshake = new WsClientHandshake(o.protocols(),
                o.compress() ? WsDeflateOptions.ENABLED : WsDeflateOptions.DISABLED, RANDOM);
        Headers h = o.headers().copy();
        for (Map.Entry<String, String> e : handshake.requestHeaders().entrySet()) {
            h.set(e.getKey(), e.getValue());
        }
        RequestExecutor executor = new RequestExecutor(session, loop);
        executor.upgrade = true;
        ClientResponse resp = executor.execute(HttpMethod.GET, httpUrl(url), new RequestOptions().headers(h));
        try {
            if (resp.status() != 101 || executor.upgraded == null) {
                throw new WsServerHandshakeError(resp.requestInfo(), resp.history(), resp.status(),
                        "Invalid response status", resp.headers(), null);
            }
            WsClientHandshake.Result agreed;
            try {
                agreed = handshake.verify(101, resp.headers()::getAll);
            } catch (WsHandshakeException e) {
                throw new WsServerHandshakeError(resp.requestInfo(), resp.history(), resp.status(), e.getMessage(),
                        resp.headers(), e);
            }
            ConnectionWsTransport transport = new ConnectionWsTransport(loop, executor.upgraded);
            WebSocketConnection ws = new WebSocketConnection(loop, WsRole.CLIENT, transport, o.settings(),
                    agreed.deflate(), agreed.protocol(), new SecureRandom());
            transport.start(ws);
            return new ClientWebSocket(ws, resp);
        } catch (IOException | RuntimeException | Error e) {
            resp.close(); // gives the connection's slot back unless the WebSocket took it
            throw e;
        }
    }

    /** {@code ws://} and {@code wss://} become {@code http://} and {@code https://}; anything else is left. */
    static String httpUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ws://")) {
            return "http://" + url.substring(5);
        }
        if (lower.startsWith("wss://")) {
            return "https://" + url.substring(6);
        }
        return url;
    }
}
