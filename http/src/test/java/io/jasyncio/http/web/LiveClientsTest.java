package io.jasyncio.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real clients against the live server: curl (HTTP/1.0, chunked upload, ranges, compression, forms) and Python's aiohttp client. */
@Timeout(120)
class LiveClientsTest {

    @TempDir
    static Path dir;
    static LiveServer server;

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("alphabet.txt"), "abcdefghijklmnopqrstuvwxyz");
        Application app = new Application().setClientMaxSize(20 << 20);
        app.router().addGet("/", r -> Response.text("Hello, World!"));
        app.router().addGet("/hello/{name}", r -> Response.text("hello, " + r.matchInfo("name")));
        app.router().addPost("/echo", r -> Response.bytes(r.read(), "application/octet-stream"));
        app.router().addPut("/digest", r -> {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long n = 0;
            while (true) {
                byte[] part = r.content().readAny();
                if (part.length == 0) {
                    break;
                }
                md.update(part);
                n += part.length;
            }
            return Response.text(n + " " + HexFormat.of().formatHex(md.digest()));
        });
        app.router().addPost("/json", r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = r.json(Map.class);
            return Response.json(Map.of("echo", m, "n", m.size()));
        });
        app.router().addPost("/form", r -> {
            Form f = r.post();
            FileField file = f.file("upload").orElseThrow(() -> new HTTPBadRequest("no file"));
            return Response.text(f.get("title").orElse("-") + " " + file.filename() + " " + file.size() + " "
                    + sha256(Files.readAllBytes(file.path())));
        });
        app.router().addGet("/gzip", r -> Response.text("compress me ".repeat(100)).enableCompression());
        app.router().addGet("/stream", r -> {
            StreamResponse s = new StreamResponse();
            s.setContentType("text/plain");
            s.prepare(r);
            for (int i = 0; i < 5; i++) {
                s.write(("line " + i + "\n").getBytes());
                Asyncio.sleep(0.01);
            }
            s.writeEof();
            return s;
        });
        app.router().addStatic("/static", dir);
        server = LiveServer.start(app, WebServerOptions.defaults(), 1);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[][] err = new byte[1][];
        Thread errReader = Thread.ofVirtual().start(() -> {
            try {
                err[0] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = e.toString().getBytes();
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        errReader.join();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err[0], StandardCharsets.UTF_8));
    }

    static Result curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** curl --http1.0 gets the body, and the connection is closed by the server after it. */
    @Test
    void curlHttp10() throws Exception {
        Result r = curl("--http1.0", "-i", server.url("/"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("HTTP/1.1 200 OK\r\n").doesNotContain("Connection: keep-alive").endsWith("Hello, World!");
    }

    /** curl keeps one connection for several URLs (keep-alive). */
    @Test
    void curlReusesConnection() throws Exception {
        Result r = curl("-v", server.url("/hello/a"), server.url("/hello/b"));
        assertThat(r.out()).isEqualTo("hello, ahello, b");
        assertThat(r.err()).contains("Re-using existing connection");
    }

    /** A chunked upload from curl is de-chunked and hashed by a streaming handler. */
    @Test
    void curlChunkedUpload() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 5];
        new java.util.Random(7).nextBytes(data);
        Path f = dir.resolve("upload.bin");
        Files.write(f, data);
        Result r = curl("-X", "PUT", "-H", "Transfer-Encoding: chunked", "--data-binary", "@" + f, server.url("/digest"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(data.length + " " + sha256(data));
    }

    /** With Expect: 100-continue, curl gets 100 Continue before sending and then the final answer. */
    @Test
    void curlExpectContinue() throws Exception {
        Path f = dir.resolve("small.bin");
        Files.writeString(f, "x".repeat(1000));
        Result r = curl("-v", "-H", "Expect: 100-continue", "--data-binary", "@" + f, server.url("/echo"));
        assertThat(r.err()).contains("HTTP/1.1 100 Continue");
        assertThat(r.out()).isEqualTo("x".repeat(1000));
    }

    /** curl --range gets 206 and exactly the requested bytes of a static file. */
    @Test
    void curlRange() throws Exception {
        Result r = curl("-w", "|%{http_code}", "--range", "3-7", server.url("/static/alphabet.txt"));
        assertThat(r.out()).isEqualTo("defgh|206");
        Result bad = curl("-w", "|%{http_code}", "-o", "/dev/null", "--range", "100-200", server.url("/static/alphabet.txt"));
        assertThat(bad.out()).isEqualTo("|416");
    }

    /** curl --compressed gets gzip and decodes it. */
    @Test
    void curlCompressed() throws Exception {
        Result r = curl("--compressed", "-D", "-", server.url("/gzip"));
        assertThat(r.out()).containsIgnoringCase("content-encoding: gzip").endsWith("compress me ".repeat(100));
    }

    /** A multipart form from curl -F gives the field and the file, hashed from its temporary file. */
    @Test
    void curlMultipartForm() throws Exception {
        byte[] data = new byte[200_000];
        new java.util.Random(9).nextBytes(data);
        Path f = dir.resolve("photo.jpg");
        Files.write(f, data);
        Result r = curl("-F", "title=Holiday", "-F", "upload=@" + f, server.url("/form"));
        assertThat(r.out()).isEqualTo("Holiday photo.jpg 200000 " + sha256(data));
    }

    /** Python's aiohttp client: keep-alive GETs, JSON, a multipart upload, HEAD, gzip, 404, streaming and a chunked upload. */
    @Test
    void pythonAiohttpClient() throws Exception {
        Path script = dir.resolve("client.py");
        Files.writeString(script, """
                import asyncio, hashlib, sys, aiohttp

                async def main(base):
                    async with aiohttp.ClientSession() as s:
                        async with s.get(base + '/') as r:
                            assert r.status == 200 and await r.text() == 'Hello, World!', r.status
                            assert r.headers['Content-Type'] == 'text/plain; charset=utf-8'
                        async with s.get(base + '/hello/J%C3%BCrgen') as r:
                            assert await r.text() == 'hello, J\\u00fcrgen'
                        async with s.post(base + '/json', json={'a': 1, 'b': [1, 2]}) as r:
                            body = await r.json()
                            assert body == {'echo': {'a': 1, 'b': [1, 2]}, 'n': 2}, body
                        data = bytes(range(256)) * 1000
                        form = aiohttp.FormData()
                        form.add_field('title', 'T')
                        form.add_field('upload', data, filename='d.bin', content_type='application/octet-stream')
                        async with s.post(base + '/form', data=form) as r:
                            assert await r.text() == 'T d.bin %d %s' % (len(data), hashlib.sha256(data).hexdigest())
                        async with s.head(base + '/') as r:
                            assert r.status == 200 and r.headers['Content-Length'] == '13'
                            assert await r.read() == b''
                        async with s.get(base + '/gzip') as r:
                            assert r.headers['Content-Encoding'] == 'gzip'
                            assert await r.text() == 'compress me ' * 100
                        async with s.get(base + '/nope') as r:
                            assert r.status == 404 and await r.text() == '404: Not Found'
                        async with s.get(base + '/stream') as r:
                            lines = [l async for l in r.content]
                            assert lines == [b'line %d\\n' % i for i in range(5)], lines
                        async def gen():
                            for i in range(10):
                                yield b'chunk%d' % i
                        async with s.put(base + '/digest', data=gen()) as r:
                            payload = b''.join(b'chunk%d' % i for i in range(10))
                            assert await r.text() == '%d %s' % (len(payload), hashlib.sha256(payload).hexdigest())
                        conns = s.connector._conns
                        assert sum(len(v) for v in conns.values()) == 1, conns
                    print('OK')

                asyncio.run(main(sys.argv[1]))
                """);
        Result r = run(List.of("/usr/bin/python3", script.toString(), server.url("")));
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("OK\n");
        assertThat(r.exit()).isZero();
    }
}
