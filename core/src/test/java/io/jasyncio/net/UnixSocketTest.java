package io.jasyncio.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Unix-domain sockets: open_unix_connection and start_unix_server. */
@Timeout(30)
class UnixSocketTest {

    @TempDir
    Path dir;

    private static void echoLine(StreamReader reader, StreamWriter writer) throws Exception {
        writer.write(reader.readLine());
        writer.drain();
        writer.close();
    }

    /** A line echoed over a Unix socket; peername/sockname are Unix addresses; the file is removed on close. */
    @Test
    void echoOverUnixSocket() throws Exception {
        Path path = dir.resolve("echo.sock");
        Asyncio.run(() -> {
            try (Server server = Streams.startUnixServer(UnixSocketTest::echoLine, path)) {
                assertThat(Files.exists(path)).isTrue();
                assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
                Connection c = Streams.openUnixConnection(path);
                c.writer().write("over unix\n".getBytes(US_ASCII));
                assertThat(new String(c.reader().readLine(), US_ASCII)).isEqualTo("over unix\n");
                assertThat(c.writer().getExtraInfo("peername")).isInstanceOf(UnixDomainSocketAddress.class);
                assertThat(c.writer().getExtraInfo("peername").toString()).contains("echo.sock");
                c.close();
            }
        });
        assertThat(Files.exists(path)).isFalse();
    }

    /** A stale socket file left by a dead server is replaced, as CPython does. */
    @Test
    void staleSocketFileIsReplaced() throws Exception {
        Path path = dir.resolve("stale.sock");
        Asyncio.run(() -> {
            Server first = Streams.startUnixServer(UnixSocketTest::echoLine, path,
                    ServerOptions.defaults().cleanupSocket(false));
            first.close();
            assertThat(Files.exists(path)).isTrue();
            try (Server second = Streams.startUnixServer(UnixSocketTest::echoLine, path)) {
                Connection c = Streams.openUnixConnection(path);
                c.writer().write("again\n".getBytes(US_ASCII));
                assertThat(new String(c.reader().readLine(), US_ASCII)).isEqualTo("again\n");
                c.close();
            }
        });
    }

    /** A regular file at the path is not removed: binding fails, naming the path. */
    @Test
    void regularFileAtThePathIsKept() throws Exception {
        Path path = dir.resolve("not-a-socket");
        Files.writeString(path, "precious");
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Streams.startUnixServer(UnixSocketTest::echoLine, path))
                    .isInstanceOf(SocketException.class).hasMessageContaining("not-a-socket");
        });
        assertThat(Files.readString(path)).isEqualTo("precious");
    }

    /** Connecting to a path where nothing listens names the path. */
    @Test
    void connectToMissingSocketNamesThePath() throws Exception {
        Path path = dir.resolve("nobody.sock");
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Streams.openUnixConnection(path))
                    .isInstanceOf(SocketException.class).hasMessageContaining("nobody.sock");
        });
    }

    /** Unix-socket connections half-close too. */
    @Test
    void halfCloseOverUnixSocket() throws Exception {
        Path path = dir.resolve("half.sock");
        Asyncio.run(() -> {
            try (Server server = Streams.startUnixServer((r, w) -> {
                w.write(("len=" + r.read().length).getBytes(US_ASCII));
                w.close();
            }, path)) {
                Connection c = Streams.openUnixConnection(path);
                c.writer().write(new byte[100_000]);
                c.writer().writeEof();
                assertThat(new String(c.reader().read(), US_ASCII)).isEqualTo("len=100000");
                c.close();
            }
        });
    }
}
