package io.jasyncio.http.web;

import static io.jasyncio.http.web.Wire.DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.cookie.Cookie;
import io.jasyncio.http.cookie.SameSite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Responses: factories, content type and charset, cookies, compression, reuse (after aiohttp's test_web_response.py). */
@Timeout(20)
class ResponseTest {

    private static String serve(Handler h, String extraHeaders) throws Exception {
        Application app = new Application();
        app.router().addGet("/", h);
        return Wire.roundTrip(app, "GET / HTTP/1.1\r\nHost: x\r\n" + extraHeaders + "\r\n");
    }

    private static byte[] body(String out) {
        return out.substring(out.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The factories set the content type aiohttp sets. */
    @Test
    void factoriesSetContentTypes() {
        assertThat(Response.text("a").headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(Response.text("<p>", "text/html").headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(Response.bytes(new byte[1]).headers().get("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(Response.json(List.of(1)).headers().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(Response.json(Map.of("a", 1)).text()).isEqualTo("{\"a\":1}");
        assertThat(Response.text("x", 201).status()).isEqualTo(201);
    }

    /** Setting the content type keeps the charset, and setting the charset keeps the type. */
    @Test
    void contentTypeAndCharsetAreIndependent() {
        Response r = Response.text("x");
        r.setContentType("text/html");
        assertThat(r.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        r.setCharset("ISO-8859-1");
        assertThat(r.contentType()).isEqualTo("text/html");
        assertThat(r.charset()).isEqualTo("iso-8859-1");
        assertThat(new StreamResponse().contentType()).isEqualTo("application/octet-stream");
    }

    /** setText encodes with the response's charset. */
    @Test
    void setTextUsesCharset() {
        Response r = new Response().setContentType("text/plain").setCharset("iso-8859-1").setText("caf\u00e9");
        assertThat(r.body()).containsExactly('c', 'a', 'f', 0xE9);
        assertThat(r.text()).isEqualTo("caf\u00e9");
    }

    /** A custom reason phrase is sent; one with CR or LF is refused. */
    @Test
    void customReason() throws Exception {
        assertThat(serve(r -> new Response(299).setStatus(299, "Fine Indeed"), "")).startsWith("HTTP/1.1 299 Fine Indeed\r\n");
        assertThatThrownBy(() -> new Response().setStatus(200, "OK\r\nX: y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Response(1000)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Cookies become Set-Cookie headers; delCookie expires the cookie. */
    @Test
    void cookies() throws Exception {
        String out = serve(r -> Response.text("c").setCookie("session", "abc")
                .setCookie(Cookie.of("pref", "dark").withHttpOnly(true).withSameSite(SameSite.LAX))
                .delCookie("old"), "");
        assertThat(out).contains("Set-Cookie: session=abc; Path=/\r\n")
                .contains("Set-Cookie: pref=dark; HttpOnly; SameSite=Lax\r\n")
                .contains("Set-Cookie: old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0\r\n");
    }

    /** Setting a cookie of the same name and path again replaces it. */
    @Test
    void cookieIsReplaced() {
        Response r = Response.text("c").setCookie("a", "1").setCookie("a", "2");
        assertThat(r.cookies()).extracting(Cookie::value).containsExactly("2");
    }

    /** With compression enabled and gzip accepted, the body is gzip-coded, with Vary and the coded length. */
    @Test
    void gzipWhenAccepted() throws Exception {
        String text = "hello hello hello hello hello hello hello hello";
        String out = serve(r -> Response.text(text).enableCompression(), "Accept-Encoding: gzip, deflate\r\n");
        assertThat(out).contains("Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n");
        byte[] b = body(out);
        assertThat(out).contains("Content-Length: " + b.length + "\r\n");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(b)).readAllBytes())).isEqualTo(text);
    }

    /** deflate is used when it is the only coding accepted. */
    @Test
    void deflateWhenOnlyDeflateAccepted() throws Exception {
        String out = serve(r -> Response.text("abcabcabc").enableCompression(), "Accept-Encoding: deflate\r\n");
        assertThat(out).contains("Content-Encoding: deflate\r\n");
        assertThat(new String(new InflaterInputStream(new ByteArrayInputStream(body(out))).readAllBytes())).isEqualTo("abcabcabc");
    }

    /** Without an Accept-Encoding the body is sent as is, even with compression enabled. */
    @Test
    void noCompressionWithoutAcceptEncoding() throws Exception {
        String out = serve(r -> Response.text("plain").enableCompression(), "");
        assertThat(out).doesNotContain("Content-Encoding").endsWith("plain");
    }

    /** Forced compression ignores the client. */
    @Test
    void forcedCompression() throws Exception {
        assertThat(serve(r -> Response.text("x").enableCompression("gzip"), "")).contains("Content-Encoding: gzip\r\n");
        assertThatThrownBy(() -> Response.text("x").enableCompression("br")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A compressed stream is chunked and decodes to what was written. */
    @Test
    void compressedStream() throws Exception {
        String out = serve(r -> {
            StreamResponse s = new StreamResponse().enableCompression();
            s.prepare(r);
            s.write("part one, ".getBytes());
            s.drain();
            s.write("part two".getBytes());
            s.writeEof();
            return s;
        }, "Accept-Encoding: gzip\r\n");
        assertThat(out).contains("Content-Encoding: gzip\r\n").contains("Transfer-Encoding: chunked\r\n");
        byte[] chunked = body(out);
        java.io.ByteArrayOutputStream dechunked = new java.io.ByteArrayOutputStream();
        int p = 0;
        while (true) {
            int eol = indexOf(chunked, p);
            int size = Integer.parseInt(new String(chunked, p, eol - p), 16);
            if (size == 0) {
                break;
            }
            dechunked.write(chunked, eol + 2, size);
            p = eol + 2 + size + 2;
        }
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(dechunked.toByteArray())).readAllBytes()))
                .isEqualTo("part one, part two");
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length - 1; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** 204 and 304 carry no body and no framing headers, whatever the handler set. */
    @Test
    void noContentStatusesHaveNoBody() throws Exception {
        assertThat(serve(r -> new Response(204).setBody("ignored".getBytes()), ""))
                .isEqualTo("HTTP/1.1 204 No Content\r\n" + DATE + "\r\n");
    }

    /** forceClose makes the response say Connection: close and closes the connection. */
    @Test
    void forceCloseClosesConnection() throws Exception {
        assertThat(serve(r -> Response.text("bye").forceClose(), "")).contains("Connection: close\r\n").endsWith("bye");
    }

    /** A response object sent once cannot be sent for a second request: the second gets a 500. */
    @Test
    void responseIsSingleUse() throws Exception {
        Response shared = Response.text("once");
        Application app = new Application();
        app.router().addGet("/", r -> shared);
        String out = Wire.roundTrip(app, "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).startsWith(Wire.ok("once")).contains("HTTP/1.1 500 ");
    }

    /** Status and headers can no longer change once the response is prepared. */
    @Test
    void preparedResponseIsImmutable() throws Exception {
        serve(r -> {
            StreamResponse s = new StreamResponse();
            s.prepare(r);
            assertThatThrownBy(() -> s.setStatus(201)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.setCookie("a", "b")).isInstanceOf(IllegalStateException.class);
            assertThat(s.isPrepared()).isTrue();
            s.writeEof();
            assertThatThrownBy(() -> s.write(new byte[1])).isInstanceOf(IllegalStateException.class);
            return s;
        }, "");
    }

    /** Writing before prepare is refused with a clear message. */
    @Test
    void writeBeforePrepareIsRefused() {
        assertThatThrownBy(() -> new StreamResponse().write(new byte[1])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prepare");
    }
}
