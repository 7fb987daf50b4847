package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import io.jasyncio.http.ws.WsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The keyword arguments of aiohttp's {@code session.ws_connect(url, ...)}.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=wsConnect}
 *
 * <ul>
 *   <li>{@code protocols}: subprotocols to offer, most preferred first (none by default).
 *   <li>{@code compress}: offer permessage-deflate (default off, as aiohttp's {@code compress=0}).
 *   <li>{@code headers}, {@code origin}: extra request header fields; they cannot replace the
 *       handshake's own ({@code Upgrade}, {@code Connection}, {@code Sec-WebSocket-*}).
 *   <li>{@code timeout}, {@code receiveTimeout}, {@code autoclose}, {@code autoping},
 *       {@code heartbeat}, {@code maxMsgSize}: see {@link WsSettings}.
 * </ul>
 * The handshake request itself runs under the session's {@link ClientTimeout}, follows
 * redirects, and sends the session's default headers and cookies like any request.
 *
 * <p>A mutable builder, not thread-safe; read when {@code wsConnect} starts.
 */
public final class WsConnectOptions {

    private final List<String> protocols = new ArrayList<>();
    private final Headers headers = new Headers();
    private boolean compress;
    private WsSettings settings = WsSettings.DEFAULTS;

    /** @param offered subprotocols to offer, most preferred first (each a token) @return this */
    public WsConnectOptions protocols(String... offered) {
        protocols.clear();
        protocols.addAll(List.of(offered));
        return this;
    }

    /** @param on whether to offer permessage-deflate (default false) @return this */
    public WsConnectOptions compress(boolean on) {
        this.compress = on;
        return this;
    }

    /** @param name a request header field @param value its value @return this */
    public WsConnectOptions header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /** @param h request header fields to add @return this */
    public WsConnectOptions headers(Headers h) {
        h.forEach(headers::add);
        return this;
    }

    /** @param origin the {@code Origin} header to send @return this */
    public WsConnectOptions origin(String origin) {
        headers.set("Origin", Objects.requireNonNull(origin, "origin"));
        return this;
    }

    /** @param seconds how long close() waits for the server's close frame (default 10) @return this */
    public WsConnectOptions timeout(double seconds) {
        settings = settings.withTimeout(seconds);
        return this;
    }

    /** @param seconds how long receive() waits, 0 for no limit (the default) @return this */
    public WsConnectOptions receiveTimeout(double seconds) {
        settings = settings.withReceiveTimeout(seconds);
        return this;
    }

    /** @param on whether to answer the server's close frame at once (default true) @return this */
    public WsConnectOptions autoclose(boolean on) {
        settings = settings.withAutoclose(on);
        return this;
    }

    /** @param on whether to answer pings and hide pings and pongs (default true) @return this */
    public WsConnectOptions autoping(boolean on) {
        settings = settings.withAutoping(on);
        return this;
    }

    /** @param seconds ping after this much silence, fail after half as much more; 0 for none (the default) @return this */
    public WsConnectOptions heartbeat(double seconds) {
        settings = settings.withHeartbeat(seconds);
        return this;
    }

    /** @param bytes the largest message accepted, 0 for no limit (default 4 MiB) @return this */
    public WsConnectOptions maxMsgSize(int bytes) {
        settings = settings.withMaxMsgSize(bytes);
        return this;
    }

    /** @param s all the behaviour settings at once (replacing those set before) @return this */
    public WsConnectOptions settings(WsSettings s) {
        settings = Objects.requireNonNull(s, "settings");
        return this;
    }

    List<String> protocols() {
        return List.copyOf(protocols);
    }

    Headers headers() {
        return headers;
    }

    boolean compress() {
        return compress;
    }

    WsSettings settings() {
        return settings;
    }
}
