package io.jasyncio.http.client;

import io.jasyncio.http.RequestHead;
import io.jasyncio.http.codec.FeedResult;
import io.jasyncio.http.codec.HttpMessageListener;
import io.jasyncio.http.codec.HttpRequestParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Test harness: the server's side of an in-memory connection; parses requests with the shared codec. */
final class ServerSide implements HttpMessageListener<RequestHead> {

    /** A request as the server received it. */
    record Req(RequestHead head, byte[] body) {
        String header(String name) {
            return head.headers().get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final MemoryConnection client;
    private final HttpRequestParser parser = new HttpRequestParser(this);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private RequestHead head;
    private ByteArrayOutputStream body;
    private Req done;

    ServerSide(MemoryConnection client) {
        this.client = client;
    }

    @Override
    public void onHead(RequestHead h) {
        head = h;
        body = new ByteArrayOutputStream();
    }

    @Override
    public void onBody(ByteBuffer content) {
        byte[] b = new byte[content.remaining()];
        content.get(b);
        body.writeBytes(b);
    }

    @Override
    public void onMessageComplete() {
        done = new Req(head, body.toByteArray());
        parser.pause();
    }

    /** @return the next request, or {@code null} if the client closed the connection */
    Req readRequest() throws IOException {
        done = null;
        parser.resume();
        while (true) {
            if (parser.feed(pending) == FeedResult.PAUSED || done != null) {
                return done;
            }
            byte[] b = client.toServer.read(65536);
            if (b.length == 0) {
                return null;
            }
            pending = ByteBuffer.wrap(b);
        }
    }

    /** @return the bytes received so far that are not parsed yet, waiting for at least one */
    byte[] readRaw() throws IOException {
        if (pending.hasRemaining()) {
            byte[] b = new byte[pending.remaining()];
            pending.get(b);
            return b;
        }
        return client.toServer.read(65536);
    }

    void write(String raw) {
        client.toClient.write(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] raw) {
        client.toClient.write(raw);
    }

    /** Closes the server's side: the client reads end of stream. */
    void close() {
        client.toClient.close();
    }

    /** Resets the connection: the client's reads and writes fail. */
    void reset() {
        client.toClient.fail(new IOException("Connection reset by peer"));
        client.toServer.fail(new IOException("Connection reset by peer"));
    }
}
