package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.encoding.ContentEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Reading responses: status, headers, text, JSON, streams, codings (aiohttp's test_client_response.py). */
class ClientResponseTest {

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static FakeServer raw(byte[] head, byte[] body) {
        return new FakeServer(conn -> {
            conn.readRequest();
            conn.write(head);
            conn.write(body);
            conn.close();
        });
    }

    /** Status, reason and headers come from the status line and header block. */
    @Test
    void statusReasonAndHeaders() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 201 Created Here\r\nX-Thing: a\r\nX-Thing: b\r\n"
                + "Content-Length: 0\r\n\r\n");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                assertThat(r.status()).isEqualTo(201);
                assertThat(r.reason()).isEqualTo("Created Here");
                assertThat(r.ok()).isTrue();
                assertThat(r.headers().getAll("x-thing")).containsExactly("a", "b");
                assertThat(r.url().toString()).isEqualTo("http://h/");
                assertThat(r.method()).isEqualTo("GET");
            }
        });
    }

    /** text() decodes with the charset named in Content-Type. */
    @Test
    void textUsesCharsetFromHeaders() throws Exception {
        byte[] body = "café".getBytes(StandardCharsets.ISO_8859_1);
        FakeServer server = raw(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
        String text = VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                return r.text();
            }
        });
        assertThat(text).isEqualTo("café");
    }

    /** text() falls back to UTF-8 without a charset. */
    @Test
    void textDefaultsToUtf8() throws Exception {
        byte[] body = "naïve ✓".getBytes(StandardCharsets.UTF_8);
        FakeServer server = raw(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), body);
        String text = VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                return r.text();
            }
        });
        assertThat(text).isEqualTo("naïve ✓");
    }

    /** json(Class) binds the body with Jackson; read() keeps the body for a second call. */
    @Test
    void jsonBindsAndBodyIsCached() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 17\r\n\r\n{\"a\":1,\"b\":[2,3]}");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                Map<?, ?> m = r.json(Map.class);
                assertThat(m.get("a")).isEqualTo(1);
                assertThat(m.get("b")).isEqualTo(List.of(2, 3));
                assertThat(r.text()).isEqualTo("{\"a\":1,\"b\":[2,3]}");
            }
        });
    }

    /** json(Class) on a non-JSON content type raises ContentTypeError naming the type. */
    @Test
    void jsonOnWrongContentTypeRaises() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("{}"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                assertThatThrownBy(() -> r.json(Map.class)).isInstanceOf(ContentTypeError.class)
                        .hasMessageContaining("text/plain").hasMessageContaining("http://h/");
            }
        });
    }

    /** A chunked body is de-chunked. */
    @Test
    void chunkedBody() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n1;ext=1\r\n,\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n");
        String text = VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                return r.text();
            }
        });
        assertThat(text).isEqualTo("hello, world");
    }

    /** A body without length or chunking runs until the server closes. */
    @Test
    void bodyUntilClose() throws Exception {
        FakeServer server = raw("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "all of it".getBytes(StandardCharsets.US_ASCII));
        String text = VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                return r.text();
            }
        });
        assertThat(text).isEqualTo("all of it");
    }

    /** A gzip-encoded body is decoded, and Accept-Encoding offers gzip and deflate. */
    @Test
    void gzipIsDecoded() throws Exception {
        byte[] plain = "squeeze me ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        byte[] z = gzip(plain);
        List<String> offered = new java.util.ArrayList<>();
        FakeServer server = new FakeServer(conn -> {
            ServerSide.Req req = conn.readRequest();
            offered.add(req.header("Accept-Encoding"));
            conn.write("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + z.length + "\r\n\r\n");
            conn.write(z);
            conn.close();
        });
        byte[] got = VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                return r.read();
            }
        });
        assertThat(got).isEqualTo(plain);
        assertThat(offered).containsExactly("gzip, deflate");
    }

    /** A deflate-encoded chunked body is de-chunked, then decoded. */
    @Test
    void chunkedDeflateIsDecoded() throws Exception {
        byte[] plain = "inflate me ".repeat(500).getBytes(StandardCharsets.US_ASCII);
        byte[] z = deflate(plain);
        FakeServer server = new FakeServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < z.length; i += 100) {
                int n = Math.min(100, z.length - i);
                conn.write(Integer.toHexString(n) + "\r\n");
                conn.write(java.util.Arrays.copyOfRange(z, i, i + n));
                conn.write("\r\n");
            }
            conn.write("0\r\n\r\n");
            conn.close();
        });
        byte[] got = VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                return r.read();
            }
        });
        assertThat(got).isEqualTo(plain);
    }

    /** With autoDecompress off, the coded bytes are returned as received. */
    @Test
    void autoDecompressOff() throws Exception {
        byte[] z = gzip("x".getBytes(StandardCharsets.US_ASCII));
        FakeServer server = raw(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + z.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), z);
        byte[] got = VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(server).autoDecompress(false).build();
                    ClientResponse r = s.get("http://h/")) {
                return r.read();
            }
        });
        assertThat(got).isEqualTo(z);
    }

    /** A decompression bomb beyond maxDecodedBodySize fails with ClientPayloadError. */
    @Test
    void bombGuard() throws Exception {
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        ByteArrayOutputStream coded = new ByteArrayOutputStream();
        try (ContentEncoder enc = ContentEncoder.gzip()) {
            enc.encode(zeros, b -> coded.writeBytes(toArray(b)));
            enc.finish(b -> coded.writeBytes(toArray(b)));
        }
        byte[] z = coded.toByteArray();
        FakeServer server = raw(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + z.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), z);
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(server).maxDecodedBodySize(64 * 1024).build();
                    ClientResponse r = s.get("http://h/")) {
                assertThatThrownBy(r::read).isInstanceOf(ClientPayloadError.class).hasMessageContaining("http://h/");
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    /** content() streams: read(n), readLine, readExactly, then empty at EOF. */
    @Test
    void contentStreamReads() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("line one\nline two\n0123456789"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                ResponseContent c = r.content();
                assertThat(new String(c.readLine())).isEqualTo("line one\n");
                assertThat(new String(c.read(4))).isEqualTo("line");
                assertThat(new String(c.readLine())).isEqualTo(" two\n");
                assertThat(new String(c.readExactly(3))).isEqualTo("012");
                assertThat(new String(c.read())).isEqualTo("3456789");
                assertThat(c.atEof()).isTrue();
                assertThat(c.read(10)).isEmpty();
            }
        });
    }

    /** content() is asyncio's StreamReader: readUntil with a separator works on the body. */
    @Test
    void contentIsAStreamReader() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("a;bb;ccc"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                io.jasyncio.net.StreamReader c = r.content();
                assertThat(new String(c.readUntil(";".getBytes()))).isEqualTo("a;");
                assertThat(new String(c.readUntil(";".getBytes()))).isEqualTo("bb;");
                assertThatThrownBy(() -> c.readUntil(";".getBytes()))
                        .isInstanceOf(io.jasyncio.net.IncompleteReadError.class);
                assertThat(c.atEof()).isTrue();
            }
        });
    }

    /** readExactly past the end raises EOFException. */
    @Test
    void readExactlyPastEnd() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("abc"));
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                assertThatThrownBy(() -> r.content().readExactly(5)).isInstanceOf(java.io.EOFException.class)
                        .hasMessageContaining("3 bytes read on a total of 5");
            }
        });
    }

    /** raiseForStatus() raises ClientResponseError with status and URL, and releases the connection. */
    @Test
    void raiseForStatus() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/missing")) {
                assertThat(r.ok()).isFalse();
                assertThatThrownBy(r::raiseForStatus).isInstanceOfSatisfying(ClientResponseError.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("404").contains("Not Found").contains("http://h/missing");
                });
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** The session's raiseForStatus option makes the request itself raise. */
    @Test
    void sessionRaiseForStatus() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 500 Boom\r\nContent-Length: 0\r\n\r\n");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = ClientSession.builder().dialer(server).raiseForStatus(true).build()) {
                assertThatThrownBy(() -> s.get("http://h/")).isInstanceOfSatisfying(ClientResponseError.class,
                        e -> assertThat(e.status()).isEqualTo(500));
                assertThat(s.connector().inUse()).isZero();
                try (ClientResponse r = s.get("http://h/", new RequestOptions().raiseForStatus(false))) {
                    assertThat(r.status()).isEqualTo(500);
                }
            }
        });
    }

    /** cookies() lists the Set-Cookie values of the response by name. */
    @Test
    void responseCookies() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/\r\n"
                + "Set-Cookie: b=2\r\nContent-Length: 0\r\n\r\n");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                assertThat(r.cookies()).containsOnlyKeys("a", "b");
                assertThat(r.cookies().get("b").value()).isEqualTo("2");
            }
        });
    }

    /** A HEAD response announcing a length has no body, and its connection is reused. */
    @Test
    void headHasNoBody() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                try (ClientResponse r = s.head("http://h/")) {
                    assertThat(r.contentLength()).isEqualTo(1000);
                    assertThat(r.read()).isEmpty();
                }
                try (ClientResponse r = s.head("http://h/")) {
                    assertThat(r.status()).isEqualTo(200);
                }
            }
        });
        assertThat(server.dials).isEqualTo(1);
    }

    /** An interim 100 Continue response is skipped; the final response is returned. */
    @Test
    void informationalResponseSkipped() throws Exception {
        FakeServer server = FakeServer.responding(r -> "HTTP/1.1 100 Continue\r\n\r\n" + FakeServer.ok("final"));
        String text = VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                return r.text();
            }
        });
        assertThat(text).isEqualTo("final");
    }
}
