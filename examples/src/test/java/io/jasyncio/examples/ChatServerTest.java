package io.jasyncio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.ClientWebSocket;
import io.jasyncio.http.client.WsConnectOptions;
import io.jasyncio.http.web.AppRunner;
import io.jasyncio.http.web.TcpSite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat example on loopback, with our own WebSocket client as its members. */
@Timeout(60)
class ChatServerTest {

    /** Runs {@code body} with the chat server listening on a free port; returns what the body returns. */
    static <T> T withChat(ChatBody<T> body) throws Exception {
        return Asyncio.run(() -> {
            ChatServer chat = new ChatServer();
            AppRunner runner = new AppRunner(chat.app()).setShutdownTimeout(5);
            runner.setup();
            try {
                TcpSite site = new TcpSite(runner, "127.0.0.1", 0);
                site.start();
                try (ClientSession session = new ClientSession()) {
                    return body.run(chat, session, site.port());
                }
            } finally {
                runner.cleanup();
            }
        });
    }

    /** What a test does with a running chat. */
    @FunctionalInterface
    interface ChatBody<T> {
        T run(ChatServer chat, ClientSession session, int port) throws Exception;
    }

    static ClientWebSocket join(ClientSession s, int port, String name) throws Exception {
        return s.wsConnect("ws://127.0.0.1:" + port + "/ws?name=" + name, new WsConnectOptions().receiveTimeout(20));
    }

    /** Reads texts until {@code expected} arrives; returns everything read, ending with it. */
    static List<String> readUntil(ClientWebSocket ws, String expected) throws Exception {
        List<String> got = new ArrayList<>();
        while (got.isEmpty() || !got.getLast().equals(expected)) {
            got.add(ws.receiveStr());
        }
        return got;
    }

    /** GET / serves the page whose script connects to /ws. */
    @Test
    void servesThePage() throws Exception {
        String page = withChat((chat, s, port) -> {
            try (ClientResponse r = s.get("http://127.0.0.1:" + port + "/")) {
                assertThat(r.contentType()).isEqualTo("text/html");
                return r.text();
            }
        });
        assertThat(page).contains("new WebSocket(").contains("/ws");
    }

    /** A message is broadcast to every member, the sender included; joins and leaves are announced. */
    @Test
    void broadcastsToEveryone() throws Exception {
        withChat((chat, s, port) -> {
            ClientWebSocket ann = join(s, port, "ann");
            readUntil(ann, "* ann joined");
            ClientWebSocket bob = join(s, port, "bob");
            readUntil(bob, "* bob joined");
            readUntil(ann, "* bob joined");
            ann.sendStr("hi all");
            assertThat(readUntil(ann, "ann: hi all")).containsExactly("ann: hi all");
            assertThat(readUntil(bob, "ann: hi all")).containsExactly("ann: hi all");
            bob.close();
            assertThat(readUntil(ann, "* bob left")).containsExactly("* bob left");
            assertThat(chat.memberCount()).isEqualTo(1);
            ann.close();
            return null;
        });
    }

    /** Three members talking at once: each receives all 60 messages, every sender's in its order. */
    @Test
    void concurrentSpeakersKeepTheirOrder() throws Exception {
        withChat((chat, s, port) -> {
            List<ClientWebSocket> members = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                ClientWebSocket ws = join(s, port, name);
                readUntil(ws, "* " + name + " joined");
                members.add(ws);
            }
            readUntil(members.get(0), "* c joined");
            readUntil(members.get(1), "* c joined");
            List<Task<Void>> speakers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ClientWebSocket ws = members.get(i);
                speakers.add(Asyncio.createTask(() -> {
                    for (int n = 0; n < 20; n++) {
                        ws.sendStr("m" + n);
                    }
                }));
            }
            Asyncio.gather(speakers);
            for (ClientWebSocket ws : members) {
                int[] next = new int[3];
                for (int k = 0; k < 60; k++) {
                    String line = ws.receiveStr();
                    int who = line.charAt(0) - 'a';
                    assertThat(line).isEqualTo((char) ('a' + who) + ": m" + next[who]++);
                }
            }
            for (ClientWebSocket ws : members) {
                ws.close();
            }
            return null;
        });
    }
}
