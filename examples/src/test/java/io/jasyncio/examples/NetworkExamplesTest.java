package io.jasyncio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.net.Streams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds' networking snippets work against loopback and print what the originals print. */
class NetworkExamplesTest {

    /** The echo server sends back what a client wrote, then the client sees EOF. */
    @Test
    void echoServerEchoesOneMessage() throws Exception {
        String echoed = Asyncio.run(() -> {
            io.jasyncio.Future<Server> started = Asyncio.getRunningLoop().createFuture();
            Task<Void> serving = Asyncio.createTask(() -> EchoServer.serve(0, started::setResult));
            Server server = Asyncio.await(started);
            Connection c = Streams.openConnection("127.0.0.1", server.port());
            c.writer().write("hello, echo".getBytes(StandardCharsets.UTF_8));
            c.writer().drain();
            String got = new String(c.reader().read(), StandardCharsets.UTF_8);
            c.writer().close();
            serving.cancel();
            return got;
        });
        assertThat(echoed).isEqualTo("hello, echo");
    }

    /** wget prints each site's header lines, for all three sites, and stops at the blank line. */
    @Test
    void wgetPrintsTheHeadersOfThreeSites() throws Exception {
        String out = Output.capture(() -> Wget.program(EventLoop::create));
        for (String host : new String[] {"www.sina.com.cn", "www.sohu.com", "www.163.com"}) {
            assertThat(out.lines()).contains(
                    "wget " + host + "...",
                    host + " header > HTTP/1.0 200 OK",
                    host + " header > Server: " + host,
                    host + " header > Content-Type: text/html");
        }
        assertThat(out).doesNotContain("<h1>");
    }

    /** The downloader prints each file's text and writes the fetched files. */
    @Test
    void downloaderFetchesConcurrently(@TempDir Path dir) throws Exception {
        String out = Output.capture(() -> Asyncio.run(() -> Downloader.program(dir)));
        assertThat(out.lines()).contains("content of file1", "content of file2", "content of file3",
                "downloaded 3 files", "下载完成");
        assertThat(Files.readString(dir.resolve("image1.png"))).isEqualTo("content of image1");
        assertThat(Files.readString(dir.resolve("image2.png"))).isEqualTo("content of image2");
    }
}
