package io.jasyncio.http.codec;

import io.jasyncio.http.Headers;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An incremental ("push") HTTP/1.x parser: bytes in through {@link #feed}, message events out
 * to an {@link HttpMessageListener}. It does no I/O and needs no event loop, so it can be driven
 * by a socket protocol or by a test alike. {@link HttpRequestParser} is the server side,
 * {@link HttpResponseParser} the client side.
 *
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=parser}
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Any split.</b> The input may be cut at any byte boundary: feeding a message one byte
 *       at a time produces the same events as feeding it whole, except that body bytes arrive in
 *       more, smaller slices.</li>
 *   <li><b>Pipelining.</b> Several messages in one buffer are all reported, in order, in one
 *       {@code feed} call (unless it pauses).</li>
 *   <li><b>Back-pressure.</b> {@link #pause()}, usually called from a listener callback (for
 *       example in {@code onMessageComplete}, so that a server handles one pipelined request at a
 *       time), makes {@code feed} return {@link FeedResult#PAUSED} right after that callback, with
 *       the input positioned at the first unparsed byte. While paused, {@code feed} consumes
 *       nothing and returns {@code PAUSED}. {@link #resume()} and feed the leftover bytes again.</li>
 *   <li><b>Zero copy.</b> Body slices passed to {@code onBody} share the input buffer's bytes.
 *       The head's bytes are copied once, into the parser's own buffer, because a head may span
 *       several reads.</li>
 *   <li><b>Errors.</b> A malformed message throws {@link HttpParseException} carrying the status
 *       to answer. After any failure, including an exception thrown by the listener, the parser
 *       is failed: every later call of {@code feed} or {@code feedEof} throws
 *       {@link IllegalStateException} (with the original failure as its cause).</li>
 *   <li><b>End of input.</b> {@link #feedEof()} ends a body delimited by the connection closing,
 *       and throws if the connection closed in the middle of a message.</li>
 *   <li><b>Memory.</b> A parser keeps a head buffer (as large as the largest head seen, bounded
 *       by the limits) and, per connection, the field lines of the previous head (at most 32
 *       lines of at most 512 bytes) so that lines a keep-alive client repeats cost a comparison
 *       instead of new strings: typically 1-2 KiB in all.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Not thread-safe: use each parser from one thread (its connection's event loop), including the
 * listener callbacks, which run inside {@code feed}.
 *
 * @param <H> the head type: {@link io.jasyncio.http.RequestHead} or
 *            {@link io.jasyncio.http.ResponseHead}
 */
public abstract sealed class HttpParser<H> permits HttpRequestParser, HttpResponseParser {
    /*
     * Implementation overview: a state machine over `state`. START skips the empty lines allowed
     * before a message; HEAD collects the head in `head` (a HeadBuffer) and then lets the subclass
     * parse it and choose the framing (startBody); the BODY_* states deliver content; COMPLETE
     * reports the end of the message, then goes back to START, or to UPGRADED for a protocol
     * switch. The loop in run() checks `paused` before every step, so a pause takes effect after
     * the callback that requested it. Terminal states: CLOSED (after feedEof) and FAILED.
     */
    private static final int START = 0;
    private static final int HEAD = 1;
    private static final int BODY_LENGTH = 2;
    private static final int BODY_CHUNKED = 3;
    private static final int BODY_UNTIL_CLOSE = 4;
    private static final int COMPLETE = 5;
    private static final int UPGRADED = 6;
    private static final int CLOSED = 7;
    private static final int FAILED = 8;

    /** Framing modes, for {@link #startBody}. */
    static final int NO_BODY = 0;
    static final int LENGTH = 1;
    static final int CHUNKED = 2;
    static final int UNTIL_CLOSE = 3;

    final HttpParserOptions options;
    final HttpMessageListener<? super H> listener;
    final HeadBuffer head;
    final MessageFields fields = new MessageFields();
    final FieldParser fieldParser = new FieldParser(this);
    private final ChunkedDecoder chunked;
    /** Content limit; Long.MAX_VALUE when unlimited. */
    final long maxBody;

    private int state = START;
    /** BODY_LENGTH: bytes left. BODY_UNTIL_CLOSE: bytes still allowed by maxBody. */
    private long remaining;
    private boolean upgradeAfterMessage;
    private boolean paused;
    private Throwable failure;

    HttpParser(HttpParserOptions options, HttpMessageListener<? super H> listener) {
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.head = new HeadBuffer(this, options);
        this.chunked = new ChunkedDecoder(this, options);
        this.maxBody = options.maxBodySize() < 0 ? Long.MAX_VALUE : options.maxBodySize();
    }

    /**
     * Parses as much of {@code in} as possible, reporting events to the listener as they
     * complete. On return, {@code in}'s position is after the last byte consumed; its limit and
     * contents are unchanged.
     *
     * @param in the bytes received, from position to limit
     * @return {@link FeedResult#NEED_MORE} if every byte was consumed, else why parsing stopped
     * @throws HttpParseException if the input is not acceptable HTTP/1.x; the parser is then failed
     * @throws IllegalStateException if the parser failed earlier or {@link #feedEof()} was called
     */
    public final FeedResult feed(ByteBuffer in) throws HttpParseException {
        checkUsable();
        try {
            return run(in);
        } catch (HttpParseException | RuntimeException | Error e) {
            state = FAILED;
            failure = e;
            throw e;
        }
    }

    /**
     * Reports that the connection's input ended. Completes a response body delimited by the
     * connection closing; does nothing between messages or after an upgrade.
     *
     * @throws HttpParseException if a message was incomplete (400 for requests)
     * @throws IllegalStateException if paused (resume and feed the leftover bytes first), failed
     *         earlier, or already at end of input
     */
    public final void feedEof() throws HttpParseException {
        checkUsable();
        if (paused) {
            throw new IllegalStateException("feedEof() while paused: resume() and feed the remaining bytes first");
        }
        int was = state;
        state = CLOSED;
        try {
            switch (was) {
                case START, UPGRADED -> {
                }
                case BODY_UNTIL_CLOSE -> listener.onMessageComplete();
                case HEAD -> throw error(400, "connection closed in the middle of the message head");
                case BODY_LENGTH -> throw error(400, "connection closed with " + remaining
                        + " bytes of content still expected");
                default -> throw error(400, "connection closed in the middle of chunked content");
            }
        } catch (HttpParseException | RuntimeException | Error e) {
            state = FAILED;
            failure = e;
            throw e;
        }
    }

    /**
     * Stops reporting events: the current or next {@link #feed} returns
     * {@link FeedResult#PAUSED} after the event being reported, if any. Idempotent.
     */
    public final void pause() {
        paused = true;
    }

    /** Lets the next {@link #feed} continue where parsing stopped. Idempotent. */
    public final void resume() {
        paused = false;
    }

    /** @return whether {@link #pause()} is in effect */
    public final boolean isPaused() {
        return paused;
    }

    /**
     * @return whether the parser is between messages: nothing of a next message has been
     *         received yet (so closing the connection now loses nothing)
     */
    public final boolean isIdle() {
        return state == START;
    }

    /** @return whether a protocol switch completed ({@code feed} returns {@link FeedResult#UPGRADED}) */
    public final boolean isUpgraded() {
        return state == UPGRADED;
    }

    /** @return whether the parser failed; it then refuses input */
    public final boolean isFailed() {
        return state == FAILED;
    }

    // ---- for subclasses and helpers ----

    /** Parses the collected head and calls {@link #startBody}. */
    abstract void headComplete() throws HttpParseException;

    /** @return "request line" or "status line", for messages */
    abstract String startLineName();

    /** @return the exception for a bad input, with the status the side should use */
    abstract HttpParseException error(int requestStatus, String message);

    /**
     * Enters the body state for the parsed head, then reports the head.
     *
     * @param mode {@link #NO_BODY}, {@link #LENGTH}, {@link #CHUNKED} or {@link #UNTIL_CLOSE}
     * @param length the content length for {@link #LENGTH}
     * @param upgrade whether the connection switches protocol after this message
     */
    final void startBody(H parsed, int mode, long length, boolean upgrade) {
        upgradeAfterMessage = upgrade;
        switch (mode) {
            case LENGTH -> {
                remaining = length;
                state = length == 0 ? COMPLETE : BODY_LENGTH;
            }
            case CHUNKED -> {
                chunked.reset();
                state = BODY_CHUNKED;
            }
            case UNTIL_CLOSE -> {
                remaining = maxBody;
                state = BODY_UNTIL_CLOSE;
            }
            default -> state = COMPLETE;
        }
        listener.onHead(parsed);
    }

    /** Delivers the next {@code n} bytes of {@code in} as a body slice. */
    final void deliver(ByteBuffer in, int n) {
        int p = in.position();
        ByteBuffer slice = in.slice(p, n);
        in.position(p + n);
        listener.onBody(slice);
    }

    /** Called by the chunked decoder when the trailer section has been collected. */
    final void trailersComplete() throws HttpParseException {
        Headers trailers = fieldParser.parse(head, 0, null);
        if (!trailers.isEmpty()) {
            listener.onTrailers(trailers);
        }
    }

    private void checkUsable() {
        if (state == FAILED) {
            throw new IllegalStateException("the HTTP parser failed earlier and refuses further input", failure);
        }
        if (state == CLOSED) {
            throw new IllegalStateException("the HTTP parser is closed: feedEof() was called");
        }
    }

    private FeedResult run(ByteBuffer in) throws HttpParseException {
        while (true) {
            if (paused) {
                return FeedResult.PAUSED;
            }
            switch (state) {
                case START -> {
                    // RFC 9112 §2.2: ignore empty lines received before a message.
                    int p = in.position();
                    int lim = in.limit();
                    while (p < lim && (in.get(p) == Ascii.CR || in.get(p) == Ascii.LF)) {
                        p++;
                    }
                    in.position(p);
                    if (p == lim) {
                        return FeedResult.NEED_MORE;
                    }
                    head.reset(true);
                    fields.reset();
                    state = HEAD;
                }
                case HEAD -> {
                    if (!head.fill(in)) {
                        return FeedResult.NEED_MORE;
                    }
                    headComplete();
                }
                case BODY_LENGTH -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    if (n == 0) {
                        return FeedResult.NEED_MORE;
                    }
                    remaining -= n;
                    if (remaining == 0) {
                        state = COMPLETE;
                    }
                    deliver(in, n);
                }
                case BODY_CHUNKED -> {
                    int r = chunked.decode(in);
                    if (r == ChunkedDecoder.NEED_MORE) {
                        return FeedResult.NEED_MORE;
                    }
                    if (r == ChunkedDecoder.DONE) {
                        state = COMPLETE;
                    }
                }
                case BODY_UNTIL_CLOSE -> {
                    int n = in.remaining();
                    if (n == 0) {
                        return FeedResult.NEED_MORE;
                    }
                    if (n > remaining) {
                        throw error(413, "content is longer than " + maxBody + " bytes");
                    }
                    remaining -= n;
                    deliver(in, n);
                }
                case COMPLETE -> {
                    state = upgradeAfterMessage ? UPGRADED : START;
                    listener.onMessageComplete();
                }
                case UPGRADED -> {
                    return FeedResult.UPGRADED;
                }
                default -> throw new AssertionError("state " + state);
            }
        }
    }

    /** For {@link HttpRequestParser#declineUpgrade()}. */
    final void leaveUpgrade() {
        if (state != UPGRADED) {
            throw new IllegalStateException("no upgrade to decline: the parser is not at a protocol switch");
        }
        state = START;
    }
}
