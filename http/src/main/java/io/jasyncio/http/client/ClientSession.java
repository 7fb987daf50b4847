package io.jasyncio.http.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.codec.HttpParserOptions;
import io.jasyncio.http.cookie.CookieJar;
import io.jasyncio.http.url.Url;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP client session, as aiohttp's {@code ClientSession}: a connection pool, a cookie jar,
 * default headers and deadlines shared by the requests made through it.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=session}
 *
 * <p><b>Requests.</b> {@link #get}, {@link #post}, {@link #put}, {@link #patch}, {@link #delete},
 * {@link #head}, {@link #options} and {@link #request} suspend the calling task until the
 * response head has arrived (after following redirects) and return the {@link ClientResponse};
 * its body is read on demand. Per-request arguments go in {@link RequestOptions}. As in aiohttp,
 * {@link #head} does not follow redirects unless asked to.
 *
 * <p><b>What every request gets.</b> A URL resolved against {@code baseUrl} (RFC 3986) with
 * {@code params} appended; {@code Host}, {@code User-Agent}, {@code Accept: *}{@code /*} and
 * {@code Accept-Encoding: gzip, deflate} unless overridden; the cookies of the jar that match
 * the URL; Basic {@code Authorization} from credentials in the URL; redirects followed (at most
 * 10) with the rules of {@link Redirects}; {@code Set-Cookie} stored in the jar; gzip and deflate
 * content decoded; the session's {@link ClientTimeout}; the proxy of the request, else of the
 * session, else (with {@code trustEnv}) of the environment, chosen anew for each redirect.
 *
 * <p><b>Closing.</b> {@link #close()} closes the connector if the session created it. A session
 * that is garbage-collected unclosed is reported through its loop's exception handler.
 *
 * <p><b>Threads.</b> A session is bound to the event loop of its first request and must be used
 * only from tasks of that loop; many tasks may use it at once. It is not thread-safe.
 */
public final class ClientSession implements AutoCloseable {

    /** The {@code User-Agent} sent unless overridden. */
    public static final String USER_AGENT = "jasyncio-http/0.1";
    /** The redirect limit unless overridden. */
    public static final int DEFAULT_MAX_REDIRECTS = 10;

    private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();

    final Url baseUrl;
    final Headers defaultHeaders;
    final ClientTimeout timeout;
    final TcpConnector connector;
    final boolean connectorOwner;
    final CookieJar cookieJar;
    final boolean raiseForStatus;
    final boolean autoDecompress;
    final ObjectMapper mapper;
    final int maxRedirects;
    final HttpParserOptions parserOptions;
    final long maxDecodedBodySize;
    final Tracer tracer;
    final HttpProxy proxy;
    final BasicAuth proxyAuth;
    final ProxyEnvironment proxyEnvironment;
    private final SessionLeak leak;
    private EventLoop loop;
    private boolean closed;

    /** A session with every default: its own {@link TcpConnector}, an empty cookie jar. */
    public ClientSession() {
        this(builder());
    }

    private ClientSession(Builder b) {
        this.baseUrl = b.baseUrl;
        Headers h = new Headers();
        h.add("User-Agent", USER_AGENT);
        h.add("Accept", "*/*");
        if (b.autoDecompress) {
            h.add("Accept-Encoding", "gzip, deflate");
        }
        for (var e : b.headers) {
            h.set(e.getKey(), e.getValue());
        }
        this.defaultHeaders = h.freeze();
        this.timeout = b.timeout;
        if (b.connector != null) {
            this.connector = b.connector;
            this.connectorOwner = b.connectorOwner;
        } else {
            TcpConnector.Builder cb = TcpConnector.builder().tls(b.tls);
            if (b.dialer != null) {
                cb.dialer(b.dialer);
            }
            this.connector = cb.build();
            this.connectorOwner = true;
        }
        this.cookieJar = b.cookieJar != null ? b.cookieJar : new CookieJar();
        this.raiseForStatus = b.raiseForStatus;
        this.autoDecompress = b.autoDecompress;
        this.mapper = b.mapper;
        this.maxRedirects = b.maxRedirects;
        this.parserOptions = b.parserOptions;
        this.maxDecodedBodySize = b.maxDecodedBodySize;
        this.tracer = new Tracer(b.traces);
        this.proxy = b.proxy;
        this.proxyAuth = b.proxyAuth;
        this.proxyEnvironment = b.proxyEnvironment;
        this.leak = SessionLeak.watch(this, "ClientSession(connector=" + connector + ")",
                connectorOwner ? connector : null);
    }

    /** @return a builder for a session with options */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- requests

    /** {@code GET url}. @param url absolute, or relative to the base URL @return the response @throws IOException a {@link ClientError} */
    public ClientResponse get(String url) throws IOException {
        return request(HttpMethod.GET, url, null);
    }

    /** @param url the URL @param options the arguments @return the response @throws IOException a {@link ClientError} */
    public ClientResponse get(String url, RequestOptions options) throws IOException {
        return request(HttpMethod.GET, url, options);
    }

    /** {@code POST url}. @param url the URL @param options the arguments, usually a body @return the response @throws IOException a {@link ClientError} */
    public ClientResponse post(String url, RequestOptions options) throws IOException {
        return request(HttpMethod.POST, url, options);
    }

    /** {@code PUT url}. @param url the URL @param options the arguments @return the response @throws IOException a {@link ClientError} */
    public ClientResponse put(String url, RequestOptions options) throws IOException {
        return request(HttpMethod.PUT, url, options);
    }

    /** {@code PATCH url}. @param url the URL @param options the arguments @return the response @throws IOException a {@link ClientError} */
    public ClientResponse patch(String url, RequestOptions options) throws IOException {
        return request(HttpMethod.PATCH, url, options);
    }

    /** {@code DELETE url}. @param url the URL @return the response @throws IOException a {@link ClientError} */
    public ClientResponse delete(String url) throws IOException {
        return request(HttpMethod.DELETE, url, null);
    }

    /** @param url the URL @param options the arguments @return the response @throws IOException a {@link ClientError} */
    public ClientResponse delete(String url, RequestOptions options) throws IOException {
        return request(HttpMethod.DELETE, url, options);
    }

    /** {@code HEAD url}, not following redirects (as aiohttp). @param url the URL @return the response @throws IOException a {@link ClientError} */
    public ClientResponse head(String url) throws IOException {
        return request(HttpMethod.HEAD, url, new RequestOptions().allowRedirects(false));
    }

    /** @param url the URL @param options the arguments (redirects are followed only if they say so) @return the response @throws IOException a {@link ClientError} */
    public ClientResponse head(String url, RequestOptions options) throws IOException {
        return request(HttpMethod.HEAD, url, options);
    }

    /** {@code OPTIONS url}. @param url the URL @return the response @throws IOException a {@link ClientError} */
    public ClientResponse options(String url) throws IOException {
        return request(HttpMethod.OPTIONS, url, null);
    }

    /** @param url the URL @param options the arguments @return the response @throws IOException a {@link ClientError} */
    public ClientResponse options(String url, RequestOptions options) throws IOException {
        return request(HttpMethod.OPTIONS, url, options);
    }

    /**
     * @param method the method (a token; case is kept)
     * @param url the URL
     * @return the response
     * @throws IOException a {@link ClientError}
     */
    public ClientResponse request(String method, String url) throws IOException {
        return request(method, url, null);
    }

    /**
     * Sends a request and returns the response once its head has arrived, after redirects.
     *
     * @param method the method (a token; case is kept)
     * @param url absolute, or relative to the base URL
     * @param options the arguments, or {@code null}
     * @return the response; close it
     * @throws InvalidUrlClientError if the URL cannot be requested
     * @throws ClientConnectorError if the server cannot be reached
     * @throws ServerTimeoutError if a deadline expired, naming its phase
     * @throws ClientResponseError for a bad response, too many redirects, or (with
     *     {@code raiseForStatus}) a status of 400 or more
     * @throws IOException another {@link ClientError}
     * @throws IllegalStateException if the session is closed or used from another loop
     */
    public ClientResponse request(String method, String url, RequestOptions options) throws IOException {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        bindLoop();
        return new RequestExecutor(this, loop).execute(method, url, options != null ? options : new RequestOptions());
    }

    // ---------------------------------------------------------------- WebSockets

    /**
     * Opens a WebSocket with default options: aiohttp's {@code session.ws_connect(url)}.
     *
     * @param url {@code ws://}, {@code wss://} (or {@code http://}, {@code https://}) URL,
     *     absolute or relative to the base URL
     * @return the open WebSocket; close it
     * @throws WsServerHandshakeError if the server did not answer 101 or broke the handshake
     * @throws IOException another {@link ClientError}, as for {@link #request}
     */
    public ClientWebSocket wsConnect(String url) throws IOException {
        return wsConnect(url, new WsConnectOptions());
    }

    /**
     * Opens a WebSocket: aiohttp's {@code session.ws_connect(url, ...)}. The upgrade request is
     * an ordinary GET through this session; the connection that answers 101 leaves the pool for
     * the WebSocket and is closed when it ends (see {@link ClientWebSocket}).
     *
     * @param url {@code ws://}, {@code wss://} (or {@code http://}, {@code https://}) URL,
     *     absolute or relative to the base URL
     * @param options subprotocols, compression, headers, heartbeat and the rest
     * @return the open WebSocket; close it
     * @throws WsServerHandshakeError if the server did not answer 101 or broke the handshake
     * @throws IOException another {@link ClientError}, as for {@link #request}
     * @throws IllegalStateException if the session is closed or used from another loop
     */
    public ClientWebSocket wsConnect(String url, WsConnectOptions options) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        bindLoop();
        return WsConnect.connect(this, loop, url, options);
    }

    private void bindLoop() {
        if (closed) {
            throw new IllegalStateException("Session is closed");
        }
        EventLoop current = Asyncio.getRunningLoop();
        if (loop == null) {
            loop = current;
            leak.loop = current;
        } else if (loop != current) {
            throw new IllegalStateException("this ClientSession is bound to another event loop: "
                    + "create one session per loop");
        }
    }

    // ---------------------------------------------------------------- accessors

    /** @return the cookie jar */
    public CookieJar cookieJar() {
        return cookieJar;
    }

    /** @return the connection pool */
    public TcpConnector connector() {
        return connector;
    }

    /** @return the default deadlines */
    public ClientTimeout timeout() {
        return timeout;
    }

    /** @return the headers sent with every request unless overridden, frozen */
    public Headers headers() {
        return defaultHeaders;
    }

    /** @return the base URL, or {@code null} */
    public Url baseUrl() {
        return baseUrl;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the session and, if the session created it, its connector (closing its
     * connections). Idempotent; never suspends.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        leak.closed();
        if (connectorOwner) {
            connector.close();
        }
    }

    /**
     * Options of a {@link ClientSession}. Not thread-safe; build once.
     */
    public static final class Builder {
        private Url baseUrl;
        private final Headers headers = new Headers();
        private ClientTimeout timeout = ClientTimeout.DEFAULT;
        private TcpConnector connector;
        private boolean connectorOwner = true;
        private Dialer dialer;
        private TlsPolicy tls = TlsPolicy.DEFAULT;
        private boolean tlsSet;
        private CookieJar cookieJar;
        private boolean raiseForStatus;
        private boolean autoDecompress = true;
        private ObjectMapper mapper = DEFAULT_MAPPER;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private HttpParserOptions parserOptions = HttpParserOptions.DEFAULTS;
        private long maxDecodedBodySize = Long.MAX_VALUE;
        private final List<TraceConfig> traces = new ArrayList<>();
        private HttpProxy proxy;
        private BasicAuth proxyAuth;
        private ProxyEnvironment proxyEnvironment;

        private Builder() {
        }

        /**
         * Sends every request through an HTTP proxy unless the request names its own (aiohttp's
         * session-level {@code proxy=}); see {@link RequestOptions#proxy(String)}.
         *
         * @param url an {@code http://} proxy URL, possibly with {@code user:password@}
         * @return this
         * @throws IllegalArgumentException if the URL is malformed or not {@code http://}
         */
        public Builder proxy(String url) {
            this.proxy = HttpProxy.of(url, null);
            return this;
        }

        /** @param auth credentials for the proxy unless a request gives its own (aiohttp's {@code proxy_auth=}) @return this */
        public Builder proxyAuth(BasicAuth auth) {
            this.proxyAuth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * @param trust whether requests with no explicit proxy use the one the environment names
         *     ({@code http_proxy}, {@code https_proxy}, {@code no_proxy}, in either case), as
         *     aiohttp's {@code trust_env=True} (default false)
         * @return this
         */
        public Builder trustEnv(boolean trust) {
            this.proxyEnvironment = trust ? ProxyEnvironment.system() : null;
            return this;
        }

        /** For tests: trust an environment read through {@code getenv} instead of the process's. */
        Builder proxyEnvironment(java.util.function.Function<String, String> getenv) {
            this.proxyEnvironment = new ProxyEnvironment(getenv);
            return this;
        }

        /**
         * @param url the absolute URL that relative request URLs are resolved against (RFC 3986)
         * @return this
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder baseUrl(String url) {
            this.baseUrl = Url.parseHttp(url);
            return this;
        }

        /** @param name a header sent with every request (replacing a default) @param value its value @return this */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /** @param h headers sent with every request @return this */
        public Builder headers(Headers h) {
            h.forEach(headers::add);
            return this;
        }

        /** @param t the default deadlines (default {@link ClientTimeout#DEFAULT}) @return this */
        public Builder timeout(ClientTimeout t) {
            this.timeout = Objects.requireNonNull(t, "timeout");
            return this;
        }

        /**
         * @param c the connection pool to use; the session closes it on close unless
         *     {@link #connectorOwner(boolean)} says otherwise
         * @return this
         */
        public Builder connector(TcpConnector c) {
            this.connector = Objects.requireNonNull(c, "connector");
            return this;
        }

        /** @param owner whether closing the session closes a connector given to it (default true) @return this */
        public Builder connectorOwner(boolean owner) {
            this.connectorOwner = owner;
            return this;
        }

        /** @param d what opens connections for the session's own connector @return this */
        public Builder dialer(Dialer d) {
            this.dialer = Objects.requireNonNull(d, "dialer");
            return this;
        }

        /** @param policy how the session's own connector verifies {@code https} servers @return this */
        public Builder tls(TlsPolicy policy) {
            this.tls = Objects.requireNonNull(policy, "policy");
            this.tlsSet = true;
            return this;
        }

        /**
         * INSECURE: the session's own connector accepts any certificate and host name for
         * {@code https} (aiohttp's {@code verify_ssl=False}), so anyone on the network path can
         * read and change the traffic. Only for tests and servers you control.
         *
         * @return this
         */
        public Builder insecureSkipTlsVerify() {
            return tls(TlsPolicy.insecureSkipVerify());
        }

        /** @param jar the cookie jar to use (default: a new, empty one) @return this */
        public Builder cookieJar(CookieJar jar) {
            this.cookieJar = Objects.requireNonNull(jar, "jar");
            return this;
        }

        /** @param raise whether every response with a status of 400 or more throws (default false) @return this */
        public Builder raiseForStatus(boolean raise) {
            this.raiseForStatus = raise;
            return this;
        }

        /** @param on whether gzip and deflate bodies are decoded (default true) @return this */
        public Builder autoDecompress(boolean on) {
            this.autoDecompress = on;
            return this;
        }

        /** @param m the Jackson mapper for {@code json} bodies and {@link ClientResponse#json} @return this */
        public Builder jsonMapper(ObjectMapper m) {
            this.mapper = Objects.requireNonNull(m, "mapper");
            return this;
        }

        /** @param max the most redirects a request follows (default 10) @return this */
        public Builder maxRedirects(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRedirects must be >= 0: " + max);
            }
            this.maxRedirects = max;
            return this;
        }

        /** @param o limits on response heads (status line, header block, field count) @return this */
        public Builder parserOptions(HttpParserOptions o) {
            this.parserOptions = Objects.requireNonNull(o, "options");
            return this;
        }

        /** @param max the most bytes a compressed body may decode to (default unlimited) @return this */
        public Builder maxDecodedBodySize(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxDecodedBodySize must be >= 0: " + max);
            }
            this.maxDecodedBodySize = max;
            return this;
        }

        /** @param t hooks told of each request's progress @return this */
        public Builder traceConfig(TraceConfig t) {
            traces.add(Objects.requireNonNull(t, "traceConfig"));
            return this;
        }

        /**
         * @return the session
         * @throws IllegalArgumentException if TLS options or a dialer are given with a connector
         */
        public ClientSession build() {
            if (connector != null && (tlsSet || dialer != null)) {
                throw new IllegalArgumentException("TLS options and the dialer belong to the connector: "
                        + "set them on the TcpConnector given to the session");
            }
            return new ClientSession(this);
        }
    }
}
