package io.jasyncio.net;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.getRunningLoop;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Half-close with writeEof, both ways, over streams. */
@Timeout(30)
class HalfCloseTest {

    /** The client half-closes; the server reads to EOF, then still answers, and the client reads it. */
    @Test
    void clientHalfClosesServerStillAnswers() throws Exception {
        Asyncio.run(() -> {
            try (Server server = Streams.startServer((reader, writer) -> {
                byte[] request = reader.read();
                writer.write(("got " + request.length + " bytes: " + new String(request, US_ASCII)).getBytes(US_ASCII));
                writer.close();
            }, "127.0.0.1", 0)) {
                Connection c = Streams.openConnection("127.0.0.1", server.port());
                assertThat(c.writer().canWriteEof()).isTrue();
                c.writer().write("question".getBytes(US_ASCII));
                c.writer().writeEof();
                assertThat(new String(c.reader().read(), US_ASCII)).isEqualTo("got 8 bytes: question");
                assertThat(c.reader().atEof()).isTrue();
                c.close();
                c.writer().waitClosed();
            }
        });
    }

    /** The server half-closes first; the client reads to EOF and can still send, and the server receives it. */
    @Test
    void serverHalfClosesClientStillSends() throws Exception {
        Asyncio.run(() -> {
            Future<String> serverGot = getRunningLoop().createFuture();
            try (Server server = Streams.startServer((reader, writer) -> {
                writer.write("banner".getBytes(US_ASCII));
                writer.writeEof();
                serverGot.setResult(new String(reader.read(), US_ASCII));
                writer.close();
            }, "127.0.0.1", 0)) {
                Connection c = Streams.openConnection("127.0.0.1", server.port());
                assertThat(new String(c.reader().read(), US_ASCII)).isEqualTo("banner");
                c.writer().write("reply after EOF".getBytes(US_ASCII));
                c.writer().writeEof();
                assertThat(await(serverGot)).isEqualTo("reply after EOF");
                // Both directions are shut; reading has stopped on both sides, so each closes its own end.
                c.close();
                c.writer().waitClosed();
            }
        });
    }
}
