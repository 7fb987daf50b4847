package io.jasyncio.examples;

import io.jasyncio.Asyncio;
import io.jasyncio.http.web.Application;
import io.jasyncio.http.web.Request;
import io.jasyncio.http.web.Response;
import io.jasyncio.http.web.StreamResponse;
import io.jasyncio.http.web.Web;
import java.nio.charset.StandardCharsets;

/**
 * The seeds' aiohttp server (article 002), line for line:
 *
 * <pre>{@code
 * async def index(request):
 *     await asyncio.sleep(1)
 *     return web.Response(body=b'<h1>Index</h1>')
 *
 * async def hello(request):
 *     await asyncio.sleep(1)
 *     text = '<h1>hello, %s!</h1>' % request.match_info['name']
 *     return web.Response(body=text.encode('utf-8'))
 *
 * app = web.Application()
 * app.router.add_route('GET', '/', index)
 * app.router.add_route('GET', '/hello/{name}', hello)
 * # served on port 8000
 * }</pre>
 *
 * Usage: {@code ./jasyncio example aiohttp [port]}, then {@code curl http://127.0.0.1:8000/hello/java}.
 */
public final class AiohttpServer {

    private AiohttpServer() {
    }

    static StreamResponse index(Request request) {
        Asyncio.sleep(1);
        return Response.bytes("<h1>Index</h1>".getBytes(StandardCharsets.UTF_8));
    }

    static StreamResponse hello(Request request) {
        Asyncio.sleep(1);
        String text = "<h1>hello, " + request.matchInfo("name") + "!</h1>";
        return Response.bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the seed's application */
    public static Application app() {
        Application app = new Application();
        app.router().addRoute("GET", "/", AiohttpServer::index);
        app.router().addRoute("GET", "/hello/{name}", AiohttpServer::hello);
        return app;
    }

    /**
     * @param args optional port (8000 by default)
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        System.out.println("server started at http://127.0.0.1:" + port + "...");
        Web.runApp(app(), "127.0.0.1", port);
    }
}
