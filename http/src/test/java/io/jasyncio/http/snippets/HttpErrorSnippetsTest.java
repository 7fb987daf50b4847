package io.jasyncio.http.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.RequestOptions;
import io.jasyncio.http.web.AppRunner;
import io.jasyncio.http.web.Application;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests every handler of {@link HttpErrorSnippets} and checks the status it answers. */
class HttpErrorSnippetsTest {

    @Test
    void everyExceptionAnswersItsStatus() throws Exception {
        Application app = new Application();
        HttpErrorSnippets.routes(app.router());
        Application json = new Application();
        json.addMiddleware(HttpErrorSnippets.JSON_ERRORS);
        HttpErrorSnippets.routes(json.router());
        app.addSubapp("/json", json);
        Asyncio.run(() -> {
            AppRunner runner = WebSnippets.serve(app);
            String base = runner.addresses().getFirst();
            RequestOptions noRedirects = RequestOptions.create().allowRedirects(false);
            try (ClientSession session = new ClientSession()) {
                for (Map.Entry<String, Integer> e : HttpErrorSnippets.STATUSES.entrySet()) {
                    try (ClientResponse r = session.get(base + "/errors/" + e.getKey(), noRedirects)) {
                        assertThat(r.status()).as(e.getKey()).isEqualTo(e.getValue());
                        r.read();
                    }
                    try (ClientResponse r = session.get(base + "/json/errors/" + e.getKey(), noRedirects)) {
                        assertThat(r.status()).as("JSON " + e.getKey()).isEqualTo(e.getValue());
                        if (e.getValue() >= 400) {
                            assertThat(r.contentType()).as(e.getKey()).isEqualTo("application/json");
                        }
                        r.read();
                    }
                }
            } finally {
                runner.cleanup();
            }
        });
    }
}
