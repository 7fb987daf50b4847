package io.jasyncio.net;

import static io.jasyncio.Asyncio.createTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1 MiB of random bytes echoed through 1,000 concurrent connections in random chunk sizes, checked
 * by SHA-256: the payload is cut into 1,000 random-length slices, each sent over its own connection
 * in random-size writes while the same task reads the echo back, and the reassembled whole must
 * hash the same. ({@code -Djasyncio.test.echoBytesPerConnection=1048576} sends a whole MiB per
 * connection instead, for a soak run.)
 */
@Timeout(120)
class ConcurrentEchoTest {

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

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Every byte comes back in order on its own connection, and the whole hashes the same. */
    @Test
    void oneMebibyteThroughAThousandConnections() throws Exception {
        int connections = 1000;
        int perConnection = Integer.getInteger("jasyncio.test.echoBytesPerConnection", 0);
        Random random = new Random(42);
        byte[][] slices = new byte[connections][];
        if (perConnection > 0) {
            for (int i = 0; i < connections; i++) {
                slices[i] = new byte[perConnection];
                random.nextBytes(slices[i]);
            }
        } else {
            byte[] all = new byte[1024 * 1024];
            random.nextBytes(all);
            int[] cuts = random.ints(connections - 1, 0, all.length + 1).sorted().toArray();
            int from = 0;
            for (int i = 0; i < connections; i++) {
                int to = i < connections - 1 ? cuts[i] : all.length;
                slices[i] = java.util.Arrays.copyOfRange(all, from, to);
                from = to;
            }
        }
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (byte[] s : slices) {
            sent.writeBytes(s);
        }
        byte[][] back = Asyncio.run(() -> {
            try (Server server = Streams.startServer(ConcurrentEchoTest::echo, "127.0.0.1", 0,
                    ServerOptions.defaults().backlog(1024))) {
                int port = server.port();
                List<Task<byte[]>> clients = new ArrayList<>(connections);
                for (int i = 0; i < connections; i++) {
                    byte[] mine = slices[i];
                    long seed = random.nextLong();
                    clients.add(createTask(() -> {
                        Random r = new Random(seed);
                        Connection c = Streams.openConnection("127.0.0.1", port);
                        Task<byte[]> reading = createTask(() -> c.reader().read());
                        for (int off = 0; off < mine.length; ) {
                            int n = Math.min(mine.length - off, 1 + r.nextInt(8192));
                            c.writer().write(mine, off, n);
                            c.writer().drain();
                            off += n;
                        }
                        c.writer().writeEof();
                        byte[] got = Asyncio.await(reading);
                        c.close();
                        return got;
                    }));
                }
                byte[][] out = new byte[connections][];
                for (int i = 0; i < connections; i++) {
                    out[i] = Asyncio.await(clients.get(i));
                }
                return out;
            }
        });
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (int i = 0; i < connections; i++) {
            assertThat(back[i]).as("connection %d", i).hasSameSizeAs(slices[i]);
            received.writeBytes(back[i]);
        }
        assertThat(sha256(received.toByteArray())).isEqualTo(sha256(sent.toByteArray()));
    }
}
