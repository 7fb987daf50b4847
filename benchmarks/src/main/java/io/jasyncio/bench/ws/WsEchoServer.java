package io.jasyncio.bench.ws;

import io.jasyncio.http.web.Application;
import io.jasyncio.http.web.Web;
import io.jasyncio.http.web.WebServerOptions;
import io.jasyncio.http.web.WebSocketResponse;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsMsgType;

/**
 * The WebSocket echo server of {@code benchmarks/compare-ws.sh}: {@code GET /echo} upgrades and
 * sends every text and binary message back unchanged (no compression: the load generator does
 * not offer it), no access log, on 127.0.0.1, one event loop. Runs until SIGTERM or SIGINT.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     io.jasyncio.bench.ws.WsEchoServer PORT
 * </pre>
 */
public final class WsEchoServer {

    private WsEchoServer() {
    }

    /**
     * @param args {@code PORT}
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Application app = new Application();
        app.router().addGet("/echo", request -> {
            WebSocketResponse ws = new WebSocketResponse().compress(false).maxMsgSize(0);
            ws.prepare(request);
            for (WsMessage m : ws) {
                if (m.type() == WsMsgType.BINARY) {
                    ws.sendBytes(m.data(), false);
                } else if (m.type() == WsMsgType.TEXT) {
                    ws.sendStr(m.text(), false);
                }
            }
            return ws;
        });
        Web.runApp(app, "127.0.0.1", Integer.parseInt(args[0]), WebServerOptions.defaults(), 1, 1);
    }
}
