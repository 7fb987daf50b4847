package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.body.ChunkSource;
import io.jasyncio.http.url.Query;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client sends: URL, headers and bodies (aiohttp's test_client_request.py). */
class ClientRequestTest {

    private static ServerSide.Req send(FakeServer server, ClientSession.Builder b, String method, String url,
            RequestOptions o) throws Exception {
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = b.dialer(server).build(); ClientResponse r = s.request(method, url, o)) {
                r.read();
            }
        });
        return server.requests.getLast();
    }

    private static FakeServer echo() {
        return FakeServer.responding(r -> FakeServer.ok("ok"));
    }

    /** A GET sends Host, User-Agent, Accept and Accept-Encoding, and the origin-form target. */
    @Test
    void defaultHeaders() throws Exception {
        ServerSide.Req r = send(echo(), ClientSession.builder(), "GET", "http://example.com:8080/a/b?x=1#frag",
                new RequestOptions());
        assertThat(r.head().method()).isEqualTo("GET");
        assertThat(r.head().target()).isEqualTo("/a/b?x=1");
        assertThat(r.header("Host")).isEqualTo("example.com:8080");
        assertThat(r.header("User-Agent")).isEqualTo(ClientSession.USER_AGENT);
        assertThat(r.header("Accept")).isEqualTo("*/*");
        assertThat(r.header("Accept-Encoding")).isEqualTo("gzip, deflate");
        assertThat(r.header("Content-Length")).isNull();
    }

    /** params are appended to the URL's query, percent-encoded. */
    @Test
    void paramsExtendQuery() throws Exception {
        ServerSide.Req r = send(echo(), ClientSession.builder(), "GET", "http://h/p?a=1",
                new RequestOptions().param("b", "x y").params(Map.of("c", "&")));
        assertThat(r.head().target()).isEqualTo("/p?a=1&b=x+y&c=%26");
    }

    /** Request headers replace session defaults of the same name; session headers replace built-ins. */
    @Test
    void headerPrecedence() throws Exception {
        ServerSide.Req r = send(echo(), ClientSession.builder().header("User-Agent", "mine").header("X-S", "s"),
                "GET", "http://h/", new RequestOptions().header("x-s", "req").header("Accept", "text/html"));
        assertThat(r.header("User-Agent")).isEqualTo("mine");
        assertThat(r.head().headers().getAll("X-S")).containsExactly("req");
        assertThat(r.header("Accept")).isEqualTo("text/html");
    }

    /** A relative URL is resolved against baseUrl (RFC 3986). */
    @Test
    void baseUrlResolution() throws Exception {
        ServerSide.Req r = send(echo(), ClientSession.builder().baseUrl("http://api.test/v1/"), "GET", "items/7",
                new RequestOptions());
        assertThat(r.header("Host")).isEqualTo("api.test");
        assertThat(r.head().target()).isEqualTo("/v1/items/7");
    }

    /** json bodies are serialised by Jackson and typed application/json. */
    @Test
    void jsonBody() throws Exception {
        ServerSide.Req r = send(echo(), ClientSession.builder(), "POST", "http://h/",
                new RequestOptions().json(Map.of("k", "v")));
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Content-Length")).isEqualTo("9");
        assertThat(r.text()).isEqualTo("{\"k\":\"v\"}");
    }

    /** A string body is sent as UTF-8 text/plain. */
    @Test
    void stringBody() throws Exception {
        ServerSide.Req r = send(echo(), ClientSession.builder(), "PUT", "http://h/", new RequestOptions().data("é"));
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.body()).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    }

    /** A form is sent url-encoded. */
    @Test
    void urlEncodedForm() throws Exception {
        ServerSide.Req r = send(echo(), ClientSession.builder(), "POST", "http://h/",
                new RequestOptions().data(Query.of("a", "1", "b", "x y")));
        assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.text()).isEqualTo("a=1&b=x+y");
    }

    /** A FormData with a file streamed from disk is sent as multipart/form-data with a Content-Length. */
    @Test
    void multipartWithStreamedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "x".repeat(200_000));
        ServerSide.Req r = send(echo(), ClientSession.builder(), "POST", "http://h/",
                new RequestOptions().data(new FormData().addField("title", "T").addFile("doc", file)));
        assertThat(r.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(Long.parseLong(r.header("Content-Length"))).isEqualTo(r.body().length);
        String body = r.text();
        assertThat(body).contains("name=\"title\"").contains("filename=\"notes.txt\"")
                .contains("Content-Type: text/plain").contains("x".repeat(200_000));
    }

    /** A streamed body of unknown length is sent with the chunked coding. */
    @Test
    void chunkedUpload() throws Exception {
        ChunkSource src = ChunkSource.of("abc".getBytes(), "defg".getBytes());
        ServerSide.Req r = send(echo(), ClientSession.builder(), "POST", "http://h/",
                new RequestOptions().data(src, -1, null));
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.text()).isEqualTo("abcdefg");
    }

    /** POST without a body sends Content-Length: 0. */
    @Test
    void emptyPostHasZeroLength() throws Exception {
        ServerSide.Req r = send(echo(), ClientSession.builder(), "POST", "http://h/", new RequestOptions());
        assertThat(r.header("Content-Length")).isEqualTo("0");
    }

    /** Credentials in the URL become Basic Authorization and are not in the target. */
    @Test
    void basicAuthFromUrl() throws Exception {
        ServerSide.Req r = send(echo(), ClientSession.builder(), "GET", "http://user:pa%20ss@h/x",
                new RequestOptions());
        assertThat(r.header("Authorization")).isEqualTo("Basic dXNlcjpwYSBzcw==");
        assertThat(r.head().target()).isEqualTo("/x");
    }

    /** data and json together are refused. */
    @Test
    void oneBodyOnly() {
        assertThatThrownBy(() -> new RequestOptions().data("x").json(1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A relative URL without baseUrl, or a non-HTTP scheme, raises InvalidUrlClientError. */
    @Test
    void invalidUrls() throws Exception {
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = echo().session()) {
                assertThatThrownBy(() -> s.get("/relative")).isInstanceOf(InvalidUrlClientError.class)
                        .hasMessageContaining("/relative");
                assertThatThrownBy(() -> s.get("ftp://h/file")).isInstanceOf(InvalidUrlClientError.class)
                        .hasMessageContaining("ftp");
            }
        });
    }
}
