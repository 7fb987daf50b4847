package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import java.nio.charset.StandardCharsets;

/**
 * The seed's aiohttp application (shared/seeds/002), as written there: {@code /} and
 * {@code /hello/{name}}, each handler sleeping a second before answering with a small HTML body.
 *
 * <pre>
 * async def index(request):
 *     await asyncio.sleep(1)
 *     return web.Response(body=b'&lt;h1&gt;Index&lt;/h1&gt;')
 *
 * async def hello(request):
 *     await asyncio.sleep(1)
 *     text = '&lt;h1&gt;hello, %s!&lt;/h1&gt;' % request.match_info['name']
 *     return web.Response(body=text.encode('utf-8'))
 *
 * app.router.add_route('GET', '/', index)
 * app.router.add_route('GET', '/hello/{name}', hello)
 * </pre>
 *
 * <p>{@link #main} serves it like the seed ({@code Web.runApp}, port 8000 unless given) until
 * SIGINT/SIGTERM; the end-to-end tests run it as a separate process.
 */
public final class SeedApp {

    private SeedApp() {
    }

    /** @return the seed's application */
    static Application create() {
        Application app = new Application();
        app.router().addRoute("GET", "/", request -> {
            Asyncio.sleep(1);
            return Response.bytes("<h1>Index</h1>".getBytes(StandardCharsets.UTF_8));
        });
        app.router().addRoute("GET", "/hello/{name}", request -> {
            Asyncio.sleep(1);
            String text = "<h1>hello, " + request.matchInfo("name") + "!</h1>";
            return Response.bytes(text.getBytes(StandardCharsets.UTF_8));
        });
        return app;
    }

    /**
     * @param args {@code [port]}
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        Web.runApp(create(), "127.0.0.1", port, WebServerOptions.defaults(), 1, 10);
        System.out.println("server stopped cleanly");
    }
}
