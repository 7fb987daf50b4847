package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.ResponseHead;
import io.jasyncio.http.codec.HttpParseException;
import io.jasyncio.http.codec.HttpParserOptions;
import java.io.IOException;
import java.util.List;

/**
 * Opens a connection for a {@link ConnectionKey} that has a proxy, as aiohttp's connector does:
 * dials the proxy; for a plain {@code http} target that connection is the result (requests go
 * to the proxy in absolute form). For an {@code https} target it sends
 * {@code CONNECT host:port} (with {@code Proxy-Authorization} when there are credentials),
 * requires a 2xx answer with nothing after it, and starts TLS with the target through the
 * tunnel, verifying the target's certificate and host name.
 *
 * <p>Invariants: the proxy's credentials go only into the {@code CONNECT} head, never through
 * the tunnel, and {@link RequestInfo} and messages never show them; on every failure path the
 * connection to the proxy is closed. A proxy that cannot be reached is a
 * {@link ClientProxyConnectionError}; a refused tunnel a {@link ClientHttpProxyError} with the
 * proxy's status; a failed handshake with the target a {@link ClientConnectorError} naming
 * target and proxy.
 *
 * <p>Stateless; called from the requesting task on the connector's loop.
 */
final class ProxyTunnel {

    private ProxyTunnel() {
    }

    static ClientConnection open(Dialer dialer, ConnectionKey key, TlsPolicy tls, RequestTimer timer)
            throws IOException {
        ClientConnection c;
        try {
            c = dialer.dial(key.proxy().key(), tls);
        } catch (ClientError e) {
            throw e;
        } catch (IOException e) {
            throw new ClientProxyConnectionError(key, e);
        }
        if (!key.isSecure()) {
            return c;
        }
        boolean done = false;
        try {
            connect(c, key, timer);
            ClientConnection secured;
            try {
                secured = dialer.startTls(c, key, tls);
            } catch (ClientError e) {
                throw e;
            } catch (IOException e) {
                throw new ClientConnectorError(key, e);
            }
            done = true;
            return secured;
        } finally {
            if (!done) {
                c.close();
            }
        }
    }

    /** Asks the proxy for a tunnel to the key's host and port; returns once it is open. */
    private static void connect(ClientConnection c, ConnectionKey key, RequestTimer timer) throws IOException {
        HttpProxy proxy = key.proxy();
        String target = key.authority();
        Headers shown = new Headers();
        shown.add("Host", target);
        Headers sent = shown.copy();
        if (proxy.auth() != null) {
            sent.add("Proxy-Authorization", proxy.authorization());
        }
        RequestInfo info = new RequestInfo(HttpMethod.CONNECT, proxy.url(), shown);
        String what = "CONNECT " + target + " via proxy " + proxy;
        Http1Connection proto = new Http1Connection(c, HttpParserOptions.DEFAULTS);
        ResponseHead head;
        try {
            proto.send(HttpMethod.CONNECT, target, sent, null, timer, what);
            head = proto.readHead(timer);
        } catch (HttpParseException e) {
            throw new InvalidResponseError(info, List.of(), e);
        }
        if (head.status() / 100 != 2) {
            throw new ClientHttpProxyError(proxy, info, target, head.status(), head.reason(), head.headers());
        }
        if (proto.takeUnparsed().hasRemaining()) {
            throw new ClientConnectorError(key, new IOException("the proxy sent data through the tunnel before the "
                    + "TLS handshake"));
        }
    }
}
