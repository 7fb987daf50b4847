package io.jasyncio.http.snippets;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.http.client.BasicAuth;
import io.jasyncio.http.client.ClientConnection;
import io.jasyncio.http.client.ClientConnectionError;
import io.jasyncio.http.client.ClientConnectorError;
import io.jasyncio.http.client.ClientError;
import io.jasyncio.http.client.ClientHttpProxyError;
import io.jasyncio.http.client.ClientOSError;
import io.jasyncio.http.client.ClientPayloadError;
import io.jasyncio.http.client.ClientProxyConnectionError;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientResponseError;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.ClientTimeout;
import io.jasyncio.http.client.ClientWebSocket;
import io.jasyncio.http.client.ConnectionKey;
import io.jasyncio.http.client.ConnectionTimeoutError;
import io.jasyncio.http.client.ContentTypeError;
import io.jasyncio.http.client.Dialer;
import io.jasyncio.http.client.FormData;
import io.jasyncio.http.client.HttpProxy;
import io.jasyncio.http.client.InvalidResponseError;
import io.jasyncio.http.client.InvalidUrlClientError;
import io.jasyncio.http.client.RequestInfo;
import io.jasyncio.http.client.RequestOptions;
import io.jasyncio.http.client.ResponseContent;
import io.jasyncio.http.client.ServerConnectionError;
import io.jasyncio.http.client.ServerDisconnectedError;
import io.jasyncio.http.client.ServerTimeoutError;
import io.jasyncio.http.client.SocketTimeoutError;
import io.jasyncio.http.client.StreamOpener;
import io.jasyncio.http.client.TcpConnector;
import io.jasyncio.http.client.TimeoutPhase;
import io.jasyncio.http.client.TlsPolicy;
import io.jasyncio.http.client.TooManyRedirects;
import io.jasyncio.http.client.TraceConfig;
import io.jasyncio.http.client.TraceEvent;
import io.jasyncio.http.client.WsConnectOptions;
import io.jasyncio.http.client.WsServerHandshakeError;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.testing.net.SimNetwork;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The examples in the Javadoc of package {@code io.jasyncio.http.client}. Each method takes the
 * base URL of a server that runs {@link WebSnippets#app()}; {@code HttpSnippetsTest} runs them
 * against one on the loopback interface.
 */
public final class ClientSnippets {

    private ClientSnippets() {
    }

    /** aiohttp's first example: compiled, not run (it needs the network). */
    public static void main(String[] args) throws Exception {
        // @start region="session"
        Asyncio.run(() -> {
            try (ClientSession session = new ClientSession()) {
                try (ClientResponse response = session.get("http://example.com/")) {
                    System.out.println(response.status());       // 200
                    System.out.println(response.text());
                }
            }
        });
        // @end
    }

    static List<String> downloadAll(List<String> urls) throws Exception {
        // @start region="download"
        // in a task, e.g. inside Asyncio.run(() -> { ... }):
        try (ClientSession session = new ClientSession()) {
            List<Task<String>> downloads = urls.stream()
                    .map(url -> Asyncio.createTask(() -> {
                        try (ClientResponse r = session.get(url)) {
                            return r.text();
                        }
                    }))
                    .toList();
            return Asyncio.gather(downloads);          // the pages, in the order of urls
        }
        // @end
    }

    static String response(ClientSession session, String base) throws IOException {
        // @start region="response"
        try (ClientResponse r = session.get(base + "/hello/Ann")) {
            r.raiseForStatus();                              // a ClientResponseError for 4xx and 5xx
            String type = r.contentType();                   // "text/plain"
            return r.status() + " " + type + " " + r.text();
        }                                                    // close() releases the connection
        // @end
    }

    static Map<?, ?> requestOptions(ClientSession session, String base) throws IOException {
        // @start region="requestOptions"
        try (ClientResponse r = session.post(base + "/items", RequestOptions.create()
                .param("page", "2")                          // ?page=2
                .header("X-Trace", "1")
                .json(Map.of("name", "apple")))) {           // application/json body
            return r.json(Map.class);
        }
        // @end
    }

    static String formData(ClientSession session, String base, Path photo) throws IOException {
        // @start region="formData"
        FormData form = new FormData()
                .addField("title", "Holiday")
                .addFile("photo", photo);                   // streamed from disk while sending
        try (ClientResponse r = session.post(base + "/upload", RequestOptions.create().data(form))) {
            return r.text();
        }
        // @end
    }

    static long responseContent(ClientSession session, String base) throws IOException {
        // @start region="responseContent"
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ClientResponse r = session.get(base + "/big")) {
            ResponseContent content = r.content();           // the body as a stream: resp.content
            for (byte[] chunk; (chunk = content.read(65536)).length > 0; ) {
                out.write(chunk, 0, chunk.length);
            }
        }
        // @end
        return out.size();
    }

    static List<String> webSocket(ClientSession session, String base) throws IOException {
        List<String> replies = new ArrayList<>();
        String wsUrl = base.replace("http://", "ws://") + "/ws";
        // @start region="wsConnect"
        try (ClientWebSocket ws = session.wsConnect(wsUrl, new WsConnectOptions()
                .protocols("chat.v2", "chat.v1")           // the server picks one
                .heartbeat(30)                             // ping every 30 s
                .compress(true))) {
            ws.sendStr("hello");
            ws.sendStr("close");                           // this server's way to end the chat
            for (WsMessage msg : ws) {                     // async for msg in ws
                replies.add(msg.text());
            }
        }
        // @end
        return replies;
    }

    static String connector(String base) throws IOException {
        // @start region="connector"
        TcpConnector connector = TcpConnector.builder()
                .limit(100)                    // connections in all
                .limitPerHost(10)              // and to any one host:port
                .keepaliveTimeout(30)          // seconds an idle connection is kept
                .build();
        ClientTimeout timeout = ClientTimeout.ofTotal(60).withSockConnect(5).withSockRead(10);
        try (ClientSession session = ClientSession.builder()
                .baseUrl(base)                 // relative URLs resolve against it
                .connector(connector)          // the session owns and closes it
                .timeout(timeout)
                .header("User-Agent", "my-crawler/1.0")
                .build()) {
            try (ClientResponse r = session.get("/hello/connector")) {
                return r.text();
            }
        }
        // @end
    }

    static boolean tls() throws Exception {
        // @start region="tls"
        SSLContext corporate = SSLContext.getDefault();          // e.g. one that trusts your own CA
        TcpConnector verified = new TcpConnector(100, 0, TlsPolicy.of(corporate));   // 0: no per-host limit
        // Turning verification off has a loud name, and is for tests against self-signed servers only:
        TcpConnector unsafe = TcpConnector.builder().tls(TlsPolicy.insecureSkipVerify()).build();
        // @end
        boolean ok = verified.tls().verify() && !unsafe.tls().verify();
        verified.close();
        unsafe.close();
        return ok;
    }

    static List<String> trace(String base) throws IOException {
        List<String> log = new ArrayList<>();
        // @start region="trace"
        AtomicInteger reused = new AtomicInteger();
        TraceConfig trace = new TraceConfig()
                .onRequestStart((TraceEvent.RequestStart e) -> log.add("-> " + e.method() + " " + e.url()))
                .onRequestEnd(e -> log.add("<- " + e.response().status()))
                .onConnectionReuseconn(e -> reused.incrementAndGet());
        try (ClientSession session = ClientSession.builder().traceConfig(trace).build()) {
            for (String name : List.of("trace", "again")) {
                try (ClientResponse r = session.get(base + "/hello/" + name)) {
                    r.read();                  // a fully read response hands its connection back
                }
            }                                  // reused.get() is 1: keep-alive
        }
        // @end
        log.add("reused " + reused.get());
        return log;
    }

    static List<String> errors(ClientSession session, String base) throws IOException {
        List<String> seen = new ArrayList<>();
        // @start region="errors"
        try (ClientResponse r = session.get(base + "/missing")) {
            r.raiseForStatus();
        } catch (ClientResponseError e) {              // the status was 4xx or 5xx
            RequestInfo req = e.requestInfo();
            seen.add(e.status() + " for " + req.method() + " " + req.url().path());
        }
        try (ClientResponse r = session.get(base + "/hello/json")) {
            r.json(Map.class);
        } catch (ContentTypeError e) {                 // the body is not application/json
            seen.add("not JSON");
        }
        try (ClientResponse r = session.get(base + "/loop", RequestOptions.create().maxRedirects(3))) {
            r.read();
        } catch (TooManyRedirects e) {
            seen.add("redirected " + e.history().size() + " times");
        }
        try {
            session.get("htp:/nowhere");
        } catch (InvalidUrlClientError e) {
            seen.add("bad URL " + e.url());
        }
        try (ClientResponse r = session.get(base + "/slow",
                RequestOptions.create().timeout(ClientTimeout.NONE.withSockRead(0.05)))) {
            r.read();
        } catch (SocketTimeoutError e) {               // no byte from the server for 0.05 s
            seen.add("read timed out (" + e.phase().pythonName() + ")");
        } catch (ServerTimeoutError e) {               // any other deadline: e.phase() says which
            seen.add("timed out in " + e.phase());
        }
        try {
            session.get("http://127.0.0.1:1/");        // nothing listens there
        } catch (ClientConnectorError e) {             // connecting failed; the cause says why
            seen.add("cannot connect to " + e.host() + ":" + e.port());
        } catch (ClientError e) {                      // the base class of all client errors
            seen.add("other: " + e);
        }
        // @end
        return seen;
    }

    static String errorTree(ClientSession session, String base) throws IOException {
        // @start region="errorTree"
        try (ClientResponse r = session.get(base + "/hello/tree")) {
            return r.text();
        } catch (ConnectionTimeoutError e) {      // connect or sock_connect took too long
            return "connect timeout after " + e.seconds() + " s";
        } catch (ServerDisconnectedError e) {     // the server closed before the response was complete
            return "disconnected";
        } catch (ServerConnectionError e) {       // any other trouble with the server's connection
            return "server connection: " + e.getMessage();
        } catch (ClientOSError e) {               // a read or write on the connection failed
            return "I/O: " + e.getMessage();
        } catch (ClientConnectionError e) {       // the parent of both
            return "connection: " + e.getMessage();
        } catch (InvalidResponseError e) {        // a malformed status line or header block
            return "bad response from " + e.requestInfo().url();
        } catch (ClientPayloadError e) {          // the body was cut short or is corrupt
            return "truncated body";
        }
        // @end
    }

    static String wsHandshakeError(ClientSession session, String base) throws IOException {
        // @start region="wsHandshakeError"
        String notAWebSocket = base.replace("http://", "ws://") + "/hello/ws";
        try (ClientWebSocket ws = session.wsConnect(notAWebSocket)) {
            return ws.protocol();
        } catch (WsServerHandshakeError e) {      // the server did not upgrade: its status says why
            return "handshake refused: " + e.status();
        }
        // @end
    }

    // @start region="dialer"
    /** A connection that answers one request with a canned response: a test double for the client. */
    static final class Canned implements ClientConnection {
        private final ByteBuffer reply;

        Canned(String response) {
            reply = ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void write(ByteBuffer data) {
            data.position(data.limit());             // take the request, ignore it
        }

        @Override
        public void drain() {
        }

        @Override
        public byte[] read(int maxBytes) {
            byte[] chunk = new byte[Math.min(maxBytes, reply.remaining())];
            reply.get(chunk);
            return chunk;                            // empty: end of stream
        }

        @Override
        public boolean isReusable() {
            return false;
        }

        @Override
        public void close() {
        }
    }

    static String canned() throws IOException {
        Dialer dialer = (ConnectionKey key, TlsPolicy tls) -> {
            if (key.host().endsWith(".internal")) {
                throw new ConnectException("not dialing " + key);   // becomes a ClientConnectorError
            }
            return new Canned("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
        };
        try (ClientSession session = ClientSession.builder().dialer(dialer).build()) {
            try (ClientResponse r = session.get("http://example.test/")) {
                return r.text();                     // "hi", and no socket was opened
            }
        }
    }
    // @end

    static List<String> timeoutPhases() {
        // @start region="timeoutPhase"
        ClientTimeout t = ClientTimeout.DEFAULT.withSockRead(10);
        List<String> limits = new ArrayList<>();
        for (TimeoutPhase phase : TimeoutPhase.values()) {
            limits.add(phase.pythonName() + "=" + t.seconds(phase));   // e.g. "sock_read=10.0"
        }
        // @end
        return limits;
    }

    static String proxy(ClientSession session, String url) throws IOException {
        // @start region="proxy"
        RequestOptions viaProxy = RequestOptions.create()
                .proxy("http://proxy.example:3128")
                .proxyAuth(new BasicAuth("ann", "secret"));      // sent as Proxy-Authorization
        try (ClientResponse r = session.get(url, viaProxy)) {    // https: a CONNECT tunnel first
            return r.status() + " " + r.text();
        } catch (ClientHttpProxyError e) {             // the proxy refused the tunnel, 407: wrong credentials
            return "proxy refused: " + e.status();
        } catch (ClientProxyConnectionError e) {       // the proxy could not be reached at all
            return "proxy unreachable: " + e.proxy();
        }
        // @end
    }

    static List<String> httpProxy() {
        // @start region="httpProxy"
        HttpProxy fromUrl = HttpProxy.of("http://ann:secret@proxy.example:3128", null);   // credentials from the URL
        BasicAuth auth = fromUrl.auth();                          // BasicAuth[login=ann, password=***]
        String header = auth.encode();                            // "Basic YW5uOnNlY3JldA=="
        HttpProxy explicit = HttpProxy.of("http://proxy.example:3128", new BasicAuth("bob", ""));
        String shown = explicit.toString();                       // "http://proxy.example:3128": never a password
        // @end
        return List.of(auth.toString(), header, shown, fromUrl.toString());
    }

    static ClientSession overStreams(SimNetwork net) {
        // @start region="streamOpener"
        // the client on the host "client" of a simulated network (the testing module's SimNetwork):
        StreamOpener opener = (host, port) -> net.host("client").openConnection(host, port);
        ClientSession session = ClientSession.builder()
                .dialer(Dialer.overStreams(opener))     // https too: it layers TLS with startTls
                .build();
        // @end
        return session;
    }
}
