package io.jasyncio.examples;

import io.jasyncio.Asyncio;
import io.jasyncio.http.web.Application;
import io.jasyncio.http.web.Request;
import io.jasyncio.http.web.Response;
import io.jasyncio.http.web.StreamResponse;
import io.jasyncio.http.web.WebSocketResponse;
import io.jasyncio.http.web.Web;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsMsgType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A chat room over WebSockets, aiohttp's classic demo: {@code GET /} serves a small page whose
 * JavaScript connects to {@code /ws}; every text a member sends is broadcast to every member
 * (the sender included) as {@code "name: text"}, and joins and leaves are announced.
 *
 * <pre>{@code
 * async def websocket_handler(request):
 *     ws = web.WebSocketResponse(heartbeat=30)
 *     await ws.prepare(request)
 *     members.add(ws)
 *     try:
 *         async for msg in ws:
 *             if msg.type == WSMsgType.TEXT:
 *                 for m in members:
 *                     await m.send_str(f"{name}: {msg.data}")
 *     finally:
 *         members.discard(ws)
 *     return ws
 * }</pre>
 *
 * <p>One difference from the naive Python loop: each broadcast sends to each member in a task
 * of its own, so one slow member (its socket buffer full) does not hold up the others; a
 * member's messages still arrive in order, since a send queues its frame before it first
 * suspends, and tasks start in the order they are created.
 *
 * <p>A member's name is the {@code name} query parameter of {@code /ws}, else {@code guest<n>}.
 * The room is confined to the server's single event loop. Usage:
 * {@code ./jasyncio example chat [port]} (8080 by default), then open {@code http://127.0.0.1:8080/}
 * in two browser windows.
 */
public final class ChatServer {

    private final Set<WebSocketResponse> members = new LinkedHashSet<>();
    private final String page;
    private int guests;

    /** A chat room with no members yet. */
    public ChatServer() {
        try (InputStream in = ChatServer.class.getResourceAsStream("chat.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("chat.html is missing from the examples jar", e);
        }
    }

    /** @return the application: the page at {@code /}, the room at {@code /ws} */
    public Application app() {
        Application app = new Application();
        app.router().addGet("/", request -> Response.text(page, "text/html"));
        app.router().addGet("/ws", this::join);
        return app;
    }

    /** @return how many members are in the room now */
    public int memberCount() {
        return members.size();
    }

    private StreamResponse join(Request request) throws Exception {
        WebSocketResponse ws = new WebSocketResponse().heartbeat(30);
        ws.prepare(request);
        String given = request.query().get("name").map(String::strip).orElse("");
        String name = given.isEmpty() ? "guest" + (++guests) : given;
        members.add(ws);
        broadcast("* " + name + " joined");
        try {
            for (WsMessage msg : ws) {
                if (msg.type() == WsMsgType.TEXT) {
                    broadcast(name + ": " + msg.text());
                }
            }
        } finally {
            members.remove(ws);
            broadcast("* " + name + " left");
        }
        return ws;
    }

    private void broadcast(String text) {
        for (WebSocketResponse m : List.copyOf(members)) {
            Asyncio.createTask(() -> {
                try {
                    m.sendStr(text);
                } catch (IOException gone) {
                    // that member is leaving: its own handler removes it
                }
            });
        }
    }

    /**
     * @param args optional port
     * @throws Exception if the port cannot be bound
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Web.runApp(new ChatServer().app(), "127.0.0.1", port);
    }
}
