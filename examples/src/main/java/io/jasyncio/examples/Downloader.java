package io.jasyncio.examples;

import static io.jasyncio.Asyncio.gather;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.http.client.ClientResponse;
import io.jasyncio.http.client.ClientSession;
import io.jasyncio.net.Server;
import io.jasyncio.net.Streams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' aiohttp downloads (articles 001 and 003), line for line, against a local server:
 *
 * <pre>{@code
 * async def download_file(url):
 *     async with aiohttp.ClientSession() as session:
 *         async with session.get(url) as response:
 *             print(await response.text())
 *
 * async def fetch(session, url):
 *     print("发送请求:", url)
 *     async with session.get(url, verify_ssl=False) as response:
 *         content = await response.content.read()
 *         file_name = url.rsplit("/")[-1] + '.png'
 *         with open(file_name, mode="wb") as file_object:
 *             file_object.write(content)
 *         print("下载完成")
 *
 * async def main():
 *     tasks = [download_file(url) for url in urls]
 *     await asyncio.gather(*tasks)
 * }</pre>
 */
public final class Downloader {

    private Downloader() {
    }

    static String downloadFile(String url) throws Exception {
        try (ClientSession session = new ClientSession();
             ClientResponse response = session.get(url)) {
            String text = response.text();
            System.out.println(text);
            return text;
        }
    }

    static void fetch(ClientSession session, String url, Path dir) throws Exception {
        System.out.println("发送请求: " + url);
        try (ClientResponse response = session.get(url)) {
            byte[] content = response.content().read();
            String[] parts = url.split("/");
            Path fileName = dir.resolve(parts[parts.length - 1] + ".png");
            Files.write(fileName, content);
            System.out.println("下载完成");
        }
    }

    /** A local server: {@code GET /fileN} answers {@code content of fileN}. */
    static Server localServer() throws Exception {
        return Streams.startServer((reader, writer) -> {
            String requestLine = new String(reader.readLine(), StandardCharsets.ISO_8859_1);
            while (reader.readLine().length > 2) {
                // skip headers
            }
            String path = requestLine.split(" ")[1];
            byte[] body = ("content of " + path.substring(1)).getBytes(StandardCharsets.UTF_8);
            writer.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            writer.write(body);
            writer.drain();
            writer.close();
        }, "127.0.0.1", 0);
    }

    /**
     * Serves three files locally, downloads them concurrently (download_file), then fetches two
     * into {@code dir} with one shared session (fetch).
     *
     * @param dir where fetch writes its files
     * @throws Exception whatever fails
     */
    public static void program(Path dir) throws Exception {
        Server server = localServer();
        String base = "http://127.0.0.1:" + server.port() + "/";
        List<Coroutine<String>> tasks = new ArrayList<>();
        for (String f : List.of("file1", "file2", "file3")) {
            tasks.add(() -> downloadFile(base + f));
        }
        List<String> texts = gather(tasks.toArray(Coroutine[]::new));
        System.out.println("downloaded " + texts.size() + " files");
        try (ClientSession session = new ClientSession()) {
            List<Coroutine<Void>> fetches = new ArrayList<>();
            for (String f : List.of("image1", "image2")) {
                fetches.add(() -> {
                    fetch(session, base + f, dir);
                    return null;
                });
            }
            gather(fetches.toArray(Coroutine[]::new));
        }
        server.close();
    }

    /**
     * @param args optional output directory for fetched files (a temporary one by default)
     * @throws Exception whatever fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("jasyncio-downloads");
        Asyncio.run(() -> program(dir));
        System.out.println("files in " + dir);
    }
}
