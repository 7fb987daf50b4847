package io.jasyncio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.cli.snippets.CliSnippets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Javadoc example of {@link Main} against a loopback server. */
class CliSnippetsTest {

    @Test
    void fetchFromJava(@TempDir Path dir) throws Exception {
        byte[] page = "<h1>hi</h1>".getBytes(StandardCharsets.UTF_8);
        try (LocalHttpServer server = new LocalHttpServer(Map.of("/index.html", page))) {
            assertThat(CliSnippets.fetch("http://127.0.0.1:" + server.port(), dir)).isZero();
        }
        assertThat(Files.readAllBytes(dir.resolve("index.html"))).isEqualTo(page);
    }
}
