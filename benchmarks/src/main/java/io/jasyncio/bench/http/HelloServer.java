package io.jasyncio.bench.http;

import io.jasyncio.http.web.Application;
import io.jasyncio.http.web.Response;
import io.jasyncio.http.web.Web;
import io.jasyncio.http.web.WebServerOptions;
import java.nio.charset.StandardCharsets;

/**
 * The plaintext hello-world row of the peer benchmark (../shared/bench, "Adding our server as a
 * row") and the JSON test of {@code benchmarks/compare-json.sh}:
 * <ul>
 *   <li>{@code GET /} answers 200 with {@code Content-Type: text/plain}, {@code Content-Length: 13}
 *       and {@code Hello, World!};</li>
 *   <li>{@code GET /json} answers 200 with {@code {"message":"Hello, World!"}} (27 bytes), a new
 *       {@link Message} serialized by Jackson on every request through {@link Response#json(Object)}
 *       ({@code Content-Type: application/json; charset=utf-8}), as in TechEmpower's JSON test.</li>
 * </ul>
 * Keep-alive (HTTP/1.1 default), TCP_NODELAY on accepted sockets, no access log, listening on
 * 127.0.0.1. It stays in the foreground and exits (status 0, after a graceful shutdown of at most
 * one second) on SIGTERM or SIGINT.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     io.jasyncio.bench.http.HelloServer PORT [THREADS]
 * </pre>
 * {@code THREADS} is the number of event loops (default 1, one thread each), all listening on the
 * port with SO_REUSEPORT.
 */
public final class HelloServer {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    /**
     * The JSON test's object.
     *
     * @param message always "Hello, World!"
     */
    public record Message(String message) {
    }

    private HelloServer() {
    }

    /** @return the application: {@code GET /} (plaintext) and {@code GET /json} */
    public static Application app() {
        Application app = new Application();
        app.router().addGet("/", request -> Response.bytes(HELLO, "text/plain"));
        app.router().addGet("/json", request -> Response.json(new Message("Hello, World!")));
        return app;
    }

    /**
     * @param args {@code PORT [THREADS]}
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: HelloServer PORT [THREADS]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int loops = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Web.runApp(app(), "127.0.0.1", port, WebServerOptions.defaults(), loops, 1);
    }
}
