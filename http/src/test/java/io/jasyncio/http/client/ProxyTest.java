package io.jasyncio.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.VirtualTimeLoop;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proxies in the client, against an in-memory proxy ({@link FakeServer} behind a recording
 * dialer): absolute-form requests with {@code Proxy-Authorization} for http, {@code CONNECT}
 * for https, the pool keyed by proxy, the errors, redirects, and the choice of proxy (request,
 * session, environment). The real TLS tunnel is in {@code ProxyTunnelTest}.
 */
class ProxyTest {

    private static final String PROXY = "http://proxy.test:3128";
    /** Base64 of {@code user:pw}. */
    private static final String USER_PW = "Basic dXNlcjpwdw==";

    /** A dialer that records each key it is asked for and hands the connection to {@code server}. */
    private static final class Recording implements Dialer {
        final FakeServer server;
        final List<ConnectionKey> keys = new ArrayList<>();

        Recording(FakeServer server) {
            this.server = server;
        }

        @Override
        public ClientConnection dial(ConnectionKey key, TlsPolicy tls) throws java.io.IOException {
            keys.add(key);
            if (key.host().startsWith("down")) {
                throw new ConnectException("Connection refused");
            }
            return server.dial(key, tls);
        }
    }

    /** http through a proxy: the proxy is dialed, gets the absolute URL, Host of the target and the credentials. */
    @Test
    void plainHttpGoesToTheProxyInAbsoluteForm() throws Exception {
        FakeServer proxy = FakeServer.responding(r -> FakeServer.ok("via proxy"));
        Recording dialer = new Recording(proxy);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(dialer).proxy("http://user:pw@proxy.test:3128").build();
                 ClientResponse r = s.get("http://target.test:8080/path?q=1#frag")) {
                assertThat(r.text()).isEqualTo("via proxy");
                assertThat(r.requestInfo().headers().contains("Proxy-Authorization"))
                        .as("the credentials are on the wire, not in RequestInfo").isFalse();
            }
        });
        assertThat(dialer.keys).containsExactly(new ConnectionKey("http", "proxy.test", 3128));
        ServerSide.Req got = proxy.requests.get(0);
        assertThat(got.head().method()).isEqualTo("GET");
        assertThat(got.head().target()).isEqualTo("http://target.test:8080/path?q=1");
        assertThat(got.header("Host")).isEqualTo("target.test:8080");
        assertThat(got.header("Proxy-Authorization")).isEqualTo(USER_PW);
    }

    /** A 407 to a plain http request is the caller's response, as in aiohttp. */
    @Test
    void plainHttp407IsAResponse() throws Exception {
        FakeServer proxy = FakeServer.responding(r -> "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"p\"\r\nContent-Length: 0\r\n\r\n");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(new Recording(proxy)).proxy(PROXY).build();
                 ClientResponse r = s.get("http://target.test/")) {
                assertThat(r.status()).isEqualTo(407);
                assertThat(r.headers().get("Proxy-Authenticate")).contains("Basic");
            }
        });
        assertThat(proxy.requests.get(0).header("Proxy-Authorization")).isNull();
    }

    /** Connections are pooled per proxy and credentials: a direct request or other credentials never reuse one. */
    @Test
    void poolIsKeyedByProxy() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        Recording dialer = new Recording(server);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(dialer).build()) {
                for (RequestOptions o : List.of(new RequestOptions().proxy(PROXY), new RequestOptions().proxy(PROXY),
                        new RequestOptions(), new RequestOptions().proxy(PROXY).proxyAuth(new BasicAuth("a", "b")),
                        new RequestOptions().proxy("http://other.test:3128"))) {
                    try (ClientResponse r = s.get("http://target.test/", o)) {
                        r.read();
                    }
                }
                assertThat(s.connector().idleCount()).isEqualTo(4);
            }
        });
        assertThat(dialer.keys).extracting(k -> k.host() + ":" + k.port())
                .containsExactly("proxy.test:3128", "target.test:80", "proxy.test:3128", "other.test:3128");
        assertThat(server.requests.get(3).header("Proxy-Authorization")).isEqualTo("Basic YTpi");
    }

    /** https through a proxy starts with CONNECT host:port carrying the credentials; a 407 is a ClientHttpProxyError. */
    @Test
    void refusedConnectRaisesClientHttpProxyError() throws Exception {
        FakeServer proxy = FakeServer.responding(r -> "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Content-Length: 6\r\n\r\ndenied");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(new Recording(proxy)).proxy(PROXY)
                    .proxyAuth(new BasicAuth("user", "pw")).build()) {
                assertThatThrownBy(() -> s.get("https://secure.test/private"))
                        .isInstanceOfSatisfying(ClientHttpProxyError.class, e -> {
                            assertThat(e).isInstanceOf(ClientResponseError.class);
                            assertThat(e.status()).isEqualTo(407);
                            assertThat(e.proxy().url().toString()).isEqualTo(PROXY);
                            assertThat(e.requestInfo().method()).isEqualTo("CONNECT");
                            assertThat(e.getMessage()).contains(PROXY).contains("secure.test:443").contains("407")
                                    .doesNotContain("pw").doesNotContain(USER_PW);
                        });
                assertThat(s.connector().inUse()).isZero();
                assertThat(s.connector().idleCount()).isZero();
            }
        });
        ServerSide.Req connect = proxy.requests.get(0);
        assertThat(connect.head().method()).isEqualTo("CONNECT");
        assertThat(connect.head().target()).isEqualTo("secure.test:443");
        assertThat(connect.header("Host")).isEqualTo("secure.test:443");
        assertThat(connect.header("Proxy-Authorization")).isEqualTo(USER_PW);
        assertThat(proxy.connections.get(0).client.closed).as("the tunnel attempt is closed").isTrue();
    }

    /** A proxy that cannot be reached is a ClientProxyConnectionError naming proxy and target, not the password. */
    @Test
    void unreachableProxyIsClientProxyConnectionError() throws Exception {
        FakeServer unused = FakeServer.responding(r -> FakeServer.ok("never"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(new Recording(unused))
                    .proxy("http://user:pw@down.test:3128").build()) {
                for (String url : List.of("http://target.test/", "https://target.test/")) {
                    assertThatThrownBy(() -> s.get(url))
                            .isInstanceOfSatisfying(ClientProxyConnectionError.class, e -> {
                                assertThat(e).isInstanceOf(ClientConnectorError.class);
                                assertThat(e.proxy().url().toString()).isEqualTo("http://down.test:3128");
                                assertThat(e.getCause()).isInstanceOf(ConnectException.class);
                                assertThat(e.getMessage()).contains("proxy http://down.test:3128")
                                        .contains("target.test").contains("refused").doesNotContain("pw");
                            });
                }
                assertThat(s.connector().inUse()).isZero();
            }
        });
        assertThat(unused.dials).isZero();
    }

    /** Redirects through a proxy go through it too, each to its own absolute URL. */
    @Test
    void redirectsKeepTheProxy() throws Exception {
        FakeServer proxy = FakeServer.responding(r -> r.head().target().endsWith("/start")
                ? "HTTP/1.1 302 Found\r\nLocation: http://other.test/next\r\nContent-Length: 0\r\n\r\n"
                : FakeServer.ok("arrived"));
        Recording dialer = new Recording(proxy);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(dialer).proxy(PROXY).build();
                 ClientResponse r = s.get("http://first.test/start")) {
                assertThat(r.text()).isEqualTo("arrived");
                assertThat(r.history()).hasSize(1);
            }
        });
        assertThat(proxy.requests).extracting(q -> q.head().target())
                .containsExactly("http://first.test/start", "http://other.test/next");
        assertThat(proxy.requests.get(1).header("Host")).isEqualTo("other.test");
        assertThat(dialer.keys).allMatch(k -> k.host().equals("proxy.test"));
    }

    /** A request's proxy and credentials win over the session's. */
    @Test
    void requestProxyOverridesTheSession() throws Exception {
        FakeServer proxy = FakeServer.responding(r -> FakeServer.ok("x"));
        Recording dialer = new Recording(proxy);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(dialer).proxy("http://u:p@proxy.test:3128").build();
                 ClientResponse r = s.get("http://t.test/", new RequestOptions().proxy("http://mine.test:8888")
                         .proxyAuth(new BasicAuth("user", "pw")))) {
                r.read();
            }
        });
        assertThat(dialer.keys).extracting(ConnectionKey::host).containsExactly("mine.test");
        assertThat(proxy.requests.get(0).header("Proxy-Authorization")).isEqualTo(USER_PW);
    }

    /** With trustEnv, http_proxy/HTTPS_PROXY are used and no_proxy hosts are reached directly. */
    @Test
    void trustEnvReadsTheProxyVariables() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x"));
        Recording dialer = new Recording(server);
        Map<String, String> env = Map.of("http_proxy", "http://env.test:8080", "HTTP_PROXY", "http://upper.test:1",
                "no_proxy", "localhost, .internal.test");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(dialer).proxyEnvironment(env::get).build()) {
                for (String url : List.of("http://a.test/", "http://db.internal.test/", "http://internal.test/")) {
                    try (ClientResponse r = s.get(url)) {
                        r.read();
                    }
                }
            }
        });
        assertThat(dialer.keys).extracting(ConnectionKey::host)
                .containsExactly("env.test", "db.internal.test", "internal.test");
        assertThat(server.requests.get(0).head().target()).isEqualTo("http://a.test/");
    }

    /** The environment's rules on their own: the scheme's variable, no_proxy with ports and '*', bad URLs ignored. */
    @Test
    void proxyEnvironmentRules() {
        ProxyEnvironment env = new ProxyEnvironment(Map.of("HTTPS_PROXY", "http://s.test:3128",
                "http_proxy", "https://unsupported.test", "no_proxy", "skip.test:8443")::get);
        assertThat(env.proxyFor(io.jasyncio.http.url.Url.parse("https://x.test/")).url().toString())
                .isEqualTo("http://s.test:3128");
        assertThat(env.proxyFor(io.jasyncio.http.url.Url.parse("https://skip.test:8443/"))).isNull();
        assertThat(env.proxyFor(io.jasyncio.http.url.Url.parse("https://skip.test/"))).isNotNull();
        assertThat(env.proxyFor(io.jasyncio.http.url.Url.parse("http://x.test/"))).as("not an http:// proxy").isNull();
        ProxyEnvironment all = new ProxyEnvironment(Map.of("http_proxy", "http://p.test", "NO_PROXY", "*")::get);
        assertThat(all.proxyFor(io.jasyncio.http.url.Url.parse("http://x.test/"))).isNull();
    }

    /** Only http:// proxies are accepted, and credentials never show in a key's or proxy's text. */
    @Test
    void proxyUrlsAreChecked() {
        assertThatThrownBy(() -> new RequestOptions().proxy("https://p.test:3128"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only http://");
        assertThatThrownBy(() -> ClientSession.builder().proxy("socks5://p.test:1080"))
                .isInstanceOf(IllegalArgumentException.class);
        HttpProxy p = HttpProxy.of("http://user:secret@p.test:3128/ignored", null);
        assertThat(p.auth()).isEqualTo(new BasicAuth("user", "secret"));
        ConnectionKey k = ConnectionKey.of(io.jasyncio.http.url.Url.parse("https://t.test/"), p);
        assertThat(k + " " + p + " " + p.auth()).contains("p.test:3128").doesNotContain("secret");
        assertThat(k).isNotEqualTo(ConnectionKey.of(io.jasyncio.http.url.Url.parse("https://t.test/"),
                new HttpProxy(p.url(), new BasicAuth("user", "other"))));
    }
}
