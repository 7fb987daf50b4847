package io.jasyncio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.web.AppRunner;
import io.jasyncio.http.web.TcpSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeds' aiohttp app answers both routes, and its two one-second handlers run concurrently. */
class AiohttpServerTest {

    /** / and /hello/{name} answer the seed's bodies; two requests take about one second, not two. */
    @Test
    @SuppressWarnings("unchecked")
    void seedAppServesBothRoutesConcurrently() throws Exception {
        Object[] out = Asyncio.run(() -> {
            AppRunner runner = new AppRunner(AiohttpServer.app());
            runner.setup();
            TcpSite site = new TcpSite(runner, "127.0.0.1", 0);
            site.start();
            String base = "http://127.0.0.1:" + site.port();
            double t0 = Asyncio.getRunningLoop().time();
            try (ClientSession session = new ClientSession()) {
                List<String> bodies = Asyncio.gather(
                        () -> get(session, base + "/"),
                        () -> get(session, base + "/hello/java"));
                double took = Asyncio.getRunningLoop().time() - t0;
                return new Object[] {bodies, took};
            } finally {
                runner.cleanup();
            }
        });
        assertThat((List<Object>) out[0]).containsExactly("<h1>Index</h1>", "<h1>hello, java!</h1>");
        assertThat((double) out[1]).isGreaterThanOrEqualTo(1.0).isLessThan(1.9);
    }

    private static String get(ClientSession session, String url) throws Exception {
        try (ClientResponse r = session.get(url)) {
            assertThat(r.status()).isEqualTo(200);
            return r.text();
        }
    }
}
