package io.jasyncio.net.tls;

import static javax.net.ssl.SSLEngineResult.HandshakeStatus.NEED_TASK;
import static javax.net.ssl.SSLEngineResult.HandshakeStatus.NEED_UNWRAP;
import static javax.net.ssl.SSLEngineResult.HandshakeStatus.NEED_WRAP;
import static javax.net.ssl.SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.net.Streams;
import io.jasyncio.net.TlsOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;

/**
 * Not a test: the measurement behind {@link TlsOptions#handshakeExecutor}. Part 1 drives pairs of
 * engines in memory and splits a TLS 1.3 handshake's CPU time between delegated tasks and
 * {@code wrap}/{@code unwrap}; part 2 runs handshakes through one loop (both ends) with the tasks
 * inline and on a thread pool. Run it with the test classpath and the fast engine's flag:
 * {@code java --add-opens java.base/java.lang=ALL-UNNAMED -cp core/target/classes:core/target/test-classes
 * io.jasyncio.net.tls.TlsHandshakeCost}.
 */
final class TlsHandshakeCost {

    private TlsHandshakeCost() {
    }

    public static void main(String[] args) throws Exception {
        TestCerts certs = TestCerts.get();
        SSLContext server = certs.serverContext();
        SSLContext client = certs.clientContext();
        for (int round = 0; round < 3; round++) {
            inMemory(server, client, 1000);
        }
        ExecutorService pool = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
        for (int round = 0; round < 3; round++) {
            throughLoop(server, client, null, 16, 2000);
            throughLoop(server, client, pool, 16, 2000);
        }
    }

    private static long taskNs;
    private static long opNs;

    private static void inMemory(SSLContext server, SSLContext client, int n) throws Exception {
        taskNs = 0;
        opNs = 0;
        long clientTasks = 0;
        long serverTasks = 0;
        for (int i = 0; i < n; i++) {
            SSLEngine c = client.createSSLEngine("localhost", 443);
            c.setUseClientMode(true);
            SSLParameters p = c.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            c.setSSLParameters(p);
            SSLEngine s = server.createSSLEngine();
            s.setUseClientMode(false);
            ByteBuffer c2s = ByteBuffer.allocate(1 << 16);
            ByteBuffer s2c = ByteBuffer.allocate(1 << 16);
            ByteBuffer app = ByteBuffer.allocate(1 << 16);
            c.beginHandshake();
            s.beginHandshake();
            for (int k = 0; k < 100; k++) {
                long before = taskNs;
                step(c, s2c, c2s, app);
                clientTasks += taskNs - before;
                before = taskNs;
                step(s, c2s, s2c, app);
                serverTasks += taskNs - before;
                if (c.getHandshakeStatus() == NOT_HANDSHAKING && s.getHandshakeStatus() == NOT_HANDSHAKING) {
                    break;
                }
            }
        }
        System.out.printf("in memory, per handshake: delegated tasks %.3f ms (client %.3f, server %.3f),"
                + " wrap/unwrap %.3f ms%n", taskNs / 1e6 / n, clientTasks / 1e6 / n, serverTasks / 1e6 / n, opNs / 1e6 / n);
    }

    private static void step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws Exception {
        ByteBuffer empty = ByteBuffer.allocate(0);
        while (true) {
            SSLEngineResult.HandshakeStatus hs = e.getHandshakeStatus();
            long t = System.nanoTime();
            if (hs == NEED_TASK) {
                Runnable r;
                while ((r = e.getDelegatedTask()) != null) {
                    r.run();
                }
                taskNs += System.nanoTime() - t;
            } else if (hs == NEED_WRAP) {
                e.wrap(empty, out);
                opNs += System.nanoTime() - t;
            } else if (hs == NEED_UNWRAP) {
                in.flip();
                if (!in.hasRemaining()) {
                    in.compact();
                    return;
                }
                t = System.nanoTime();
                SSLEngineResult r = e.unwrap(in, app);
                opNs += System.nanoTime() - t;
                in.compact();
                app.clear();
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    private static void throughLoop(SSLContext server, SSLContext client, ExecutorService executor, int concurrency,
            int n) throws Exception {
        long t0 = System.nanoTime();
        Asyncio.run(() -> {
            TlsOptions serverTls = TlsOptions.of(server).handshakeExecutor(executor);
            TlsOptions clientTls = TlsOptions.of(client).handshakeExecutor(executor);
            try (Server s = Streams.startServer((r, w) -> w.close(), "127.0.0.1", 0, serverTls)) {
                List<Task<Void>> tasks = new ArrayList<>();
                for (int k = 0; k < concurrency; k++) {
                    tasks.add(Asyncio.createTask(() -> {
                        for (int i = 0; i < n / concurrency; i++) {
                            Connection c = Streams.openConnection("localhost", s.port(), clientTls);
                            c.reader().read();
                            c.writer().close();
                            c.writer().waitClosed();
                        }
                    }));
                }
                for (Task<Void> t : tasks) {
                    Asyncio.await(t);
                }
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("one loop, both ends, %d at a time, tasks %s: %.0f handshakes/s%n", concurrency,
                executor == null ? "inline" : "on a thread pool", n / seconds);
    }
}
