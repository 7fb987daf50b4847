package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.ResponseHead;
import io.jasyncio.http.body.ChunkSource;
import io.jasyncio.http.codec.FeedResult;
import io.jasyncio.http.codec.HttpMessageListener;
import io.jasyncio.http.codec.HttpParseException;
import io.jasyncio.http.codec.HttpParserOptions;
import io.jasyncio.http.codec.HttpResponseParser;
import io.jasyncio.http.codec.HttpWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The HTTP/1.1 client side of one connection: writes a request with the shared
 * {@link HttpWriter}, reads its response with the shared {@link HttpResponseParser}, one
 * exchange at a time (no pipelining). It lives as long as the connection, through the idle pool,
 * so the parser's per-connection caches are reused.
 *
 * <p>Reading is pull-driven: the parser is paused after the head and after the end of the body,
 * and bytes are read from the connection only when the caller asks for more body, so a slow
 * reader applies back-pressure to the server. Body slices share the arrays returned by
 * {@link ClientConnection#read(int)}, which are never reused, so they need no copy.
 *
 * <p>Errors: a head the parser rejects surfaces as {@link HttpParseException} (the caller makes
 * it an {@link InvalidResponseError} with the request's details); end of stream before the head
 * is a {@link ServerDisconnectedError}; a body cut short (by the server closing, or by a read
 * failing, such as a reset, as aiohttp's {@code connection_lost}) or malformed is a
 * {@link ClientPayloadError}, the I/O error its cause; any other failing read or write is a
 * {@link ClientOSError}. After any of them the connection is not reusable.
 *
 * <p>Loop-confined; one task at a time.
 */
final class Http1Connection implements HttpMessageListener<ResponseHead> {

    private static final int READ_SIZE = 64 * 1024;
    private static final int COALESCE_LIMIT = 16 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final ClientConnection connection;
    private final HttpResponseParser parser;
    private final HttpWriter writer = new HttpWriter();
    private final ArrayDeque<ByteBuffer> body = new ArrayDeque<>();
    private ByteBuffer pending = EMPTY;
    private ResponseHead head;
    private boolean complete;
    private boolean receivedAny;
    private boolean broken;
    private String what = "";

    Http1Connection(ClientConnection connection, HttpParserOptions options) {
        this.connection = connection;
        this.parser = new HttpResponseParser(options, this);
    }

    // ---------------------------------------------------------------- parser events

    @Override
    public void onHead(ResponseHead h) {
        if (!h.isInformational() || h.upgrade()) {
            head = h;
            parser.pause();
        }
    }

    @Override
    public void onBody(ByteBuffer content) {
        body.addLast(content);
    }

    @Override
    public void onMessageComplete() {
        if (head != null) {
            complete = true;
            parser.pause();
        }
    }

    // ---------------------------------------------------------------- one exchange

    /** @return whether any byte of the current response arrived */
    boolean receivedAny() {
        return receivedAny;
    }

    /** @return the head of the current response, or {@code null} before it arrived */
    ResponseHead head() {
        return head;
    }

    /**
     * Sends a request: head, then the body (with {@code Content-Length} or chunked, as the
     * headers already say), then waits for the output to drain.
     */
    void send(String method, String target, Headers headers, RequestBody content, RequestTimer timer, String what)
            throws IOException {
        this.what = what;
        head = null;
        complete = false;
        receivedAny = false;
        body.clear();
        parser.resume();
        parser.expectResponseTo(method);
        ByteBuffer h = writer.encodeRequestHead(method, target, HttpVersion.HTTP_1_1, headers);
        try {
            if (content == null) {
                connection.write(h);
            } else {
                byte[] mem = content.inMemory();
                if (mem != null && mem.length <= COALESCE_LIMIT) {
                    ByteBuffer both = ByteBuffer.allocate(h.remaining() + mem.length).put(h).put(mem).flip();
                    connection.write(both);
                } else {
                    connection.write(h);
                    writeBody(content, timer);
                }
            }
            timer.write(() -> {
                connection.drain();
                return null;
            });
        } catch (ClientError e) {
            broken = true;
            throw e;
        } catch (IOException e) {
            broken = true;
            throw new ClientOSError("Cannot write request to the server (" + what + "): " + e.getMessage(), e);
        }
    }

    private void writeBody(RequestBody content, RequestTimer timer) throws IOException {
        ChunkSource source = content.open();
        long expected = content.length();
        boolean chunked = expected < 0;
        long sent = 0;
        for (ByteBuffer b; (b = source.next()) != null; ) {
            if (!b.hasRemaining()) {
                continue;
            }
            sent += b.remaining();
            if (!chunked && sent > expected) {
                throw new ClientError("request body is longer than its declared length " + expected + " (" + what + ")");
            }
            if (chunked) {
                for (ByteBuffer part : HttpWriter.chunkParts(b)) {
                    connection.write(part);
                }
            } else {
                connection.write(b);
            }
            timer.write(() -> {
                connection.drain();
                return null;
            });
        }
        if (chunked) {
            connection.write(writer.lastChunk(null));
        } else if (sent != expected) {
            throw new ClientError("request body is shorter (" + sent + " bytes) than its declared length " + expected
                    + " (" + what + ")");
        }
    }

    /**
     * Reads until the final (non-1xx) response head has arrived.
     *
     * @throws HttpParseException if the head is malformed or too large
     */
    ResponseHead readHead(RequestTimer timer) throws IOException {
        while (head == null) {
            if (pending.hasRemaining()) {
                feed();
                continue;
            }
            byte[] data = readSome(timer);
            if (data.length == 0) {
                broken = true;
                try {
                    parser.feedEof();
                } catch (HttpParseException e) {
                    throw new ServerDisconnectedError("Server disconnected in the middle of the response head ("
                            + what + ")", e);
                }
                throw new ServerDisconnectedError("Server disconnected before sending a response (" + what + ")");
            }
            receivedAny = true;
            pending = ByteBuffer.wrap(data);
        }
        return head;
    }

    /**
     * @return the next slice of the response's content (as sent, before any content coding is
     *     undone), or {@code null} at its end
     */
    ByteBuffer nextBody(RequestTimer timer) throws IOException {
        while (true) {
            ByteBuffer b = body.pollFirst();
            if (b != null) {
                return b;
            }
            if (complete) {
                return null;
            }
            if (broken) {
                throw new ClientPayloadError("Response payload is not completed: the connection failed (" + what + ")",
                        null);
            }
            parser.resume();
            try {
                feed();
            } catch (HttpParseException e) {
                throw new ClientPayloadError("Response payload is not completed: " + e.getMessage() + " (" + what + ")",
                        e);
            }
            if (!body.isEmpty() || complete) {
                continue;
            }
            byte[] data = readBody(timer);
            if (data.length == 0) {
                broken = true;
                try {
                    parser.feedEof();
                } catch (HttpParseException e) {
                    throw new ClientPayloadError("Response payload is not completed: " + e.getMessage() + " ("
                            + what + ")", e);
                }
                if (!complete) {
                    throw new ClientPayloadError("Response payload is not completed: the server closed the connection ("
                            + what + ")", null);
                }
                continue;
            }
            pending = ByteBuffer.wrap(data);
        }
    }

    private void feed() throws HttpParseException {
        try {
            FeedResult r = parser.feed(pending);
            if (r == FeedResult.UPGRADED) {
                broken = true;
            }
        } catch (HttpParseException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** {@link #readSome}, with a failing read in the body made a {@link ClientPayloadError}, as aiohttp. */
    private byte[] readBody(RequestTimer timer) throws IOException {
        try {
            return readSome(timer);
        } catch (ClientOSError e) {
            Throwable io = e.getCause();
            throw new ClientPayloadError("Response payload is not completed: " + io.getMessage() + " (" + what + ")",
                    io);
        }
    }

    private byte[] readSome(RequestTimer timer) throws IOException {
        try {
            return timer.read(() -> connection.read(READ_SIZE));
        } catch (ClientError e) {
            broken = true;
            throw e;
        } catch (IOException e) {
            broken = true;
            throw new ClientOSError("Cannot read the response (" + what + "): " + e.getMessage(), e);
        }
    }

    /**
     * Takes the bytes read past the head of a {@code 101 Switching Protocols} response: they
     * belong to the new protocol. The connection is done with HTTP after this.
     *
     * @return those bytes (possibly none)
     */
    ByteBuffer takeUnparsed() {
        ByteBuffer rest = pending;
        pending = EMPTY;
        broken = true;
        return rest;
    }

    /**
     * @return whether the connection can carry another request: the response ended cleanly, both
     *     sides keep the connection alive, and nothing arrived beyond the response
     */
    boolean reusable() {
        return complete && !broken && head != null && head.keepAlive() && !head.upgrade() && !pending.hasRemaining()
                && !parser.isFailed();
    }
}
