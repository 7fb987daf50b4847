package io.jasyncio.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Other implementations as the other end: CPython's asyncio (Debian's /usr/bin/python3), socat and
 * nc. Install them with scripts/install-test-peers.sh; a test is skipped, saying so, only when its
 * tool is absent.
 */
@Timeout(60)
class RealPeersTest {

    private static final String PYTHON = "/usr/bin/python3";

    private static void requireTool(String path) {
        assumeTrue(Files.isExecutable(Path.of(path)), path + " is not installed: run scripts/install-test-peers.sh");
    }

    private static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        while (true) {
            byte[] d = reader.read(65536);
            if (d.length == 0) {
                break;
            }
            writer.write(d);
            writer.drain();
        }
        writer.close();
    }

    /** Starts a process and returns it with its stdout reader. */
    private static Process start(String... cmd) throws Exception {
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String output(Process p) throws Exception {
        return OffLoop.call(() -> {
            String out = new String(p.getInputStream().readAllBytes(), US_ASCII);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return out;
        });
    }

    /** Python's asyncio client (open_connection, write, drain, read) talks to our streams echo server. */
    @Test
    void pythonAsyncioClientAgainstOurServer() throws Exception {
        requireTool(PYTHON);
        String script = String.join("\n",
                "import asyncio, sys, hashlib, os",
                "async def main(port):",
                "    r, w = await asyncio.open_connection('127.0.0.1', port)",
                "    data = os.urandom(300000)",
                "    w.write(data)",
                "    await w.drain()",
                "    w.write_eof()",
                "    back = await r.read()",
                "    w.close()",
                "    await w.wait_closed()",
                "    print('same' if back == data else 'different', len(back))",
                "asyncio.run(main(int(sys.argv[1])))");
        String out = Asyncio.run(() -> {
            try (Server server = Streams.startServer(RealPeersTest::echo, "127.0.0.1", 0)) {
                return output(start(PYTHON, "-c", script, Integer.toString(server.port())));
            }
        });
        assertThat(out.trim()).isEqualTo("same 300000");
    }

    /** Our client talks to Python's asyncio streams echo server (the seeds' handle_echo). */
    @Test
    void ourClientAgainstPythonAsyncioServer() throws Exception {
        requireTool(PYTHON);
        String script = String.join("\n",
                "import asyncio",
                "async def handle_echo(reader, writer):",
                "    data = await reader.read(1024)",
                "    writer.write(data)",
                "    await writer.drain()",
                "    writer.close()",
                "    await writer.wait_closed()",
                "async def main():",
                "    server = await asyncio.start_server(handle_echo, '127.0.0.1', 0)",
                "    print(server.sockets[0].getsockname()[1], flush=True)",
                "    async with server:",
                "        await asyncio.sleep(30)",
                "asyncio.run(main())");
        Process p = start(PYTHON, "-c", script);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), US_ASCII));
            String reply = Asyncio.run(() -> {
                int port = Integer.parseInt(OffLoop.call(out::readLine).trim());
                Connection c = Streams.openConnection("127.0.0.1", port);
                c.writer().write("Hello World!".getBytes(US_ASCII));
                c.writer().drain();
                byte[] data = c.reader().read(100);
                assertThat(c.reader().read(100)).isEmpty();
                c.writer().close();
                c.writer().waitClosed();
                return new String(data, US_ASCII);
            });
            assertThat(reply).isEqualTo("Hello World!");
        } finally {
            p.destroyForcibly();
        }
    }

    /** socat sends a file through our echo server and half-closes; what comes back is identical. */
    @Test
    void socatThroughOurServer() throws Exception {
        requireTool("/usr/bin/socat");
        byte[] payload = new byte[200_000];
        new java.util.Random(5).nextBytes(payload);
        Path in = Files.createTempFile("jasyncio-socat", ".bin");
        Files.write(in, payload);
        try {
            String out = Asyncio.run(() -> {
                try (Server server = Streams.startServer(RealPeersTest::echo, "127.0.0.1", 0)) {
                    Process p = start("/bin/sh", "-c", "socat -t 10 -u OPEN:" + in + " TCP:127.0.0.1:" + server.port()
                            + " 2>&1; echo done");
                    return output(p);
                }
            });
            assertThat(out.trim()).isEqualTo("done");
            Path back = Files.createTempFile("jasyncio-socat", ".back");
            try {
                String cmp = Asyncio.run(() -> {
                    try (Server server = Streams.startServer(RealPeersTest::echo, "127.0.0.1", 0)) {
                        Process p = start("/bin/sh", "-c", "socat -t 10 OPEN:" + in + "!!OPEN:" + back
                                + ",creat,trunc TCP:127.0.0.1:" + server.port() + " && cmp " + in + " " + back
                                + " && echo identical");
                        return output(p);
                    }
                });
                assertThat(cmp.trim()).isEqualTo("identical");
            } finally {
                Files.deleteIfExists(back);
            }
        } finally {
            Files.deleteIfExists(in);
        }
    }

    /** nc as a server: our client sends a line and half-closes; nc's reply arrives and then EOF. */
    @Test
    void ncServerAgainstOurClient() throws Exception {
        requireTool("/usr/bin/nc");
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = start("/bin/sh", "-c", "echo from-nc | nc -N -l 127.0.0.1 " + port);
        try {
            String got = Asyncio.run(() -> {
                Connection c = null;
                for (int i = 0; i < 200 && c == null; i++) {
                    try {
                        c = Streams.openConnection("127.0.0.1", port);
                    } catch (java.net.ConnectException notYet) {
                        OffLoop.call(() -> {
                            Thread.sleep(25); // nc has not bound yet: poll for its port
                            return null;
                        });
                    }
                }
                assertThat(c).as("nc listening on " + port).isNotNull();
                c.writer().write("from-jasyncio\n".getBytes(US_ASCII));
                c.writer().writeEof();
                byte[] reply = c.reader().read();
                c.close();
                return new String(reply, US_ASCII);
            });
            assertThat(got).isEqualTo("from-nc\n");
            assertThat(new String(p.getInputStream().readAllBytes(), US_ASCII)).isEqualTo("from-jasyncio\n");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }
}
