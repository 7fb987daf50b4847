package io.jasyncio.http.web;

import io.jasyncio.http.VirtualTimeLoop;

import static io.jasyncio.http.web.Wire.DATE;
import static io.jasyncio.http.web.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Request content: whole and streamed reads, chunked, 100-continue, limits, forms, JSON (after test_web_functional.py). */
@Timeout(20)
class WebRequestBodyTest {

    static Application echo() {
        Application app = new Application();
        app.router().addPost("/echo", r -> Response.text(r.text()));
        app.router().addPost("/ignore", r -> Response.text("ignored"));
        app.router().addGet("/", r -> Response.text("root"));
        return app;
    }

    /** A body framed by Content-Length is read whole. */
    @Test
    void contentLengthBodyIsRead() throws Exception {
        assertThat(Wire.roundTrip(echo(), "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world"))
                .isEqualTo(ok("hello world"));
    }

    /** A chunked body is de-chunked, and the next request on the connection is served after it. */
    @Test
    void chunkedBodyIsRead() throws Exception {
        String raw = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-T: 1\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        assertThat(Wire.roundTrip(echo(), raw)).isEqualTo(ok("hello world") + ok("root"));
        assertThat(Wire.roundTripBytewise(echo(), raw)).isEqualTo(ok("hello world") + ok("root"));
    }

    /** The body arriving after the head, in several reads, is awaited by the handler. */
    @Test
    void bodyInLaterReadsIsAwaited() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(echo()).send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\n");
            Asyncio.sleep(1);
            w.send("abc");
            Asyncio.sleep(1);
            w.send("def").settle();
            assertThat(w.output()).isEqualTo(ok("abcdef"));
        });
    }

    /** With Expect: 100-continue, 100 Continue is sent when the handler first reads, then the final response. */
    @Test
    void continueIsSentOnFirstRead() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(echo()).send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
            Asyncio.sleep(1);
            assertThat(w.output()).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            w.send("data").settle();
            assertThat(w.output()).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n" + ok("data"));
            assertThat(w.closed()).isFalse();
        });
    }

    /** A handler that rejects without reading sends no 100 Continue, and the connection closes after its answer. */
    @Test
    void noContinueWhenHandlerRejects() throws Exception {
        Application app = new Application();
        app.router().addPost("/upload", r -> {
            throw new HTTPUnauthorized();
        });
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app).send("POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
                    .settle().awaitClosed();
            assertThat(w.output()).isEqualTo("HTTP/1.1 401 Unauthorized\r\n" + DATE
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 17\r\nConnection: close\r\n\r\n401: Unauthorized");
        });
    }

    /** A Content-Length over clientMaxSize is 413 before any content is read, and the connection closes. */
    @Test
    void declaredLengthOverLimitIs413() throws Exception {
        Application app = echo();
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(app).send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\nabc").settle().awaitClosed();
            assertThat(w.output()).isEqualTo("HTTP/1.1 413 Content Too Large\r\n" + DATE
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 68\r\nConnection: close\r\n\r\n"
                    + "Maximum request body size 1048576 exceeded, actual body size 2000000");
        });
    }

    /** A chunked body that grows over clientMaxSize is 413 as soon as it crosses it. */
    @Test
    void chunkedBodyOverLimitIs413() throws Exception {
        Application app = echo().setClientMaxSize(8);
        String out = Wire.roundTrip(app, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).startsWith("HTTP/1.1 413 Content Too Large\r\n").endsWith(ok("root"));
    }

    /** clientMaxSize 0 removes the limit. */
    @Test
    void zeroLimitMeansUnlimited() throws Exception {
        Application app = echo().setClientMaxSize(0);
        String body = "x".repeat(2_000_000);
        String out = Wire.roundTrip(app, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(out).isEqualTo(ok(body));
    }

    /** Content the handler did not read is read and dropped, and the connection goes on. */
    @Test
    void unreadSmallBodyIsDrainedAndConnectionKept() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(echo()).send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01234").settle();
            assertThat(w.output()).isEqualTo(ok("ignored"));
            w.send("56789GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
            assertThat(w.output()).isEqualTo(ok("ignored") + ok("root"));
            assertThat(w.closed()).isFalse();
        });
    }

    /** Unread content larger than maxDiscardSize makes the response say Connection: close, and the connection closes. */
    @Test
    void unreadLargeBodyCloses() throws Exception {
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(echo()).send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\nabc").settle().awaitClosed();
            assertThat(w.output()).contains("Connection: close\r\n").endsWith("ignored");
        });
    }

    /** A body streamed through content() with a small buffer pauses reading while the handler is slow, and arrives whole. */
    @Test
    void streamedBodyAppliesBackPressure() throws Exception {
        Application app = new Application();
        app.router().addPost("/count", r -> {
            long n = 0;
            while (true) {
                byte[] part = r.content().read(100);
                if (part.length == 0) {
                    break;
                }
                n += part.length;
                Asyncio.sleep(0.01);
            }
            return Response.text(Long.toString(n));
        });
        VirtualTimeLoop.run(() -> {
            Wire w = Wire.open(new WebServer(app, Wire.options().bodyBufferSize(1024)));
            w.send("POST /count HTTP/1.1\r\nHost: x\r\nContent-Length: 20000\r\n\r\n");
            for (int i = 0; i < 20; i++) {
                w.send("y".repeat(1000));
            }
            w.settle();
            assertThat(w.output()).isEqualTo(ok("20000"));
            assertThat(w.transport.pauseCount()).isGreaterThan(0);
            assertThat(w.transport.isReadingPaused()).isFalse();
        });
    }

    /** readLine and readExactly split the content as asked; at the end they give empty or fail. */
    @Test
    void streamReadersSplitContent() throws Exception {
        List<String> seen = new ArrayList<>();
        Application app = new Application();
        app.router().addPost("/lines", r -> {
            BodyStream in = r.content();
            seen.add(new String(in.readLine()));
            seen.add(new String(in.readExactly(3)));
            seen.add(new String(in.readLine()));
            seen.add(new String(in.readLine()));
            try {
                in.readExactly(1);
                seen.add("no error");
            } catch (java.io.EOFException e) {
                seen.add("eof");
            }
            seen.add(Boolean.toString(in.atEof()));
            return Response.text("done");
        });
        String out = Wire.roundTrip(app, "POST /lines HTTP/1.1\r\nHost: x\r\nContent-Length: 13\r\n\r\nab\ncdefg\nlast");
        assertThat(out).isEqualTo(ok("done"));
        assertThat(seen).containsExactly("ab\n", "cde", "fg\n", "last", "eof", "true");
    }

    /** json(Class) reads a JSON body and Response.json writes one. */
    @Test
    void jsonRoundTrip() throws Exception {
        Application app = new Application();
        app.router().addPost("/j", r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = r.json(Map.class);
            return Response.json(Map.of("got", m.get("a")));
        });
        String out = Wire.roundTrip(app, "POST /j HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\n{\"a\":42}");
        assertThat(out).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE
                + "Content-Type: application/json; charset=utf-8\r\nContent-Length: 10\r\n\r\n{\"got\":42}");
    }

    /** Invalid JSON in a request is 400, not 500. */
    @Test
    void invalidJsonIs400() throws Exception {
        Application app = new Application();
        app.router().addPost("/j", r -> Response.json(r.json(Map.class)));
        String out = Wire.roundTrip(app, "POST /j HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{nope");
        assertThat(out).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("invalid JSON");
    }

    /** post() decodes a url-encoded form. */
    @Test
    void urlEncodedFormIsDecoded() throws Exception {
        Application app = new Application();
        app.router().addPost("/f", r -> {
            Form f = r.post();
            return Response.text(f.get("name").orElse("?") + "|" + f.getAll("tag"));
        });
        String body = "name=J%C3%BCrgen+K&tag=a&tag=b";
        String out = Wire.roundTrip(app, "POST /f HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(out).isEqualTo(ok("Jürgen K|[a, b]"));
    }

    static String multipart(String fileContent) {
        return "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMy file\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + fileContent + "\r\n--XyZ--\r\n";
    }

    /** post() of multipart/form-data gives text fields and files streamed to temporary files, deleted after the handler. */
    @Test
    void multipartFormStreamsFilesToTempFiles() throws Exception {
        AtomicReference<Path> tmp = new AtomicReference<>();
        Application app = new Application();
        app.router().addPost("/up", r -> {
            Form f = r.post();
            FileField doc = f.file("doc").orElseThrow();
            tmp.set(doc.path());
            return Response.text(f.get("title").orElseThrow() + "|" + doc.filename() + "|" + doc.contentType() + "|"
                    + doc.size() + "|" + Files.readString(doc.path()));
        });
        String content = "line1\r\nline2";
        String body = multipart(content);
        String out = Wire.roundTrip(app, "POST /up HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(out).isEqualTo(ok("My file|a.txt|text/plain|12|line1\r\nline2"));
        assertThat(tmp.get()).isNotNull();
        assertThat(Files.exists(tmp.get())).isFalse();
    }

    /** A multipart body whose parts exceed clientMaxSize is 413 (files count too). */
    @Test
    void multipartOverLimitIs413() throws Exception {
        Application app = new Application().setClientMaxSize(100);
        app.router().addPost("/up", r -> Response.text(r.post().toString()));
        String body = multipart("z".repeat(200));
        String out = Wire.roundTrip(app, "POST /up HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        assertThat(out).startsWith("HTTP/1.1 413 Content Too Large\r\n");
    }

    /** A malformed multipart body is 400. */
    @Test
    void malformedMultipartIs400() throws Exception {
        Application app = new Application();
        app.router().addPost("/up", r -> Response.text(r.post().toString()));
        String body = "--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--\r\n";
        String out = Wire.roundTrip(app, "POST /up HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(out).startsWith("HTTP/1.1 400 Bad Request\r\n");
    }

    /** read() twice returns the same bytes, and text() after it decodes them. */
    @Test
    void readIsCached() throws Exception {
        Application app = new Application();
        app.router().addPost("/r", r -> Response.text(new String(r.read()) + "/" + r.text()));
        assertThat(Wire.roundTrip(app, "POST /r HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi")).isEqualTo(ok("hi/hi"));
    }

    /** A request without content reads as empty, and content() is at its end at once. */
    @Test
    void noContentReadsEmpty() throws Exception {
        Application app = new Application();
        app.router().addGet("/r", r -> Response.text(r.read().length + " " + r.content().atEof() + " " + r.canReadBody()));
        assertThat(Wire.roundTrip(app, "GET /r HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(ok("0 true false"));
    }
}
