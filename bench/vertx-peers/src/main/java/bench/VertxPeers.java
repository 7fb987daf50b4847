package bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;

/**
 * jasyncio's Vert.x peer (see ../pom.xml). Usage: {@code VertxPeers json PORT [THREADS=1]}.
 *
 * <p>{@code json}: Vert.x core 4.5.34 HTTP server, {@code eventLoopPoolSize=THREADS} (1: one event
 * loop accepts and serves), one verticle, TCP_NODELAY, bound to 127.0.0.1. {@code GET /json} gets
 * 200, {@code Content-Type: application/json} and {@code {"message":"Hello, World!"}}: a new
 * {@link JsonObject} encoded on every request by Vert.x's Jackson codec ({@code toBuffer()}), as in
 * TechEmpower's JSON test. Any other path gets 404. Runs until killed.
 */
public final class VertxPeers {
    static final String HOST = "127.0.0.1";

    private VertxPeers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3 || !args[0].equals("json")) {
            System.err.println("usage: VertxPeers json PORT [THREADS=1]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(threads));
        vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start(Promise<Void> startPromise) {
                vertx.createHttpServer(new HttpServerOptions().setHost(HOST).setPort(port)
                                .setTcpNoDelay(true).setAcceptBacklog(1024))
                        .requestHandler(req -> {
                            if (req.path().equals("/json")) {
                                req.response()
                                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                                        .end(new JsonObject().put("message", "Hello, World!").toBuffer());
                            } else {
                                req.response().setStatusCode(404).end();
                            }
                        })
                        .listen()
                        .onSuccess(s -> startPromise.complete())
                        .onFailure(startPromise::fail);
            }
        }).onComplete(ar -> {
            if (ar.failed()) {
                ar.cause().printStackTrace();
                System.exit(1);
            }
            System.out.println("vertx json listening on " + HOST + ":" + port + " eventLoops=" + threads);
        });
        Thread.currentThread().join(); // run until killed
    }
}
