package io.jasyncio.http.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.http.cookie.SameSite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the Javadoc examples of the HTTP message, URL, MIME and cookie types. */
class MessageSnippetsTest {

    @Test
    void messages() {
        assertThat(MessageSnippets.headers()).containsExactly("text/plain", List.of("a=1", "b=2"), "no-store", 2);
        assertThat(MessageSnippets.methodsAndStatuses()).containsExactly(true, false, "Not Found", true, true);
        assertThat(MessageSnippets.heads()).containsExactly(false, true, true, "HTTP/1.1");
    }

    @Test
    void urls() {
        assertThat(MessageSnippets.urls()).containsExactly("example.com", 8443, "/api/v1/items/7?fields=name%2Cprice", true);
        assertThat(MessageSnippets.queries()).containsExactly(List.of("a", "b"), "café", "q=caf%C3%A9&page=2");
        assertThat(MessageSnippets.percent()).containsExactly("/files/my%20report.pdf", "a+b%26c", "café");
        assertThat(MessageSnippets.hostNames()).containsExactly("example.com", "::ffff:1.2.3.4", true);
    }

    @Test
    void mime() {
        assertThat(MessageSnippets.mediaTypes()).containsExactly(true, "ISO-8859-1", "application/json; charset=utf-8",
                "image/jpeg");
        assertThat(MessageSnippets.dispositions()).containsExactly("attachment", "report 2024.pdf", true);
        assertThat(MessageSnippets.etags()).containsExactly("\"v42\"", true, true);
        assertThat(MessageSnippets.dates()).containsExactly("Fri, 01 Mar 2024 12:00:00 GMT", "2024-03-01T12:00:00Z");
        assertThat(MessageSnippets.ranges()).containsExactly("bytes 0-499/10000 (500 bytes)",
                "bytes 9900-9999/10000 (100 bytes)");
    }

    @Test
    void cookies() {
        assertThat(MessageSnippets.cookies()).containsExactly("sid", SameSite.LAX, true, true);
        assertThat(MessageSnippets.cookieHeaders()).containsExactly(Map.of("sid", "s3cr3t", "theme", "dark"), "a=1; b=2",
                "2015-10-21T07:28:00Z");
        assertThat(MessageSnippets.jar()).containsExactly("sid=s3cr3t", 1);
    }
}
