package io.jasyncio.http.client;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.codec.HttpParserOptions;
import org.junit.jupiter.api.Test;

/** Bad input from servers: each raises a clear error naming the request, and the pool keeps working. */
class BadResponseTest {

    private static void expect(String rawResponse, boolean readBody, Class<? extends Throwable> type, String... words)
            throws Exception {
        expect(rawResponse, readBody, ClientSession.builder(), type, words);
    }

    private static void expect(String rawResponse, boolean readBody, ClientSession.Builder b,
            Class<? extends Throwable> type, String... words) throws Exception {
        FakeServer server = new FakeServer(conn -> {
            if (conn.readRequest() != null) {
                conn.write(rawResponse);
            }
            conn.close();
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = b.dialer(server).build()) {
                assertThatThrownBy(() -> {
                    try (ClientResponse r = s.get("http://bad.test/path")) {
                        if (readBody) {
                            r.read();
                        }
                    }
                }).isInstanceOf(type).hasMessageContaining("http://bad.test/path").hasMessageContainingAll(words);
                assertThat(s.connector().inUse()).isZero();
                assertThat(s.connector().idleCount()).isZero();
            }
        });
    }

    /** A malformed status line raises InvalidResponseError. */
    @Test
    void malformedStatusLine() throws Exception {
        expect("HTTP/1.1 OK 200\r\n\r\n", false, InvalidResponseError.class, "status");
    }

    /** Something that is not HTTP at all raises InvalidResponseError. */
    @Test
    void notHttp() throws Exception {
        expect("SSH-2.0-OpenSSH_9.6\r\n\r\n", false, InvalidResponseError.class, "Invalid response");
    }

    /** An invalid header field line raises InvalidResponseError. */
    @Test
    void invalidHeader() throws Exception {
        expect("HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n", false, InvalidResponseError.class, "Invalid response");
    }

    /** A header block over the limit raises InvalidResponseError naming the limit. */
    @Test
    void oversizedHeaderBlock() throws Exception {
        expect("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n", false,
                ClientSession.builder().parserOptions(HttpParserOptions.DEFAULTS.withMaxHeaderBlockSize(1024)),
                InvalidResponseError.class, "1024");
    }

    /** A chunk size that is not hex raises ClientPayloadError. */
    @Test
    void chunkSizeNotHex() throws Exception {
        expect("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", true,
                ClientPayloadError.class, "payload is not completed");
    }

    /** A chunk that is longer than its size says raises ClientPayloadError. */
    @Test
    void chunkSizeLies() throws Exception {
        expect("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n", true,
                ClientPayloadError.class, "payload is not completed");
    }

    /** A body shorter than Content-Length (then close) raises ClientPayloadError naming the shortfall. */
    @Test
    void bodyShorterThanContentLength() throws Exception {
        expect("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this", true, ClientPayloadError.class,
                "91 bytes");
    }

    /** A close in the middle of chunked content raises ClientPayloadError. */
    @Test
    void closeMidChunkedBody() throws Exception {
        expect("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc", true, ClientPayloadError.class,
                "chunked");
    }

    /** A close before any response byte raises ServerDisconnectedError. */
    @Test
    void closeBeforeResponse() throws Exception {
        FakeServer server = new FakeServer(conn -> {
            conn.readRequest();
            conn.close();
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                assertThatThrownBy(() -> s.get("http://h/")).isInstanceOf(ServerDisconnectedError.class)
                        .hasMessageContaining("before sending a response").hasMessageContaining("GET http://h/");
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** A close in the middle of the head raises ServerDisconnectedError. */
    @Test
    void closeMidHead() throws Exception {
        expect("HTTP/1.1 200 OK\r\nContent-Le", false, ServerDisconnectedError.class, "middle of the response head");
    }

    /** A reset while reading the body raises ClientPayloadError (as aiohttp) with the I/O error as cause. */
    @Test
    void resetWhileReading() throws Exception {
        FakeServer server = new FakeServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");
            io.jasyncio.Asyncio.sleep(0.1);
            conn.reset();
        });
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session(); ClientResponse r = s.get("http://h/")) {
                assertThatThrownBy(r::read).isInstanceOf(ClientPayloadError.class)
                        .hasMessageContaining("Response payload is not completed").hasMessageContaining("reset")
                        .cause().isInstanceOf(java.io.IOException.class);
                assertThat(s.connector().inUse()).isZero();
            }
        });
    }

    /** Bytes after a complete response make the connection unusable: it is not pooled. */
    @Test
    void extraBytesAfterResponse() throws Exception {
        FakeServer server = FakeServer.responding(r -> FakeServer.ok("x") + "garbage");
        VirtualTimeLoop.run(() -> {
            try (ClientSession s = server.session()) {
                s.get("http://h/").read();
                assertThat(s.connector().idleCount()).isZero();
                s.get("http://h/").read();
            }
        });
        assertThat(server.dials).isEqualTo(2);
    }
}
