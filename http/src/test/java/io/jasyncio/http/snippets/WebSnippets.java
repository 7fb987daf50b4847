package io.jasyncio.http.snippets;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.jasyncio.Asyncio;
import io.jasyncio.http.url.Url;
import io.jasyncio.http.web.AccessLogFormat;
import io.jasyncio.http.web.AccessLogger;
import io.jasyncio.http.web.AppCallback;
import io.jasyncio.http.web.AppKey;
import io.jasyncio.http.web.AppRunner;
import io.jasyncio.http.web.Application;
import io.jasyncio.http.web.BaseSite;
import io.jasyncio.http.web.BodyStream;
import io.jasyncio.http.web.FileField;
import io.jasyncio.http.web.FileResponse;
import io.jasyncio.http.web.Form;
import io.jasyncio.http.web.HTTPFound;
import io.jasyncio.http.web.HTTPNotFound;
import io.jasyncio.http.web.Handler;
import io.jasyncio.http.web.HttpServerProtocol;
import io.jasyncio.http.web.HttpTransport;
import io.jasyncio.http.web.MatchInfo;
import io.jasyncio.http.web.Middleware;
import io.jasyncio.http.web.Request;
import io.jasyncio.http.web.Resource;
import io.jasyncio.http.web.Response;
import io.jasyncio.http.web.Route;
import io.jasyncio.http.web.Router;
import io.jasyncio.http.web.ServerSite;
import io.jasyncio.http.web.Signal;
import io.jasyncio.http.web.StreamResponse;
import io.jasyncio.http.web.TcpSite;
import io.jasyncio.http.web.UnixSite;
import io.jasyncio.http.web.Web;
import io.jasyncio.http.web.WebServer;
import io.jasyncio.http.web.WebServerOptions;
import io.jasyncio.http.web.WebSocketResponse;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsMsgType;
import io.jasyncio.testing.net.SimNetwork;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The examples in the Javadoc of package {@code io.jasyncio.http.web}. {@link #app()} is also the
 * server the client examples talk to; {@code HttpSnippetsTest} runs both.
 */
public final class WebSnippets {

    private WebSnippets() {
    }

    /** aiohttp's hello world: compiled, not run (it serves until stopped). */
    public static void main(String[] args) throws Exception {
        // @start region="runApp"
        Application app = new Application();
        app.router().addGet("/", request -> Response.text("Hello, World!"));
        Web.runApp(app, "127.0.0.1", 8080);     // until SIGINT or SIGTERM, then a graceful shutdown
        // @end
    }

    /** The package's example: compiled, not run (it serves until stopped). */
    static void helloApp() throws Exception {
        // @start region="helloApp"
        Application app = new Application();
        app.router().addGet("/", request -> Response.text("Hello, World!"));
        app.router().addGet("/hello/{name}", request -> {
            Asyncio.sleep(1);                                   // suspends this request's task only
            return Response.text("Hello, " + request.matchInfo("name"));
        });
        Web.runApp(app, "127.0.0.1", 8080);
        // @end
    }

    // @start region="appKey"
    /** What the handlers share: a connection pool in a real application. */
    static final class UserDb {
        final Map<String, String> names = new ConcurrentHashMap<>();
    }

    /** A typed key for the application's state: aiohttp's web.AppKey. */
    static final AppKey<UserDb> USERS = new AppKey<>("users", UserDb.class);
    // in a handler: UserDb db = request.app().get(USERS);
    // @end

    /** The demo application. */
    public static Application app() {
        // @start region="application"
        Application app = new Application();
        app.onStartup().add(a -> {
            UserDb db = new UserDb();                          // open pools here
            db.names.put("7", "Ann");
            a.set(USERS, db);
        });
        app.onCleanup().add(a -> a.get(USERS).names.clear());                                   // and close them here
        app.addMiddleware(SECURITY_HEADERS);
        routes(app.router());
        // @end
        return app;
    }

    // @start region="handler"
    static final Handler HELLO = request -> Response.text("Hello, " + request.matchInfo("name"));
    // @end

    // @start region="router"
    static void routes(Router r) {
        r.addGet("/hello/{name}", HELLO, "hello");          // named, for URL building
        r.addGet("/users/{id:\\d+}", WebSnippets::user);    // a regular expression for the part
        r.addPost("/items", WebSnippets::items);
        r.addPost("/upload", WebSnippets::upload);
        r.addGet("/greeting/{name}", WebSnippets::greeting);
        r.addGet("/big", request -> Response.text("z".repeat(200_000)).enableCompression());
        r.addGet("/events", WebSnippets::events);
        r.addGet("/ws", WebSnippets::chat);
        r.addGet("/loop", request -> {
            throw new HTTPFound("/loop");                   // redirects forever
        });
        r.addGet("/slow", request -> {
            Asyncio.sleep(1);
            return Response.text("finally");
        });
        r.addRoute("*", "/any", request -> Response.text(request.method()));   // every method
        Url u = r.urlFor("hello", Map.of("name", "Ann"));  // /hello/Ann
    }
    // @end

    // @start region="request"
    static StreamResponse user(Request request) {
        MatchInfo match = request.matchInfo();               // what the router matched
        String id = match.get("id");
        String name = request.app().get(USERS).names.get(id);
        if (name == null) {
            throw new HTTPNotFound("no user " + id);         // answered as 404
        }
        String fields = request.query().get("fields").orElse("all");   // ?fields=...
        return Response.json(Map.of("id", id, "name", name, "fields", fields));
    }
    // @end

    static StreamResponse items(Request request) throws IOException {
        Map<?, ?> item = request.json(Map.class);                       // the body, parsed
        String page = request.query().get("page").orElse("1");
        return Response.json(Map.of("got", item, "page", page), 201)      // application/json, 201 Created
                .setHeader("Location", "/items/1");
    }

    // @start region="response"
    static StreamResponse greeting(Request request) {
        String name = request.matchInfo("name");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        return switch (request.query().get("as").orElse("text")) {
            case "text" -> Response.text("Hello, " + name);                      // text/plain; charset=utf-8
            case "html" -> Response.text("<h1>Hi</h1>", "text/html");
            case "json" -> Response.json(Map.of("id", 7), 201);                  // application/json
            case "png" -> Response.bytes(png, "image/png");
            default -> new Response(204);
        };
    }
    // @end

    // @start region="form"
    static StreamResponse upload(Request request) throws IOException {
        Form form = request.post();                          // fields and files of the body
        String title = form.get("title").orElse("untitled");
        FileField photo = form.file("photo").orElseThrow(() -> new HTTPNotFound("no photo"));
        long size = Files.size(photo.path());                // streamed to a temporary file
        return Response.text(title + ": " + photo.filename() + " (" + size + " bytes)");
    }
    // @end

    // @start region="streamResponse"
    static StreamResponse events(Request request) throws IOException {
        StreamResponse resp = new StreamResponse();
        resp.setContentType("text/event-stream");
        resp.prepare(request);                               // sends the status line and headers
        for (String event : List.of("one", "two", "three")) {
            resp.write(("data: " + event + "\n\n").getBytes(UTF_8));
            resp.drain();
        }
        resp.writeEof();
        return resp;
    }
    // @end

    // @start region="webSocketResponse"
    static StreamResponse chat(Request request) throws IOException {
        WebSocketResponse ws = new WebSocketResponse().protocols("chat.v2", "chat.v1").heartbeat(30);
        ws.prepare(request);                                 // the upgrade handshake
        for (WsMessage msg : ws) {                           // until the client closes
            if (msg.type() == WsMsgType.TEXT) {
                if (msg.text().equals("close")) {
                    ws.close();
                } else {
                    ws.sendStr("echo: " + msg.text());
                }
            }
        }
        return ws;
    }
    // @end

    // @start region="middleware"
    static final Middleware SECURITY_HEADERS = (request, next) -> {
        StreamResponse resp = next.handle(request);          // the handler, or the next middleware
        resp.headers().set("X-Frame-Options", "DENY");
        return resp;
    };
    // @end

    static String bodyStream(Request request) throws IOException {
        // @start region="bodyStream"
        // In a handler, for a body too large to hold: read it as it arrives.
        BodyStream body = request.content();
        ByteArrayOutputStream digestInput = new ByteArrayOutputStream();
        for (byte[] chunk; (chunk = body.read(65536)).length > 0; ) {
            digestInput.write(chunk, 0, chunk.length);
        }
        // @end
        return digestInput.toString(UTF_8);
    }

    static StreamResponse file(Path dir) {
        // @start region="fileResponse"
        Handler download = request -> {
            Path file = dir.resolve("report.pdf");
            // sendfile where possible; Range, If-Modified-Since and ETag are handled
            return new FileResponse(file);
        };
        // @end
        return null;
    }

    /**
     * Starts the application on a free loopback port of the running loop.
     *
     * @param app the application
     * @return the runner; {@code runner.addresses()} names the URL
     * @throws Exception if it cannot start
     */
    public static AppRunner serve(Application app) throws Exception {
        // @start region="appRunner"
        AppRunner runner = new AppRunner(app);
        runner.setup();                                   // onStartup
        TcpSite site = new TcpSite(runner, "127.0.0.1", 0);   // 0: any free port; see site.port()
        site.start();
        // ... serve until told to stop, then:
        // runner.cleanup();                              // graceful shutdown, onShutdown, onCleanup
        // @end
        return runner;
    }

    static void tcpSite(Application app) throws Exception {
        // @start region="tcpSite"
        AppRunner runner = new AppRunner(app);
        runner.setup();
        TcpSite site = new TcpSite(runner, "0.0.0.0", 8080)
                .loopsPerCore()                        // one event loop per core, each with SO_REUSEPORT
                .backlog(1024);
        site.start();
        // @end
        runner.cleanup();
    }

    static AppRunner serverSite(Application app, SimNetwork net) throws Exception {
        // @start region="serverSite"
        // the app on the host "server", port 80, of a simulated network (the testing module's SimNetwork):
        AppRunner runner = new AppRunner(app);
        runner.setup();
        ServerSite site = new ServerSite(runner, "http://server:80",
                protocols -> net.host("server").listen(80, protocols));   // one protocol per connection
        site.start();                                             // runner.addresses(): [http://server:80]
        // @end
        return runner;
    }

    static List<String> unixSite(Application app, Path socket) throws Exception {
        // @start region="unixSite"
        AppRunner runner = new AppRunner(app);
        runner.setup();
        BaseSite site = new UnixSite(runner, socket);  // for a reverse proxy on the same host
        site.start();
        List<String> listening = runner.addresses();   // e.g. "unix:/run/app.sock"
        runner.cleanup();
        // @end
        return listening;
    }

    static List<String> signals() throws Exception {
        List<String> events = new java.util.ArrayList<>();
        // @start region="signal"
        Application app = new Application();
        AppCallback openPool = a -> events.add("startup");
        Signal startup = app.onStartup().add(openPool);       // run in order by runner.setup()
        app.onShutdown().add(a -> events.add("shutdown"));   // before requests in flight are cancelled
        app.onCleanup().add(a -> events.add("cleanup"));     // after the server stopped
        AppRunner runner = new AppRunner(app);
        runner.setup();
        runner.cleanup();
        // @end
        return events;
    }

    static String subapp() {
        // @start region="resource"
        Application admin = new Application();
        admin.router().addGet("/users/{id}", HELLO, "admin-user");
        Application app = new Application();
        Resource mounted = app.addSubapp("/admin", admin);   // the sub-application's routes under /admin
        Route route = admin.router().routes().get(0);
        Resource users = admin.router().resource("admin-user");
        Url url = users.urlFor("id", "7");                  // /admin/users/7 once mounted
        // @end
        return route.method() + " " + url + " " + mounted.canonical();
    }

    static AppRunner accessLog(List<String> lines) {
        // @start region="accessLog"
        AccessLogFormat format = AccessLogFormat.parse("%a \"%r\" %s %b %Tf");
        AccessLogger logger = format.toLogger(lines::add, Clock.systemUTC());
        WebServerOptions options = WebServerOptions.defaults()
                .accessLogger(logger)                       // one line per request
                .keepaliveTimeout(75)
                .headerReadTimeout(10);
        AppRunner runner = new AppRunner(app(), options);
        // @end
        return runner;
    }

    // @start region="webServer"
    /** Collects what the server writes: a transport for running a server without sockets. */
    static final class Captured implements HttpTransport {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean closing;

        @Override
        public void write(ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            written.write(b, 0, b.length);
        }

        @Override
        public void pauseReading() {
        }

        @Override
        public void resumeReading() {
        }

        @Override
        public void close() {
            closing = true;
        }

        @Override
        public void abort() {
            closing = true;
        }

        @Override
        public boolean isClosing() {
            return closing;
        }

        @Override
        public SocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 50000);
        }

        @Override
        public SocketAddress localAddress() {
            return new InetSocketAddress("127.0.0.1", 8080);
        }
    }

    static String inMemory(Application app) throws Exception {
        WebServer server = new WebServer(app);
        HttpServerProtocol conn = server.newConnection();   // on the loop
        Captured transport = new Captured();
        conn.connectionMade(transport);
        conn.dataReceived(ByteBuffer.wrap("GET /hello/memory HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(UTF_8)));
        Asyncio.sleep(0.05);                                // the handler runs as a task
        server.shutdown(1);
        return transport.written.toString(UTF_8);           // "HTTP/1.1 200 OK ... Hello, memory"
    }
    // @end
}
