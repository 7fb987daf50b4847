package io.jasyncio.http.web;

import static io.jasyncio.http.web.Wire.DATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Static files: content, validators, ranges, and never anything outside the directory (after test_web_sendfile_functional.py). */
@Timeout(20)
class StaticFilesTest {

    @TempDir
    Path tmp;
    Path root;
    Application app;

    static final String ETAG_TIME = "2026-01-01T00:00:00Z";

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("public"));
        Files.writeString(root.resolve("hello.txt"), "Hello, file!");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/a b.css"), "body{}");
        Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        Files.setLastModifiedTime(root.resolve("hello.txt"), FileTime.from(Instant.parse(ETAG_TIME)));
        Files.createSymbolicLink(root.resolve("link-out"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("link-in"), root.resolve("hello.txt"));
        app = new Application();
        app.router().addStatic("/static", root, "static", false);
    }

    private String get(String target, String... headers) throws Exception {
        return Wire.roundTrip(app, "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + String.join("", headers) + "\r\n");
    }

    private static String etag() {
        long ns = Instant.parse(ETAG_TIME).getEpochSecond() * 1_000_000_000L;
        return "\"" + Long.toHexString(ns) + "-" + Long.toHexString(12) + "\"";
    }

    /** A file is served with its type, length, validators and Accept-Ranges. */
    @Test
    void servesFile() throws Exception {
        assertThat(get("/static/hello.txt")).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE
                + "ETag: " + etag() + "\r\nLast-Modified: Thu, 01 Jan 2026 00:00:00 GMT\r\nAccept-Ranges: bytes\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 12\r\n\r\nHello, file!");
    }

    /** A name with an encoded space in a subdirectory is found. */
    @Test
    void servesEncodedNameInSubdirectory() throws Exception {
        assertThat(get("/static/sub/a%20b.css")).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: text/css")
                .endsWith("body{}");
    }

    /** HEAD gets the headers and no body. */
    @Test
    void headHasNoBody() throws Exception {
        String out = Wire.roundTrip(app, "HEAD /static/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(out).contains("Content-Length: 12\r\n").endsWith("\r\n\r\n");
    }

    /** Every way of naming a file outside the directory gets 403 or 404 and never its content. */
    @Test
    void neverServesOutsideTheDirectory() throws Exception {
        String[] attacks = {
            "/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/%2E%2E%2Fsecret.txt", "/static/..%2fsecret.txt",
            "/static/sub/../../secret.txt", "/static/link-out", "/static//etc/passwd", "/static/%2Fetc%2Fpasswd",
            "/static/hello.txt%00.png", "/static/..%5Csecret.txt", "/static/%252e%252e/secret.txt",
            "/static/sub/%2e%2e/%2e%2e/secret.txt", "/static/./../secret.txt"};
        for (String a : attacks) {
            String out = get(a);
            assertThat(out).as(a).doesNotContain("TOP SECRET").doesNotContain("root:");
            assertThat(out).as(a).matches("(?s)HTTP/1\\.1 (403|404|400) .*");
        }
    }

    /** A symbolic link that stays inside the directory is served. */
    @Test
    void linkInsideIsServed() throws Exception {
        assertThat(get("/static/link-in")).startsWith("HTTP/1.1 200 OK\r\n").endsWith("Hello, file!");
    }

    /** A directory is 403 (no listings); a missing file 404. */
    @Test
    void directoryIsForbiddenMissingIsNotFound() throws Exception {
        assertThat(get("/static/sub")).startsWith("HTTP/1.1 403 Forbidden\r\n");
        assertThat(get("/static/nope.txt")).startsWith("HTTP/1.1 404 Not Found\r\n");
    }

    /** One byte range is 206 with Content-Range and just those bytes. */
    @Test
    void rangeIs206() throws Exception {
        String out = get("/static/hello.txt", "Range: bytes=7-10\r\n");
        assertThat(out).startsWith("HTTP/1.1 206 Partial Content\r\n").contains("Content-Range: bytes 7-10/12\r\n")
                .contains("Content-Length: 4\r\n").endsWith("\r\n\r\nfile");
    }

    /** A suffix range gives the last bytes. */
    @Test
    void suffixRange() throws Exception {
        assertThat(get("/static/hello.txt", "Range: bytes=-5\r\n")).endsWith("\r\n\r\nfile!");
    }

    /** A range past the end is 416 with Content-Range: bytes *&#47;size. */
    @Test
    void unsatisfiableRangeIs416() throws Exception {
        String out = get("/static/hello.txt", "Range: bytes=50-60\r\n");
        assertThat(out).startsWith("HTTP/1.1 416 Range Not Satisfiable\r\n").contains("Content-Range: bytes */12\r\n");
    }

    /** If-Range with another ETag ignores the range and sends the whole file. */
    @Test
    void ifRangeMismatchSendsWholeFile() throws Exception {
        String out = get("/static/hello.txt", "Range: bytes=0-1\r\n", "If-Range: \"other\"\r\n");
        assertThat(out).startsWith("HTTP/1.1 200 OK\r\n").endsWith("Hello, file!");
    }

    /** A matching If-None-Match is 304 with the validators and no body. */
    @Test
    void ifNoneMatchIs304() throws Exception {
        String out = get("/static/hello.txt", "If-None-Match: " + etag() + "\r\n");
        assertThat(out).isEqualTo("HTTP/1.1 304 Not Modified\r\n" + DATE + "ETag: " + etag()
                + "\r\nLast-Modified: Thu, 01 Jan 2026 00:00:00 GMT\r\n\r\n");
    }

    /** If-Modified-Since at or after the modification time is 304; before it, 200. */
    @Test
    void ifModifiedSince() throws Exception {
        assertThat(get("/static/hello.txt", "If-Modified-Since: Thu, 01 Jan 2026 00:00:00 GMT\r\n"))
                .startsWith("HTTP/1.1 304 ");
        assertThat(get("/static/hello.txt", "If-Modified-Since: Wed, 31 Dec 2025 00:00:00 GMT\r\n"))
                .startsWith("HTTP/1.1 200 ");
    }

    /** A failing If-Match is 412. */
    @Test
    void ifMatchMismatchIs412() throws Exception {
        assertThat(get("/static/hello.txt", "If-Match: \"nope\"\r\n")).startsWith("HTTP/1.1 412 Precondition Failed\r\n");
    }

    /** A large file arrives whole and exact, streamed in pieces. */
    @Test
    void largeFileArrivesWhole() throws Exception {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        Files.write(root.resolve("big.bin"), big);
        String out = get("/static/big.bin");
        assertThat(out).contains("Content-Type: application/octet-stream\r\nContent-Length: 300000\r\n\r\n");
        assertThat(out.substring(out.indexOf("\r\n\r\n") + 4)).isEqualTo(new String(big, StandardCharsets.ISO_8859_1));
    }

    /** A compressed file response is gzip-coded and chunked when the client accepts gzip. */
    @Test
    void compressedFileResponse() throws Exception {
        Application a = new Application();
        a.router().addGet("/f", r -> new FileResponse(root.resolve("hello.txt")).enableCompression());
        String out = Wire.roundTrip(a, "GET /f HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
        assertThat(out).contains("Content-Encoding: gzip\r\n").contains("Transfer-Encoding: chunked\r\n")
                .doesNotContain("Content-Length");
    }

    /** The static resource builds URLs for file names. */
    @Test
    void staticUrlFor() {
        assertThat(app.router().urlFor("static", "filename", "sub/a b.css").toString()).isEqualTo("/static/sub/a%20b.css");
    }
}
