package io.jasyncio.bench.net;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import io.jasyncio.net.Streams;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds N idle connections on one loop and reports the server's heap per open connection.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     io.jasyncio.bench.net.IdleConnections [N=10000] [streams|protocol]
 * </pre>
 *
 * The server side (one loop, this JVM) accepts; the client side is a second JVM (this class with
 * {@code client PORT N}) that opens N blocking sockets and holds them, so each process needs only
 * N file descriptors. Heap is measured after full GCs, before the clients connect and once all N
 * connections are accepted (and, in streams mode, every handler task is parked in
 * {@code reader.read}), after a warm-up of {@code -Didle.warmup=20000} short connections (0 to
 * measure cold, interpreted frames). It includes everything the JDK keeps per socket (channel, selection key,
 * selector maps), not only jasyncio's objects.
 */
public final class IdleConnections {

    private IdleConnections() {
    }

    /**
     * @param args {@code [N] [streams|protocol]}, or {@code client PORT N}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("client")) {
            client(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String mode = args.length > 1 ? args[1] : "streams";
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            ServerOptions opts = ServerOptions.defaults().backlog(4096);
            Server server = mode.equals("protocol")
                    ? loop.createServer(EchoProtocolServer.Echo::new, "127.0.0.1", 0, opts)
                    : Streams.startServer(EchoStreamsServer::echo, "127.0.0.1", 0, opts);
            int warm = Integer.getInteger("idle.warmup", 20_000);
            for (int i = 0; i < warm; i++) {
                // Compile the accept/read/park path first, so that parked tasks hold compiled frames
                // (an interpreted frame is several times larger), as in a server that has run a while.
                io.jasyncio.net.Connection c = Streams.openConnection("127.0.0.1", server.port());
                c.writer().write(new byte[] {1});
                c.reader().readExactly(1);
                c.close();
                c.writer().waitClosed();
            }
            while (server.activeConnections() > 0) {
                Asyncio.sleep(0.01);
            }
            long before = usedHeapAfterGc();
            Process clients = startJvm(IdleConnections.class, "client", Integer.toString(server.port()), Integer.toString(n));
            long t0 = System.nanoTime();
            while (server.activeConnections() < n) {
                Asyncio.sleep(0.05);
                if (!clients.isAlive()) {
                    throw new IllegalStateException("client process died: "
                            + new String(clients.getInputStream().readAllBytes()));
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (int i = 0; i < 5; i++) {
                Asyncio.sleep(0.01);
            }
            long after = usedHeapAfterGc();
            System.out.printf("%s mode: %d idle connections held on one loop (accepted in %.2f s, %d live tasks)%n",
                    mode, server.activeConnections(), seconds, loop.allTasks().size() - 1);
            System.out.printf("heap per open connection: %.0f bytes (%.2f KiB) [before %d KiB, after %d KiB]%n",
                    (after - before) / (double) n, (after - before) / (double) n / 1024, before / 1024, after / 1024);
            if (Boolean.getBoolean("idle.hold")) {
                Asyncio.sleep(20); // time for jcmd GC.class_histogram
            }
            clients.getOutputStream().close();
            clients.waitFor();
            server.close();
            server.abortClients();
            server.waitClosed();
        });
    }

    /**
     * Starts {@code main} in a second JVM (this one's {@code java} and class path), standard error
     * merged into its standard output.
     *
     * @param main the class to run
     * @param args its arguments
     * @return the process
     * @throws java.io.IOException if it cannot start
     */
    public static Process startJvm(Class<?> main, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * @return the least used heap seen over four {@code System.gc()} calls, 50 ms apart (bytes)
     * @throws InterruptedException if interrupted
     */
    public static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void client(int port, int n) throws Exception {
        List<SocketChannel> open = new ArrayList<>(n);
        InetSocketAddress addr = new InetSocketAddress("127.0.0.1", port);
        for (int i = 0; i < n; i++) {
            open.add(SocketChannel.open(addr));
        }
        System.out.println("client: " + n + " connections open");
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        for (SocketChannel c : open) {
            c.close();
        }
    }
}
