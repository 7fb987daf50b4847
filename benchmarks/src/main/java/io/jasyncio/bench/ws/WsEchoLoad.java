package io.jasyncio.bench.ws;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.http.client.ClientWebSocket;
import io.jasyncio.http.client.TcpConnector;
import io.jasyncio.http.client.WsConnectOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The load generator of {@code benchmarks/compare-ws.sh}: opens {@code CONNECTIONS} WebSockets to
 * {@code URL} with jasyncio's client (one event loop), and on each sends a binary message of
 * {@code SIZE} bytes and waits for its echo, again and again: {@code WARMUP} seconds not counted,
 * then {@code SECONDS} counted. Every echo is checked (length and first and last byte). Prints
 * one line: {@code messages/s <n>} (echoes completed per second, all connections together).
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     io.jasyncio.bench.ws.WsEchoLoad URL CONNECTIONS SIZE SECONDS [WARMUP]
 * </pre>
 */
public final class WsEchoLoad {

    private WsEchoLoad() {
    }

    /**
     * @param args {@code URL CONNECTIONS SIZE SECONDS [WARMUP]}
     * @throws Exception if a connection fails
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int connections = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        double seconds = Double.parseDouble(args[3]);
        double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 3;
        double rate = Asyncio.run(() -> {
            TcpConnector connector = TcpConnector.builder().limit(0).build();
            try (ClientSession session = ClientSession.builder().connector(connector).build()) {
                List<ClientWebSocket> sockets = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    sockets.add(session.wsConnect(url, new WsConnectOptions().maxMsgSize(0)));
                }
                long[] counts = new long[connections];
                boolean[] counting = {false};
                boolean[] stop = {false};
                List<Task<Void>> tasks = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    int id = i;
                    ClientWebSocket ws = sockets.get(i);
                    tasks.add(Asyncio.createTask(() -> {
                        byte[] msg = new byte[size];
                        Arrays.fill(msg, (byte) id);
                        msg[size - 1] = (byte) ~id;
                        while (!stop[0]) {
                            ws.sendBytes(msg, false);
                            byte[] back = ws.receiveBytes();
                            if (back.length != size || back[0] != msg[0] || back[size - 1] != msg[size - 1]) {
                                throw new IllegalStateException("bad echo on connection " + id);
                            }
                            if (counting[0]) {
                                counts[id]++;
                            }
                        }
                    }));
                }
                Asyncio.sleep(warmup);
                counting[0] = true;
                double start = Asyncio.getRunningLoop().time();
                Asyncio.sleep(seconds);
                counting[0] = false;
                double elapsed = Asyncio.getRunningLoop().time() - start;
                stop[0] = true;
                Asyncio.gather(tasks);
                for (ClientWebSocket ws : sockets) {
                    ws.close();
                }
                return Arrays.stream(counts).sum() / elapsed;
            }
        });
        System.out.printf("messages/s %.0f%n", rate);
    }
}
