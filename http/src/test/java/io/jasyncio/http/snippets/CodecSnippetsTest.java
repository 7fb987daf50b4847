package io.jasyncio.http.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.http.codec.FeedResult;
import org.junit.jupiter.api.Test;

/** Runs the Javadoc examples of the HTTP codec, body and encoding types. */
class CodecSnippetsTest {

    @Test
    void codec() throws Exception {
        assertThat(CodecSnippets.parse()).containsExactly("POST /items", "body: apple", "GET /items", "body: ");
        assertThat(CodecSnippets.parseError()).startsWith("400 ");
        assertThat(CodecSnippets.parseResponse()).containsExactly(200, "complete", FeedResult.NEED_MORE);
        assertThat(CodecSnippets.write()).startsWith("HTTP/1.1 200 OK\r\n").contains("Date: ").endsWith("\r\n\r\nHello, world!");
    }

    @Test
    void bodies() throws Exception {
        assertThat(CodecSnippets.multipart()).containsExactly("title - 7", "photo beach.jpg 3000");
        assertThat(CodecSnippets.partSizes()).containsExactly("a=3", "f=10");
        assertThat(CodecSnippets.urlEncoded()).containsExactly("name=Ann+Lee&city=Z%C3%BCrich", "Zürich");
    }

    @Test
    void encodings() throws Exception {
        assertThat(CodecSnippets.encoding()).containsExactly("gzip", true, 1200);
        assertThat(CodecSnippets.decodingErrors()).isEqualTo("over 65536 bytes");
    }
}
