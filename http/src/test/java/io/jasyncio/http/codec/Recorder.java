package io.jasyncio.http.codec;

import io.jasyncio.http.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Records parser events for tests. Consecutive body slices are merged into one {@code Body}
 * event, so feeding the same bytes with different splits gives equal event lists.
 */
final class Recorder<H> implements HttpMessageListener<H> {

    /** One parser event. */
    sealed interface Event permits Head, Body, Trailers, Complete {
    }

    record Head(Object head) implements Event {
    }

    record Body(String text) implements Event {
    }

    record Trailers(Headers trailers) implements Event {
    }

    record Complete() implements Event {
    }

    final List<Event> events = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    /** Called after each event is recorded, e.g. to pause the parser. */
    Consumer<Event> after = e -> { };

    @Override
    public void onHead(H head) {
        flushBody();
        record(new Head(head));
    }

    @Override
    public void onBody(ByteBuffer content) {
        if (!content.hasRemaining()) {
            throw new AssertionError("empty body slice");
        }
        byte[] b = new byte[content.remaining()];
        content.get(b);
        body.writeBytes(b);
        after.accept(new Body(new String(b, StandardCharsets.ISO_8859_1)));
    }

    @Override
    public void onTrailers(Headers trailers) {
        flushBody();
        record(new Trailers(trailers));
    }

    @Override
    public void onMessageComplete() {
        flushBody();
        record(new Complete());
    }

    /** @return the events so far, with any pending body merged in */
    List<Event> events() {
        flushBody();
        return events;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> heads() {
        List<T> heads = new ArrayList<>();
        for (Event e : events()) {
            if (e instanceof Head h) {
                heads.add((T) h.head());
            }
        }
        return heads;
    }

    String bodyText() {
        StringBuilder sb = new StringBuilder();
        for (Event e : events()) {
            if (e instanceof Body b) {
                sb.append(b.text());
            }
        }
        return sb.toString();
    }

    private void flushBody() {
        if (body.size() > 0) {
            events.add(new Body(body.toString(StandardCharsets.ISO_8859_1)));
            body.reset();
        }
    }

    private void record(Event e) {
        events.add(e);
        after.accept(e);
    }

    // ---- feeding helpers ----

    static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Feeds {@code s} whole and asserts every byte was consumed. */
    static void feedWhole(HttpParser<?> parser, String s) throws HttpParseException {
        ByteBuffer in = bytes(s);
        FeedResult r = parser.feed(in);
        if (r != FeedResult.NEED_MORE || in.hasRemaining()) {
            throw new AssertionError("expected all input consumed, got " + r + " with " + in.remaining() + " left");
        }
    }

    /** Feeds {@code s} one byte per call, each in its own buffer. */
    static void feedBytewise(HttpParser<?> parser, String s) throws HttpParseException {
        byte[] all = s.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : all) {
            ByteBuffer in = ByteBuffer.wrap(new byte[] {b});
            if (parser.feed(in) != FeedResult.NEED_MORE || in.hasRemaining()) {
                throw new AssertionError("byte not consumed");
            }
        }
    }

    /** Feeds {@code s} in random pieces (1 to 16 bytes) in heap, direct and offset heap buffers. */
    static void feedRandomly(HttpParser<?> parser, String s, long seed) throws HttpParseException {
        byte[] all = s.getBytes(StandardCharsets.ISO_8859_1);
        Random random = new Random(seed);
        for (int p = 0; p < all.length; ) {
            int n = Math.min(all.length - p, 1 + random.nextInt(16));
            ByteBuffer in = switch (random.nextInt(3)) {
                case 0 -> ByteBuffer.allocateDirect(n + 4);
                case 1 -> ByteBuffer.allocate(n + 4);
                default -> ByteBuffer.allocate(n + 7).slice(3, n + 4); // non-zero arrayOffset
            };
            in.position(2);
            in.put(all, p, n);
            in.flip();
            in.position(2);
            if (parser.feed(in) != FeedResult.NEED_MORE || in.hasRemaining()) {
                throw new AssertionError("piece not consumed (seed " + seed + ")");
            }
            p += n;
        }
    }
}
