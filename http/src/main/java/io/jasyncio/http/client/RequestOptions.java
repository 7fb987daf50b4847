package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import io.jasyncio.http.body.ChunkSource;
import io.jasyncio.http.url.Query;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The keyword arguments of aiohttp's {@code session.request(...)}: query parameters, headers,
 * a body ({@code json} or {@code data}), and per-request overrides of the session's settings.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=requestOptions}
 *
 * <p>At most one body may be set: setting a second one (e.g. {@code json} after {@code data})
 * throws, as aiohttp refuses {@code data} and {@code json} together.
 *
 * <p>A mutable builder, not thread-safe. The session reads it when the request starts; changing
 * it afterwards does not affect that request.
 */
public final class RequestOptions {

    private final Query.Builder params = Query.builder();
    private final Headers headers = new Headers();
    private Object json;
    private boolean hasJson;
    private RequestBody data;
    private Object dataSource;
    private ClientTimeout timeout;
    private Boolean allowRedirects;
    private int maxRedirects = -1;
    private Boolean raiseForStatus;
    private HttpProxy proxy;
    private BasicAuth proxyAuth;
    private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

    /** @return new, empty options */
    public static RequestOptions create() {
        return new RequestOptions();
    }

    // ---------------------------------------------------------------- URL and headers

    /** @param name a query parameter @param value its value @return this */
    public RequestOptions param(String name, String value) {
        params.add(name, value);
        return this;
    }

    /** @param query parameters appended to the URL's query @return this */
    public RequestOptions params(Query query) {
        params.addAll(query);
        return this;
    }

    /** @param map parameters appended to the URL's query (values by {@code toString}) @return this */
    public RequestOptions params(Map<String, ?> map) {
        params.addAll(Query.of(map));
        return this;
    }

    /** @param name a header field @param value its value (added; repeat to send several) @return this */
    public RequestOptions header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /** @param h header fields to add @return this */
    public RequestOptions headers(Headers h) {
        h.forEach(headers::add);
        return this;
    }

    /** @param name a cookie to send with this request only @param value its value @return this */
    public RequestOptions cookie(String name, String value) {
        cookies.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    // ---------------------------------------------------------------- body

    /**
     * @param value a value Jackson serialises as the body, sent as {@code application/json}
     * @return this
     */
    public RequestOptions json(Object value) {
        checkNoBody();
        this.json = value;
        this.hasJson = true;
        return this;
    }

    /** @param bytes the body, sent as {@code application/octet-stream} @return this */
    public RequestOptions data(byte[] bytes) {
        return body(RequestBody.of(bytes.clone(), "application/octet-stream"), bytes);
    }

    /** @param text the body, sent as {@code text/plain; charset=utf-8} @return this */
    public RequestOptions data(String text) {
        return body(RequestBody.of(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"), text);
    }

    /** @param form fields sent as {@code application/x-www-form-urlencoded} @return this */
    public RequestOptions data(Query form) {
        return data(formOf(form));
    }

    /** @param form fields sent as {@code application/x-www-form-urlencoded} @return this */
    public RequestOptions data(Map<String, ?> form) {
        return data(Query.of(form));
    }

    /** @param form a form; multipart if it has files @return this */
    public RequestOptions data(FormData form) {
        checkNoBody();
        this.dataSource = Objects.requireNonNull(form, "form");
        return this;
    }

    /**
     * @param source the body, streamed once while sending (no retry, no redirect with body)
     * @param length its exact length, or -1 to send it chunked
     * @param contentType its type, or {@code null} for {@code application/octet-stream}
     * @return this
     */
    public RequestOptions data(ChunkSource source, long length, String contentType) {
        return body(RequestBody.stream(Objects.requireNonNull(source, "source"), length,
                contentType == null ? "application/octet-stream" : contentType), source);
    }

    private static FormData formOf(Query q) {
        FormData f = new FormData();
        q.forEach(e -> f.addField(e.getKey(), e.getValue()));
        return f;
    }

    private RequestOptions body(RequestBody b, Object src) {
        checkNoBody();
        this.data = b;
        this.dataSource = src;
        return this;
    }

    private void checkNoBody() {
        if (hasJson || dataSource != null) {
            throw new IllegalArgumentException("a request has one body: data and json cannot both be set");
        }
    }

    // ---------------------------------------------------------------- overrides

    /** @param t deadlines for this request instead of the session's @return this */
    public RequestOptions timeout(ClientTimeout t) {
        this.timeout = Objects.requireNonNull(t, "timeout");
        return this;
    }

    /** @param allow whether redirects are followed (default true) @return this */
    public RequestOptions allowRedirects(boolean allow) {
        this.allowRedirects = allow;
        return this;
    }

    /** @param max the most redirects to follow (default 10) @return this */
    public RequestOptions maxRedirects(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0: " + max);
        }
        this.maxRedirects = max;
        return this;
    }

    /** @param raise whether a status of 400 or more throws, instead of the session's setting @return this */
    public RequestOptions raiseForStatus(boolean raise) {
        this.raiseForStatus = raise;
        return this;
    }

    /**
     * Sends this request through an HTTP proxy, instead of the session's (aiohttp's
     * {@code proxy=}): {@code http} requests go to it in absolute form, {@code https} ones through
     * a {@code CONNECT} tunnel. Credentials in the URL ({@code http://user:pass@proxy:3128}) are
     * used unless {@link #proxyAuth} gives some.
     *
     * @param url an {@code http://} proxy URL
     * @return this
     * @throws IllegalArgumentException if the URL is malformed or not {@code http://}
     */
    public RequestOptions proxy(String url) {
        this.proxy = HttpProxy.of(url, null);
        return this;
    }

    /** @param auth credentials for the proxy (aiohttp's {@code proxy_auth=}), sent as {@code Proxy-Authorization} @return this */
    public RequestOptions proxyAuth(BasicAuth auth) {
        this.proxyAuth = Objects.requireNonNull(auth, "auth");
        return this;
    }

    // ---------------------------------------------------------------- for the session

    HttpProxy proxy() {
        return proxy;
    }

    BasicAuth proxyAuth() {
        return proxyAuth;
    }

    Query params() {
        return params.build();
    }

    Headers headers() {
        return headers;
    }

    Map<String, String> cookies() {
        return cookies;
    }

    boolean hasJson() {
        return hasJson;
    }

    Object jsonValue() {
        return json;
    }

    /** @return the body, built anew for this request, or {@code null} */
    RequestBody data() {
        if (dataSource instanceof FormData f) {
            return f.toBody();
        }
        return data;
    }

    ClientTimeout timeoutOr(ClientTimeout fallback) {
        return timeout != null ? timeout : fallback;
    }

    boolean allowRedirects() {
        return allowRedirects == null || allowRedirects;
    }

    int maxRedirectsOr(int fallback) {
        return maxRedirects >= 0 ? maxRedirects : fallback;
    }

    boolean raiseForStatusOr(boolean fallback) {
        return raiseForStatus != null ? raiseForStatus : fallback;
    }
}
