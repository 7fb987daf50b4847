package io.jasyncio.http.web;

import static io.jasyncio.http.web.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The request head as handlers see it (after aiohttp's test_web_request.py). */
@Timeout(20)
class RequestTest {

    private static String ask(Handler h, String raw) throws Exception {
        Application app = new Application();
        app.router().addRoute("*", "/{tail:.*}", h);
        return Wire.roundTrip(app, raw);
    }

    /** path() is decoded, rawPath() and target() are as received, query() is decoded. */
    @Test
    void pathAndQuery() throws Exception {
        String out = ask(r -> Response.text(r.path() + "|" + r.rawPath() + "|" + r.target() + "|" + r.queryString() + "|"
                + r.query().getAll("a") + "|" + r.query().get("b").orElse("?")),
                "GET /caf%C3%A9/x%2Fy?a=1&a=2&b=hello+there HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).isEqualTo(ok("/café/x/y|/caf%C3%A9/x%2Fy|/caf%C3%A9/x%2Fy?a=1&a=2&b=hello+there|a=1&a=2&b=hello+there|[1, 2]|hello there"));
    }

    /** Cookies from one or several Cookie headers are parsed, the first of a repeated name kept. */
    @Test
    void cookies() throws Exception {
        String out = ask(r -> Response.text(r.cookies().get("a") + "," + r.cookies().get("b") + "," + r.cookies().get("c")),
                "GET / HTTP/1.1\r\nHost: x\r\nCookie: a=1; b=\"two\"\r\nCookie: c=3; a=9\r\n\r\n");
        assertThat(out).isEqualTo(ok("1,two,3"));
    }

    /** host(), scheme(), url(), remote() and the HTTP version come from the head and the transport. */
    @Test
    void hostUrlRemote() throws Exception {
        String out = ask(r -> Response.text(r.host() + "|" + r.scheme() + "|" + r.url() + "|" + r.remote() + "|"
                + r.version() + "|" + r.keepAlive()), "GET /p?q=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n");
        assertThat(out).isEqualTo(ok("example.com:8080|http|http://example.com:8080/p?q=1|127.0.0.1|HTTP/1.1|true"));
    }

    /** Without a Host header (HTTP/1.0), host() falls back to the local address. */
    @Test
    void hostFallsBackToLocalAddress() throws Exception {
        assertThat(ask(r -> Response.text(r.host()), "GET / HTTP/1.0\r\n\r\n")).endsWith("127.0.0.1:8080");
    }

    /** contentType(), charset() and contentLength() describe the content. */
    @Test
    void contentDescription() throws Exception {
        String out = ask(r -> Response.text(r.contentType() + "|" + r.charset().map(Object::toString).orElse("-") + "|"
                + r.contentLength().orElse(-1) + "|" + r.hasBody()),
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: Text/HTML; Charset=ISO-8859-1\r\nContent-Length: 2\r\n\r\nhi");
        assertThat(out).isEqualTo(ok("text/html|ISO-8859-1|2|true"));
        String none = ask(r -> Response.text(r.contentType() + "|" + r.contentLength().isPresent()),
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertThat(none).isEqualTo(ok("application/octet-stream|false"));
    }

    /** matchInfo of an unknown name fails with the known names in the message. */
    @Test
    void unknownMatchInfoName() throws Exception {
        String out = ask(r -> {
            try {
                r.matchInfo("nope");
                return Response.text("no error");
            } catch (java.util.NoSuchElementException e) {
                return Response.text(e.getMessage());
            }
        }, "GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).contains("no path parameter \"nope\"").contains("[tail]");
    }

    /** The request's task is the task running the handler. */
    @Test
    void taskIsCurrent() throws Exception {
        assertThat(ask(r -> Response.text(Boolean.toString(r.task() == io.jasyncio.Task.currentOrNull())),
                "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(ok("true"));
    }
}
