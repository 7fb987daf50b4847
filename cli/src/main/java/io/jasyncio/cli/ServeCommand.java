package io.jasyncio.cli;

import io.jasyncio.Asyncio;
import io.jasyncio.http.web.AccessLogFormat;
import io.jasyncio.http.web.Application;
import io.jasyncio.http.web.Response;
import io.jasyncio.http.web.Web;
import io.jasyncio.http.web.WebServerOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jasyncio serve}: the seeds' aiohttp app ({@code /} and {@code /hello/{name}}, each handler
 * sleeping a second) plus an optional static directory, with an access log, until SIGINT/SIGTERM
 * (graceful shutdown). {@code --workers N} runs N event loops on the port (SO_REUSEPORT).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the seeds' aiohttp app (and a static directory).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--static", paramLabel = "DIR", description = "Also serve the files of DIR under /static/.")
    Path staticDir;

    @Option(names = "--workers", defaultValue = "1", description = "Event loops serving the port, one per core at most (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--sleep", defaultValue = "1", description = "Seconds each seed handler sleeps, as in the seed (default: ${DEFAULT-VALUE}).")
    double sleep;

    static Application app(Path staticDir, double sleep) {
        Application app = new Application();
        app.router().addRoute("GET", "/", request -> {
            Asyncio.sleep(sleep);
            return Response.bytes("<h1>Index</h1>".getBytes(StandardCharsets.UTF_8));
        });
        app.router().addRoute("GET", "/hello/{name}", request -> {
            Asyncio.sleep(sleep);
            return Response.bytes(("<h1>hello, " + request.matchInfo("name") + "!</h1>").getBytes(StandardCharsets.UTF_8));
        });
        if (staticDir != null) {
            app.router().addStatic("/static", staticDir);
        }
        return app;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = new CommandLine(this);
        if (workers < 1) {
            throw new CommandLine.ParameterException(cl, "--workers must be at least 1, got " + workers);
        }
        if (staticDir != null && !Files.isDirectory(staticDir)) {
            throw new CommandLine.ParameterException(cl, "--static: not a directory: " + staticDir);
        }
        System.out.println("serving on http://" + host + ":" + port + " with " + workers + " loop(s); Ctrl-C stops");
        System.out.flush();
        WebServerOptions options = WebServerOptions.defaults()
                .accessLogger(AccessLogFormat.parse(AccessLogFormat.DEFAULT).toLogger());
        Web.runApp(app(staticDir, sleep), host, port, options, workers, 10);
        return 0;
    }
}
