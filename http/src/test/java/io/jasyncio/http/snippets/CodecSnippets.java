package io.jasyncio.http.snippets;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import io.jasyncio.http.ResponseHead;
import io.jasyncio.http.body.BodyLimitException;
import io.jasyncio.http.body.BufferedPart;
import io.jasyncio.http.body.ChunkSource;
import io.jasyncio.http.body.MultipartCollector;
import io.jasyncio.http.body.MultipartException;
import io.jasyncio.http.body.MultipartHandler;
import io.jasyncio.http.body.MultipartLimits;
import io.jasyncio.http.body.MultipartParser;
import io.jasyncio.http.body.MultipartWriter;
import io.jasyncio.http.body.PartHeaders;
import io.jasyncio.http.body.UrlEncodedForm;
import io.jasyncio.http.codec.FeedResult;
import io.jasyncio.http.codec.HttpMessageListener;
import io.jasyncio.http.codec.HttpParseException;
import io.jasyncio.http.codec.HttpParser;
import io.jasyncio.http.codec.HttpParserOptions;
import io.jasyncio.http.codec.HttpRequestParser;
import io.jasyncio.http.codec.HttpResponseParser;
import io.jasyncio.http.codec.HttpWriter;
import io.jasyncio.http.encoding.AcceptEncoding;
import io.jasyncio.http.encoding.ContentDecoder;
import io.jasyncio.http.encoding.ContentDecodingException;
import io.jasyncio.http.encoding.ContentEncoder;
import io.jasyncio.http.encoding.DecodedSizeExceededException;
import io.jasyncio.http.url.Query;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The examples in the Javadoc of packages {@code io.jasyncio.http.codec}, {@code http.body} and
 * {@code http.encoding}: the sans-I/O pieces the client and server are built from.
 * {@code CodecSnippetsTest} runs them.
 */
public final class CodecSnippets {

    private CodecSnippets() {
    }

    // @start region="parser"
    /** Collects the requests of a connection: what a server protocol does in dataReceived. */
    static final class Requests implements HttpMessageListener<RequestHead> {
        final List<String> seen = new ArrayList<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public void onHead(RequestHead head) {
            seen.add(head.method() + " " + head.path());
        }

        @Override
        public void onBody(ByteBuffer content) {        // valid only during the call: copy it
            byte[] b = new byte[content.remaining()];
            content.get(b);
            body.write(b, 0, b.length);
        }

        @Override
        public void onMessageComplete() {
            seen.add("body: " + body.toString(UTF_8));
            body.reset();
        }
    }

    static List<String> parse() throws HttpParseException {
        Requests listener = new Requests();
        // @start region="parserOptions"
        HttpParserOptions options = HttpParserOptions.DEFAULTS.withMaxBodySize(10 << 20);   // 10 MiB uploads at most
        // @end
        HttpParser<RequestHead> parser = new HttpRequestParser(options, listener);
        ByteBuffer data = ByteBuffer.wrap(("POST /items HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\napple"
                + "GET /items HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(UTF_8));
        // in dataReceived(ByteBuffer data):
        switch (parser.feed(data)) {
            case NEED_MORE -> { }                        // all bytes consumed
            case PAUSED -> listener.seen.add("paused");  // unparsed bytes stay in data; resume() and feed them later
            case UPGRADED -> listener.seen.add("upgraded");   // the rest belongs to the new protocol
        }
        // in eofReceived():
        parser.feedEof();
        return listener.seen;
    }
    // @end

    static String parseError() {
        // @start region="parseError"
        HttpRequestParser parser = new HttpRequestParser(new Requests());
        try {
            parser.feed(ByteBuffer.wrap("GET / HTTP/1.1\r\nBad Header\r\n\r\n".getBytes(UTF_8)));
            return "parsed";
        } catch (HttpParseException e) {
            return e.status() + " " + e.getMessage();    // answer with e.status(), then close
        }
        // @end
    }

    static List<Object> parseResponse() throws HttpParseException {
        List<Object> out = new ArrayList<>();
        // @start region="responseParser"
        HttpResponseParser parser = new HttpResponseParser(new HttpMessageListener<ResponseHead>() {
            @Override
            public void onHead(ResponseHead head) {
                out.add(head.status());
            }

            @Override
            public void onMessageComplete() {
                out.add("complete");
            }
        });
        parser.expectResponseTo("HEAD");                 // a response to HEAD has no body
        FeedResult r = parser.feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(UTF_8)));
        // @end
        out.add(r);
        return out;
    }

    static String write() {
        // @start region="writer"
        HttpWriter writer = new HttpWriter();
        Headers h = new Headers().add("Content-Type", "text/plain").add("Content-Length", "13");
        ByteBuffer out = ByteBuffer.allocate(1024);
        writer.encodeResponseHead(HttpVersion.HTTP_1_1, 200, null, h, out);  // "HTTP/1.1 200 OK", Date added
        out.put("Hello, world!".getBytes(UTF_8)).flip();
        // a chunked body: HttpWriter.chunk(data) for each piece, then writer.lastChunk(trailers)
        // @end
        return UTF_8.decode(out).toString();
    }

    static List<String> multipart() throws IOException {
        byte[] photo = new byte[3000];
        // @start region="multipartWriter"
        MultipartWriter form = MultipartWriter.formData()
                .addField("title", "Holiday")
                .addFile("photo", "beach.jpg", "image/jpeg",
                        ChunkSource.ofInputStream(new ByteArrayInputStream(photo), 65536), photo.length);
        Headers headers = new Headers().set("Content-Type", form.contentType());
        if (form.contentLength() >= 0) {
            headers.set("Content-Length", Long.toString(form.contentLength()));
        }
        ChunkSource body = form.body();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();      // a transport, in real code
        for (ByteBuffer b; (b = body.next()) != null; ) {
            drainTo(b, sent);                            // copies the buffer's remaining bytes
        }
        // @end
        List<String> out = new ArrayList<>();
        // @start region="multipartParser"
        MultipartCollector collected = new MultipartCollector(10 << 20);   // buffers at most 10 MiB
        MultipartParser parser = MultipartParser.forContentType(headers.get("Content-Type"), collected);
        ByteArrayInputStream in = new ByteArrayInputStream(sent.toByteArray());
        for (byte[] chunk; (chunk = in.readNBytes(1024)).length > 0; ) {
            parser.feed(chunk);                          // any split works
        }
        parser.finish();                                 // a MultipartException if the body was cut short
        for (BufferedPart part : collected.parts()) {
            PartHeaders ph = part.headers();
            out.add(ph.name().orElse("?") + " " + ph.filename().orElse("-") + " " + part.length());
        }
        // @end
        return out;
    }

    // @start region="multipartHandler"
    /** Counts each part's bytes as they stream by, holding none of them. */
    static final class PartSizes implements MultipartHandler {
        final List<String> sizes = new ArrayList<>();
        private String name;
        private long size;

        @Override
        public void partStarted(PartHeaders headers) {
            name = headers.name().orElse("?");
            size = 0;
        }

        @Override
        public void partData(ByteBuffer data) throws BodyLimitException {
            size += data.remaining();
            if (size > 1 << 20) {
                throw new BodyLimitException("part " + name + " is over 1 MiB");
            }
        }

        @Override
        public void partEnded() {
            sizes.add(name + "=" + size);
        }
    }

    static List<String> streamParts(String contentType, byte[] body) throws IOException {
        PartSizes handler = new PartSizes();
        MultipartParser parser = MultipartParser.forContentType(contentType, handler,
                new MultipartLimits(10, 4096));          // at most 10 parts, 4 KiB of headers each
        try {
            parser.feed(body);
            parser.finish();
        } catch (MultipartException e) {                 // malformed, or over the limits
            handler.sizes.add("rejected: " + e.getMessage());
        }
        return handler.sizes;
    }
    // @end

    static List<String> partSizes() throws IOException {
        MultipartWriter form = MultipartWriter.formData().addField("a", "123").addFile("f", "f.bin", "x/y", new byte[10]);
        return streamParts(form.contentType(), form.toByteArray());
    }

    static List<Object> urlEncoded() throws BodyLimitException {
        // @start region="urlEncoded"
        byte[] body = UrlEncodedForm.encode(Query.of("name", "Ann Lee", "city", "Zürich"));
        // "name=Ann+Lee&city=Z%C3%BCrich", sent with Content-Type: UrlEncodedForm.CONTENT_TYPE
        Query form = UrlEncodedForm.decode(body);
        String city = form.get("city").orElse("");       // "Zürich"
        // @end
        return List.of(new String(body, UTF_8), city);
    }

    static List<Object> encoding() throws ContentDecodingException {
        byte[] page = "<p>hello</p>".repeat(100).getBytes(UTF_8);
        // @start region="encoding"
        AcceptEncoding accept = AcceptEncoding.parse("gzip;q=1.0, deflate;q=0.5, br");
        String coding = accept.negotiate(List.of("deflate", "gzip")).orElse("identity");   // "gzip"

        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (ContentEncoder enc = ContentEncoder.create(coding)) {
            enc.encode(ByteBuffer.wrap(page), b -> drainTo(b, compressed));   // copies b's remaining bytes
            enc.finish(b -> drainTo(b, compressed));
        }

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (ContentDecoder dec = ContentDecoder.create("gzip", 10 << 20)) {   // a zip bomb stops at 10 MiB
            dec.decode(ByteBuffer.wrap(compressed.toByteArray()), b -> drainTo(b, plain));
            dec.finish(b -> drainTo(b, plain));
        }
        // @end
        return List.of(coding, compressed.size() < page.length, plain.size());
    }

    static void drainTo(ByteBuffer b, ByteArrayOutputStream out) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        out.write(a, 0, a.length);
    }

    static String decodingErrors() {
        byte[] bomb = gzip(new byte[1 << 20]);
        // @start region="decodingErrors"
        try (ContentDecoder dec = ContentDecoder.create("gzip", 64 * 1024)) {
            dec.decode(ByteBuffer.wrap(bomb), b -> { });
            dec.finish(b -> { });
            return "ok";
        } catch (DecodedSizeExceededException e) {     // decoded past the limit: reject the body
            return "over " + e.limit() + " bytes";
        } catch (ContentDecodingException e) {         // corrupt or truncated data
            return "corrupt: " + e.getMessage();
        }
        // @end
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ContentEncoder enc = ContentEncoder.gzip()) {
            enc.encode(ByteBuffer.wrap(data), b -> drainTo(b, out));
            enc.finish(b -> drainTo(b, out));
        }
        return out.toByteArray();
    }
}
