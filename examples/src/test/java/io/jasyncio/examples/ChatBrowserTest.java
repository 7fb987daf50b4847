package io.jasyncio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jasyncio.Asyncio;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.ClientWebSocket;
import io.jasyncio.http.client.RequestOptions;
import io.jasyncio.http.client.WsConnectOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chat page in a real browser: headless Chromium (Debian's {@code chromium}) opens it, and the
 * test drives the page over the DevTools protocol with our own WebSocket client, while a second
 * member (our client again) talks with it through the chat server.
 */
@Timeout(120)
class ChatBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message from a Java member shows in the page, and one typed in the page reaches the Java member. */
    @Test
    void browserAndJavaMemberTalk() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/chromium").canExecute(),
                "assumption: Debian's chromium is installed (scripts/install-test-peers.sh); skipping the browser test");
        // Not @TempDir: Chromium's helper processes may still write to the profile for a moment after
        // the browser exits, and JUnit would then fail the test on cleanup. We stop the whole process
        // tree and delete the profile ourselves, retrying while late files appear.
        Path profile = Files.createTempDirectory("jasyncio-chromium-");
        try {
            talk(profile);
        } finally {
            deleteTree(profile);
        }
    }

    private static void talk(Path profile) throws Exception {
        ChatServerTest.withChat((chat, s, port) -> {
            Process browser = new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                int devtools = devToolsPort(profile, browser);
                String page = "http://127.0.0.1:" + port + "/?name=chromium";
                String pageSocket;
                try (ClientResponse r = s.put("http://127.0.0.1:" + devtools + "/json/new?about:blank", new RequestOptions())) {
                    pageSocket = JSON.readTree(r.text()).get("webSocketDebuggerUrl").asText();
                }
                try (ClientWebSocket cdp = s.wsConnect(pageSocket, new WsConnectOptions().receiveTimeout(60));
                     ClientWebSocket java = ChatServerTest.join(s, port, "java")) {
                    Devtools page1 = new Devtools(cdp);
                    page1.navigate(page);
                    assertThat(page1.evaluate("new Promise(r => { const t = () => window.chatOpen"
                            + " ? window.chatOpen.then(r) : setTimeout(t, 20); t(); })").asBoolean()).isTrue();
                    ChatServerTest.readUntil(java, "* chromium joined");
                    java.sendStr("hello from java");
                    String log = page1.evaluate("window.waitForText('java: hello from java')").asText();
                    assertThat(log.lines()).contains("* chromium joined", "java: hello from java");
                    page1.evaluate("window.say('hello from chromium')");
                    assertThat(ChatServerTest.readUntil(java, "chromium: hello from chromium"))
                            .endsWith("chromium: hello from chromium");
                    java.close();
                    page1.evaluate("window.waitForText('* java left')");
                }
            } finally {
                stopTree(browser);
            }
            return null;
        });
    }

    /** Stops the browser and every helper process it started, and waits until all have exited. */
    private static void stopTree(Process browser) throws InterruptedException {
        java.util.List<ProcessHandle> helpers = browser.descendants().toList();
        browser.destroy();
        if (!browser.waitFor(10, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            browser.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle helper : helpers) {
            helper.destroyForcibly();
            try {
                helper.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // a helper that will not go is left to the OS; the profile delete below retries
            }
        }
    }

    /** Deletes {@code dir} and its contents, retrying a few times when late writes refill it. */
    private static void deleteTree(Path dir) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (java.nio.file.NoSuchFileException gone) {
                return;
            } catch (java.io.IOException busy) {
                if (attempt == 4) {
                    throw busy;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Waits (suspending, at most 30 s) for Chromium to write the port it listens on for DevTools. */
    private static int devToolsPort(Path profile, Process browser) throws Exception {
        Path file = profile.resolve("DevToolsActivePort");
        double deadline = Asyncio.getRunningLoop().time() + 30;
        while (Asyncio.getRunningLoop().time() < deadline && browser.isAlive()) {
            if (Files.exists(file)) {
                String first = Files.readString(file).lines().findFirst().orElse("");
                if (!first.isBlank()) {
                    return Integer.parseInt(first.strip());
                }
            }
            Asyncio.sleep(0.05);
        }
        throw new IllegalStateException("Chromium did not open its DevTools port (alive: " + browser.isAlive() + ")");
    }

    /** A minimal DevTools protocol client: numbered commands, answers matched by id, events skipped. */
    private static final class Devtools {
        private final ClientWebSocket ws;
        private final java.util.Set<String> events = new java.util.HashSet<>();
        private int nextId;

        Devtools(ClientWebSocket ws) {
            this.ws = ws;
        }

        /** Loads {@code url} in the page and waits for its load event. */
        void navigate(String url) throws Exception {
            call("Page.enable", Map.of());
            call("Page.navigate", Map.of("url", url));
            while (!events.contains("Page.loadEventFired")) {
                record(JSON.readTree(ws.receiveStr()));
            }
        }

        /** Runtime.evaluate awaiting a promise; returns the value (by value). */
        JsonNode evaluate(String expression) throws Exception {
            JsonNode result = call("Runtime.evaluate",
                    Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new AssertionError("evaluate failed: " + result);
            }
            return result.path("result").path("value");
        }

        /** Sends a command and returns its result; events that arrive meanwhile are recorded. */
        JsonNode call(String method, Map<String, Object> params) throws Exception {
            int id = ++nextId;
            ws.sendJson(Map.of("id", id, "method", method, "params", params));
            while (true) {
                JsonNode msg = JSON.readTree(ws.receiveStr());
                if (msg.path("id").asInt(-1) != id) {
                    record(msg);
                    continue;
                }
                if (msg.has("error")) {
                    throw new AssertionError(method + " failed: " + msg);
                }
                return msg.path("result");
            }
        }

        private void record(JsonNode event) {
            if (event.has("method")) {
                events.add(event.get("method").asText());
            }
        }
    }
}
