package io.jasyncio.http.web;

import io.jasyncio.Asyncio;

/**
 * A server process for the graceful-shutdown test: {@code GET /slow} prints {@code handling} to
 * standard output as it starts (so the test knows the request is in flight), sleeps a second and
 * answers; the cleanup signal handler prints {@code cleanup}. Serves with {@link Web#runApp} on
 * the port given (0: any; the "Running on" line says which).
 */
public final class ShutdownProbe {

    private ShutdownProbe() {
    }

    /**
     * @param args {@code port}
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Application app = new Application();
        app.router().addGet("/slow", r -> {
            System.out.println("handling");
            System.out.flush();
            Asyncio.sleep(1);
            return Response.text("slow done");
        });
        app.onCleanup().add(a -> {
            System.out.println("cleanup");
            System.out.flush();
        });
        Web.runApp(app, "127.0.0.1", Integer.parseInt(args[0]), WebServerOptions.defaults(), 1, 10);
        System.out.println("server stopped cleanly");
    }
}
