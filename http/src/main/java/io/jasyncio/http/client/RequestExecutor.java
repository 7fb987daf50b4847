package io.jasyncio.http.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jasyncio.EventLoop;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.HttpStatus;
import io.jasyncio.http.ResponseHead;
import io.jasyncio.http.codec.HttpParseException;
import io.jasyncio.http.encoding.ContentDecoder;
import io.jasyncio.http.encoding.ContentDecodingException;
import io.jasyncio.http.url.Query;
import io.jasyncio.http.url.Url;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Carries out one {@link ClientSession#request} call: builds the URL, headers and body, sends
 * the request on a pooled connection (retrying once on a stale one), follows redirects, stores
 * cookies, and hands the response over with its connection. Every path that does not hand a
 * connection to a response gives it back to the connector.
 *
 * <p>Used once, by one task, on the session's loop.
 */
final class RequestExecutor {

    private static final long DRAIN_ON_REDIRECT = 64 * 1024;

    private final ClientSession session;
    private final EventLoop loop;
    /** Set by {@code wsConnect}: a 101 answer keeps its connection, handed over in {@link #upgraded}. */
    boolean upgrade;
    /** The connection of the 101 answer to an {@link #upgrade} request, or null. */
    UpgradedConnection upgraded;

    RequestExecutor(ClientSession session, EventLoop loop) {
        this.session = session;
        this.loop = loop;
    }

    ClientResponse execute(String method, String urlText, RequestOptions o) throws IOException {
        Url url = requestUrl(urlText, o.params());
        ClientTimeout t = o.timeoutOr(session.timeout);
        RequestTimer timer = new RequestTimer(loop, t, method + " " + url.withoutUserInfo());
        Headers user = userHeaders(o.headers());
        RequestBody body = body(o);
        Map<String, String> cookies = o.cookies();
        int max = o.maxRedirectsOr(session.maxRedirects);
        List<ClientResponse> history = new ArrayList<>();
        RequestInfo first = null;
        while (true) {
            Headers sent = headersFor(method, url, user, body, cookies);
            if (session.tracer.enabled()) {
                session.tracer.send(new TraceEvent.RequestStart(method, url, sent));
            }
            ClientResponse resp;
            try {
                resp = sendOnce(method, url, proxyFor(url, o), sent, body, timer, history);
            } catch (IOException | RuntimeException | Error e) {
                if (session.tracer.enabled()) {
                    session.tracer.send(new TraceEvent.RequestException(method, url, sent, e));
                }
                throw e;
            }
            if (first == null) {
                first = resp.requestInfo();
            }
            try {
                session.cookieJar.updateCookies(resp.headers().getAll("Set-Cookie"), url);
                String location = resp.headers().get("Location");
                if (!o.allowRedirects() || !Redirects.isRedirect(resp.status()) || location == null) {
                    resp.history(history);
                    if (session.tracer.enabled()) {
                        session.tracer.send(new TraceEvent.RequestEnd(method, url, sent, resp));
                    }
                    if (o.raiseForStatusOr(session.raiseForStatus)) {
                        resp.raiseForStatus();
                    }
                    return resp;
                }
                String nextMethod = Redirects.nextMethod(resp.status(), method);
                boolean dropBody = !nextMethod.equals(method);
                if (!dropBody && body != null && !body.replayable()) {
                    resp.history(history);
                    return resp; // the streamed body is gone: hand the redirect to the caller
                }
                history.add(resp);
                if (session.tracer.enabled()) {
                    session.tracer.send(new TraceEvent.RequestRedirect(method, url, sent, resp));
                }
                discard(resp);
                if (history.size() > max) {
                    throw new TooManyRedirects(first, history, resp.status(), resp.headers(), max);
                }
                Url next = Redirects.target(url, location);
                boolean crossOrigin = !Redirects.sameOrigin(url, next);
                user = Redirects.nextHeaders(user, dropBody, crossOrigin);
                if (crossOrigin) {
                    cookies = Map.of();
                }
                if (dropBody) {
                    body = null;
                }
                method = nextMethod;
                url = next;
            } catch (IOException | RuntimeException | Error e) {
                resp.close(); // a listener, the jar, or the redirect rules failed: never leak the slot
                throw e;
            }
        }
    }

    /** Reads a small redirect body so its connection can be reused, else closes it. */
    private static void discard(ClientResponse resp) {
        try {
            long n = resp.contentLength();
            if (n >= 0 && n <= DRAIN_ON_REDIRECT) {
                resp.read();
            }
        } catch (IOException e) {
            // the failed read closed the connection; the redirect goes on
        } finally {
            resp.close();
        }
    }

    // ---------------------------------------------------------------- one request on one connection

    /**
     * The proxy for one request (and each of its redirects): the request's, else the session's,
     * else the environment's when the session trusts it; credentials given explicitly (request
     * first) win over those in the proxy URL.
     */
    private HttpProxy proxyFor(Url url, RequestOptions o) {
        HttpProxy p = o.proxy() != null ? o.proxy() : session.proxy;
        if (p == null && session.proxyEnvironment != null) {
            p = session.proxyEnvironment.proxyFor(url);
        }
        BasicAuth auth = o.proxyAuth() != null ? o.proxyAuth() : session.proxyAuth;
        return p == null || auth == null ? p : new HttpProxy(p.url(), auth);
    }

    /**
     * Sends one request and reads its head. Through a proxy, a plain {@code http} request goes
     * in absolute form with {@code Proxy-Authorization} (not shown in its {@link RequestInfo});
     * an {@code https} one goes unchanged through the tunnel the connector opened.
     */
    private ClientResponse sendOnce(String method, Url url, HttpProxy proxy, Headers headers, RequestBody body,
            RequestTimer timer, List<ClientResponse> history) throws IOException {
        ConnectionKey key = ConnectionKey.of(url, proxy);
        RequestInfo info = new RequestInfo(method, url.withoutUserInfo(), headers);
        String what = info.toString() + (proxy == null ? "" : " via proxy " + proxy);
        boolean forward = proxy != null && !key.isSecure();
        String target = forward ? url.withoutUserInfo().toString() : url.requestTarget();
        Headers wire = headers;
        if (forward && proxy.auth() != null) {
            wire = headers.copy();
            wire.set("Proxy-Authorization", proxy.authorization());
        }
        boolean retried = false;
        while (true) {
            Lease lease = session.connector.acquire(key, timer, session.tracer, retried);
            Http1Connection proto = lease.protocol;
            if (proto == null) {
                proto = new Http1Connection(lease.connection, session.parserOptions);
                lease.protocol = proto;
            }
            ResponseHead head;
            try {
                proto.send(method, target, wire, body, timer, what);
                head = proto.readHead(timer);
            } catch (HttpParseException e) {
                session.connector.release(lease, false);
                throw new InvalidResponseError(info, history, e);
            } catch (ServerDisconnectedError | ClientOSError e) {
                session.connector.release(lease, false);
                if (lease.reused && !retried && !proto.receivedAny() && HttpMethod.isIdempotent(method)
                        && (body == null || body.replayable())) {
                    retried = true;
                    continue;
                }
                throw e;
            } catch (IOException | RuntimeException | Error e) {
                session.connector.release(lease, false);
                throw e;
            }
            return response(info, head, lease, proto, timer, what);
        }
    }

    private ClientResponse response(RequestInfo info, ResponseHead head, Lease lease, Http1Connection proto,
            RequestTimer timer, String what) throws IOException {
        TcpConnector connector = session.connector;
        if (upgrade && head.status() == HttpStatus.SWITCHING_PROTOCOLS) {
            upgraded = new UpgradedConnection(connector, lease, proto.takeUnparsed());
            return new ClientResponse(info, head, new ResponseContent(loop, upgraded, null, what), session.mapper);
        }
        BodySource source = new BodySource() {
            @Override
            public ByteBuffer next() throws IOException {
                return proto.nextBody(timer);
            }

            @Override
            public void finished(boolean clean) {
                connector.release(lease, clean && proto.reusable());
            }
        };
        ContentDecoder decoder = null;
        String coding = head.headers().get("Content-Encoding");
        if (session.autoDecompress && coding != null && head.hasBody() && ContentDecoder.isSupported(coding)) {
            try {
                decoder = ContentDecoder.create(coding, session.maxDecodedBodySize);
            } catch (ContentDecodingException e) {
                connector.release(lease, false);
                throw new ClientPayloadError("Cannot decode content coding '" + coding + "' (" + what + ")", e);
            }
        }
        ResponseContent content = new ResponseContent(loop, source, decoder, what);
        ClientResponse resp = new ClientResponse(info, head, content, session.mapper);
        if (!head.hasBody()) {
            resp.read(); // no bytes to wait for: completes the exchange and frees the connection
        }
        return resp;
    }

    // ---------------------------------------------------------------- building the request

    private Url requestUrl(String text, Query params) throws InvalidUrlClientError {
        Url url;
        try {
            url = session.baseUrl != null ? session.baseUrl.resolve(text) : Url.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlClientError(text, "Invalid URL (" + e.getMessage() + ")");
        }
        if (!url.scheme().equals("http") && !url.scheme().equals("https")) {
            throw new InvalidUrlClientError(text, url.scheme().isEmpty()
                    ? "URL is not absolute and the session has no base URL" : "Unsupported scheme '" + url.scheme() + "'");
        }
        if (url.host() == null || url.host().isEmpty()) {
            throw new InvalidUrlClientError(text, "URL has no host");
        }
        if (!params.isEmpty()) {
            url = url.extendQuery(params);
        }
        return url.withoutFragment();
    }

    private Headers userHeaders(Headers request) {
        Headers h = session.defaultHeaders.copy();
        for (int i = 0; i < request.size(); i++) {
            h.remove(request.name(i));
        }
        for (int i = 0; i < request.size(); i++) {
            h.add(request.name(i), request.value(i));
        }
        return h;
    }

    private RequestBody body(RequestOptions o) throws IOException {
        if (o.hasJson()) {
            try {
                return RequestBody.of(session.mapper.writeValueAsBytes(o.jsonValue()), "application/json");
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialise the json body: " + e.getOriginalMessage(), e);
            }
        }
        try {
            return o.data();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Headers headersFor(String method, Url url, Headers user, RequestBody body, Map<String, String> cookies) {
        Headers h = new Headers(user.size() + 4);
        h.add("Host", url.hostHeader());
        for (int i = 0; i < user.size(); i++) {
            if (!user.name(i).equalsIgnoreCase("Host")) {
                h.add(user.name(i), user.value(i));
            } else {
                h.set("Host", user.value(i));
            }
        }
        if (body != null) {
            if (body.contentType() != null && !h.contains("Content-Type")) {
                h.add("Content-Type", body.contentType());
            }
            h.remove("Transfer-Encoding");
            h.remove("Content-Length");
            if (body.length() >= 0) {
                h.add("Content-Length", Long.toString(body.length()));
            } else {
                h.add("Transfer-Encoding", "chunked");
            }
        } else if (method.equals(HttpMethod.POST) || method.equals(HttpMethod.PUT) || method.equals(HttpMethod.PATCH)) {
            h.set("Content-Length", "0");
        }
        String jar = session.cookieJar.cookieHeaderFor(url);
        StringBuilder cookie = new StringBuilder();
        String own = h.get("Cookie");
        if (own != null) {
            cookie.append(own);
        }
        for (Map.Entry<String, String> c : cookies.entrySet()) {
            append(cookie, c.getKey() + "=" + c.getValue());
        }
        append(cookie, jar);
        if (!cookie.isEmpty()) {
            h.set("Cookie", cookie.toString());
        }
        if (url.hasUserInfo() && !h.contains("Authorization")) {
            String cred = url.user() + ":" + (url.password() == null ? "" : url.password());
            h.add("Authorization", "Basic " + Base64.getEncoder().encodeToString(cred.getBytes(StandardCharsets.UTF_8)));
        }
        return h;
    }

    private static void append(StringBuilder sb, String pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append("; ");
        }
        sb.append(pairs);
    }
}
