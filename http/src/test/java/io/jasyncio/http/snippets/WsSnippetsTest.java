package io.jasyncio.http.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.web.AppRunner;
import io.jasyncio.http.web.Application;
import io.jasyncio.http.ws.WsOpcode;
import org.junit.jupiter.api.Test;

/** Runs the Javadoc examples of package {@code io.jasyncio.http.ws}. */
class WsSnippetsTest {

    @Test
    void echoOverARealConnection() throws Exception {
        Application app = new Application();
        app.router().addGet("/echo", WsSnippets::echoHandler);
        Asyncio.run(() -> {
            AppRunner runner = WebSnippets.serve(app);
            String url = runner.addresses().getFirst().replaceFirst("^http", "ws") + "/echo";
            try (ClientSession session = new ClientSession()) {
                assertThat(WsSnippets.client(session, url)).containsExactly("echo: hello", "3 bytes", "closed with 1001");
            } finally {
                runner.cleanup();
            }
        });
    }

    @Test
    void sansIo() throws Exception {
        assertThat(WsSnippets.handshake()).containsExactly("chat.v2", true, true);
        assertThat(WsSnippets.handshakeError()).startsWith("4");
        assertThat(WsSnippets.frames()).containsExactly(WsOpcode.TEXT, false, "TEXT hello", "CLOSE 1000");
        assertThat(WsSnippets.badFrame()).startsWith("close 1002");
        assertThat(WsSnippets.connection()).containsExactly("expected TEXT, got BINARY", "1 frame written");
    }
}
