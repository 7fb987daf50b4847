package io.jasyncio.bench.http;

import io.jasyncio.http.HeaderNames;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import io.jasyncio.http.codec.FeedResult;
import io.jasyncio.http.codec.HttpMessageListener;
import io.jasyncio.http.codec.HttpParseException;
import io.jasyncio.http.codec.HttpRequestParser;
import io.jasyncio.http.codec.HttpWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The HTTP/1.1 codec on the hot path of a hello-world server: parsing the request wrk sends,
 * parsing a typical browser request (about 500 bytes, 10 headers), and encoding the hello-world
 * response head plus body. One parser is reused across operations, as on a keep-alive connection.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar HttpParserBench -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 *
 * <p>Each benchmark state is confined to its JMH thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HttpParserBench {

    static final String WRK = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";

    static final String BROWSER = "GET /static/app.js?v=3 HTTP/1.1\r\n"
            + "Host: localhost:8080\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r\n"
            + "Accept-Language: en-US,en;q=0.9\r\n"
            + "Accept-Encoding: gzip, deflate, br\r\n"
            + "Connection: keep-alive\r\n"
            + "Referer: http://localhost:8080/index.html\r\n"
            + "Cookie: session=3f2a9c1e7b5d4a8f; theme=dark\r\n"
            + "Sec-Fetch-Dest: script\r\n"
            + "Cache-Control: no-cache\r\n"
            + "\r\n";

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.ISO_8859_1);

    private ByteBuffer wrk;
    private ByteBuffer browser;
    private ByteBuffer[] alternating;
    private int next;
    private ByteBuffer out;
    private HttpRequestParser parser;
    private HttpWriter writer;
    private Blackhole bh;

    @Setup
    public void setup(Blackhole blackhole) {
        bh = blackhole;
        wrk = ByteBuffer.wrap(WRK.getBytes(StandardCharsets.ISO_8859_1));
        browser = ByteBuffer.wrap(BROWSER.getBytes(StandardCharsets.ISO_8859_1));
        // Same request, but every header line differs from the previous request's (lower-case
        // names on every other request), so the parser's line cache never hits.
        alternating = new ByteBuffer[] {
            ByteBuffer.wrap(BROWSER.getBytes(StandardCharsets.ISO_8859_1)),
            ByteBuffer.wrap(lowerCaseNames(BROWSER).getBytes(StandardCharsets.ISO_8859_1)),
        };
        out = ByteBuffer.allocate(4096);
        writer = new HttpWriter();
        parser = new HttpRequestParser(new HttpMessageListener<>() {
            @Override
            public void onHead(RequestHead head) {
                bh.consume(head);
            }

            @Override
            public void onBody(ByteBuffer content) {
                bh.consume(content);
            }

            @Override
            public void onMessageComplete() {
            }
        });
        if (BROWSER.length() < 450 || BROWSER.length() > 600) {
            throw new IllegalStateException("browser request is " + BROWSER.length() + " bytes");
        }
    }

    /** Parses the 40-byte request wrk sends. */
    @Benchmark
    public FeedResult parseWrkRequest() throws HttpParseException {
        wrk.rewind();
        return parser.feed(wrk);
    }

    /** Parses a ~500-byte browser request with 10 headers. */
    @Benchmark
    public FeedResult parseBrowserRequest() throws HttpParseException {
        browser.rewind();
        return parser.feed(browser);
    }

    /**
     * Parses the browser request with every header line changed from the previous request, so
     * that no line is served from the parser's per-connection line cache: the cost of a first
     * request on a connection, or of a client that varies its headers.
     */
    @Benchmark
    public FeedResult parseBrowserRequestUncached() throws HttpParseException {
        ByteBuffer in = alternating[next++ & 1];
        in.rewind();
        return parser.feed(in);
    }

    private static String lowerCaseNames(String request) {
        StringBuilder sb = new StringBuilder();
        for (String line : request.split("\r\n", -1)) {
            int colon = line.indexOf(':');
            sb.append(colon > 0 && !line.startsWith("GET") ? line.substring(0, colon).toLowerCase() + line.substring(colon) : line)
                    .append("\r\n");
        }
        return sb.substring(0, sb.length() - 2);
    }

    /** Builds the hello-world response headers and encodes head and body into a reused buffer. */
    @Benchmark
    public int encodeHelloResponse() {
        out.clear();
        Headers h = new Headers(4)
                .add(HeaderNames.CONTENT_TYPE, "text/plain")
                .add(HeaderNames.CONTENT_LENGTH, "13")
                .add(HeaderNames.SERVER, "jasyncio");
        writer.encodeResponseHead(HttpVersion.HTTP_1_1, 200, null, h, out);
        out.put(HELLO);
        return out.position();
    }
}
