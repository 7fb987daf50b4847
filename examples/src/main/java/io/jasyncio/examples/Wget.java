package io.jasyncio.examples;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamWriter;
import io.jasyncio.net.Streams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' {@code open_connection} fetch of three hosts, line for line, against three local
 * servers (tests use loopback only) instead of www.sina.com.cn, www.sohu.com and www.163.com:
 *
 * <pre>{@code
 * def wget(host):
 *     print('wget %s...' % host)
 *     reader, writer = yield from asyncio.open_connection(host, 80)
 *     header = 'GET / HTTP/1.0\r\nHost: %s\r\n\r\n' % host
 *     writer.write(header.encode('utf-8'))
 *     yield from writer.drain()
 *     while True:
 *         line = yield from reader.readline()
 *         if line == b'\r\n':
 *             break
 *         print('%s header > %s' % (host, line.decode('utf-8').rstrip()))
 *     writer.close()
 *
 * loop = asyncio.get_event_loop()
 * tasks = [wget(host) for host in [...]]
 * loop.run_until_complete(asyncio.wait(tasks))
 * loop.close()
 * }</pre>
 */
public final class Wget {

    private Wget() {
    }

    static void wget(String host, int port) throws Exception {
        System.out.println("wget " + host + "...");
        Connection connect = Streams.openConnection("127.0.0.1", port);
        StreamReader reader = connect.reader();
        StreamWriter writer = connect.writer();
        String header = "GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n";
        writer.write(header.getBytes(StandardCharsets.UTF_8));
        writer.drain();
        while (true) {
            byte[] line = reader.readLine();
            if (new String(line, StandardCharsets.UTF_8).equals("\r\n") || line.length == 0) {
                break;
            }
            System.out.println(host + " header > " + new String(line, StandardCharsets.UTF_8).stripTrailing());
        }
        writer.close();
    }

    /** A tiny HTTP/1.0 server standing in for a remote site. */
    static void site(String name, StreamReader reader, StreamWriter writer) throws Exception {
        while (reader.readLine().length > 2) {
            // skip the request head
        }
        writer.write(("HTTP/1.0 200 OK\r\nServer: " + name + "\r\nContent-Type: text/html\r\n\r\n<h1>" + name
                + "</h1>").getBytes(StandardCharsets.UTF_8));
        writer.drain();
        writer.close();
    }

    /**
     * Starts the three local sites, then runs the seed's program on a loop of its own.
     *
     * @param newLoop makes the loop the seed's part runs on
     * @throws Exception whatever the program throws
     */
    public static void program(java.util.function.Supplier<EventLoop> newLoop) throws Exception {
        List<String> hosts = List.of("www.sina.com.cn", "www.sohu.com", "www.163.com");
        EventLoop loop = newLoop.get();
        loop.runUntilComplete(() -> {
            List<Server> servers = new ArrayList<>();
            for (String h : hosts) {
                servers.add(Streams.startServer((r, w) -> site(h, r, w), "127.0.0.1", 0));
            }
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                String host = hosts.get(i);
                int port = servers.get(i).port();
                tasks.add(Asyncio.createTask(() -> wget(host, port)));
            }
            Asyncio.wait(tasks);
            for (Server s : servers) {
                s.close();
            }
        });
        loop.close();
    }

    /**
     * @param args unused
     * @throws Exception whatever the program throws
     */
    public static void main(String[] args) throws Exception {
        program(EventLoop::create);
    }
}
