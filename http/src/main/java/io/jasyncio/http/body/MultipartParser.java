package io.jasyncio.http.body;

import io.jasyncio.http.mime.MediaType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A push parser for multipart bodies ({@code multipart/form-data}, RFC 7578, over the syntax of
 * RFC 2046 §5.1): {@link #feed} it the body in chunks of any size as they arrive, then call
 * {@link #finish} at the end of the body. It reports parts to a {@link MultipartHandler} as they
 * are found: the headers once read, then the content as slices of the fed chunks, never copied or
 * accumulated, so a file part of any size passes through in bounded memory.
 *
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartParser}
 *
 * <p>What it holds: at most one part's header section ({@link MultipartLimits#maxHeaderBytes})
 * and a few counters; a partial delimiter at the end of a chunk is remembered as a count, not as
 * bytes. Syntax: the preamble before the first delimiter and the epilogue after the close
 * delimiter are ignored; the first delimiter may start the body without a preceding CRLF;
 * transport padding (spaces, tabs) after a delimiter is skipped; a boundary string that is not
 * preceded by CRLF, or that is followed by anything but {@code --}, CRLF or padding, is content.
 * Header lines must end in CRLF and must not be folded.
 *
 * <p>States: {@code PREAMBLE -> (HEADERS -> BODY)* -> EPILOGUE}, with {@code PADDING} after a
 * delimiter that has padding. Errors ({@link MultipartException} for malformed input,
 * {@link BodyLimitException} for limits, or whatever the handler throws) leave the parser
 * {@code FAILED}: later calls throw {@link IllegalStateException}.
 *
 * <p>Not thread-safe: feed a parser from one thread (the connection's loop); the handler is
 * called on that thread.
 */
public final class MultipartParser {
    private enum State { PREAMBLE, PADDING, PADDING_CR, HEADERS, BODY, EPILOGUE, FAILED }

    private static final BoundaryScanner.Sink DISCARD = slice -> { };

    private final String boundary;
    private final BoundaryScanner scanner;
    private final MultipartHandler handler;
    private final MultipartLimits limits;
    private State state = State.PREAMBLE;
    private byte[] headerBuf = new byte[256];
    private int headerLength;
    private int parts;
    private boolean inPart;

    /**
     * A parser for a body with the given boundary.
     *
     * @throws IllegalArgumentException if the boundary is empty, longer than 200 characters, or
     *     holds characters outside printable ASCII
     */
    public MultipartParser(String boundary, MultipartHandler handler, MultipartLimits limits) {
        this.boundary = Boundary.checkForParsing(boundary);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.scanner = new BoundaryScanner(boundary);
        scanner.reset(true);
    }

    /** As {@link #forContentType(String, MultipartHandler, MultipartLimits)} with default limits. */
    public static MultipartParser forContentType(String contentType, MultipartHandler handler)
            throws MultipartException {
        return forContentType(contentType, handler, MultipartLimits.DEFAULT);
    }

    /**
     * A parser for the boundary named in a {@code Content-Type} value.
     *
     * @throws MultipartException if the value does not parse, is not {@code multipart/*}, or has
     *     no valid {@code boundary} parameter
     */
    public static MultipartParser forContentType(String contentType, MultipartHandler handler,
            MultipartLimits limits) throws MultipartException {
        MediaType type;
        try {
            type = MediaType.parse(contentType);
        } catch (IllegalArgumentException e) {
            throw new MultipartException(e.getMessage(), e);
        }
        if (!type.type().equals("multipart")) {
            throw new MultipartException("Content-Type '" + contentType + "' is not multipart");
        }
        String b = type.parameter("boundary")
                .orElseThrow(() -> new MultipartException("Content-Type '" + contentType + "' has no boundary parameter"));
        try {
            return new MultipartParser(b, handler, limits);
        } catch (IllegalArgumentException e) {
            throw new MultipartException(e.getMessage(), e);
        }
    }

    /** Feeds a chunk; all of it is consumed. */
    public void feed(byte[] chunk) throws IOException {
        feed(ByteBuffer.wrap(chunk));
    }

    /** Feeds part of an array. */
    public void feed(byte[] chunk, int offset, int length) throws IOException {
        feed(ByteBuffer.wrap(chunk, offset, length));
    }

    /**
     * Feeds the remaining bytes of a buffer, advancing its position to its limit. Handler calls
     * happen before this returns.
     *
     * @throws MultipartException if the body is malformed
     * @throws BodyLimitException if a limit is exceeded
     * @throws IOException whatever the handler throws
     * @throws IllegalStateException if the parser failed before
     */
    public void feed(ByteBuffer chunk) throws IOException {
        if (state == State.FAILED) {
            throw new IllegalStateException("the multipart parser failed earlier");
        }
        try {
            run(chunk);
        } catch (IOException | RuntimeException | Error e) {
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * Ends the body.
     *
     * @throws MultipartException if the close delimiter was not seen, naming where the body ended
     */
    public void finish() throws MultipartException {
        State s = state;
        if (s == State.EPILOGUE) {
            return;
        }
        if (s == State.FAILED) {
            throw new IllegalStateException("the multipart parser failed earlier");
        }
        state = State.FAILED;
        throw new MultipartException(switch (s) {
            case PREAMBLE -> "no boundary '--" + boundary + "' found in the body";
            case HEADERS -> "body ended inside the headers of part " + (parts + 1);
            default -> "missing final boundary '--" + boundary + "--' (body ended in part " + parts + ")";
        });
    }

    /** Whether the close delimiter has been read. */
    public boolean isComplete() {
        return state == State.EPILOGUE;
    }

    /** The number of parts whose headers have been read so far. */
    public int partCount() {
        return parts;
    }

    private void run(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            switch (state) {
                case PREAMBLE, BODY -> {
                    BoundaryScanner.Result r = scanner.scan(in, state == State.BODY ? handler::partData : DISCARD);
                    switch (r) {
                        case NEED_MORE -> { }
                        case DELIMITER -> {
                            endPart();
                            startHeaders();
                        }
                        case PADDED_DELIMITER -> {
                            endPart();
                            state = State.PADDING;
                        }
                        case CLOSE_DELIMITER -> {
                            endPart();
                            state = State.EPILOGUE;
                            handler.completed();
                        }
                    }
                }
                case PADDING -> {
                    byte b = in.get();
                    if (b == '\r') {
                        state = State.PADDING_CR;
                    } else if (b != ' ' && b != '\t') {
                        throw malformedBoundaryLine(b);
                    }
                }
                case PADDING_CR -> {
                    byte b = in.get();
                    if (b != '\n') {
                        throw malformedBoundaryLine(b);
                    }
                    startHeaders();
                }
                case HEADERS -> readHeaders(in);
                case EPILOGUE -> in.position(in.limit());
                case FAILED -> throw new IllegalStateException("the multipart parser failed earlier");
            }
        }
    }

    private MultipartException malformedBoundaryLine(byte b) {
        return new MultipartException("malformed boundary line: unexpected byte 0x%02X after '--%s'"
                .formatted(b & 0xff, boundary));
    }

    private void startHeaders() throws BodyLimitException {
        if (parts == limits.maxParts()) {
            throw new BodyLimitException("multipart body has more than " + limits.maxParts() + " parts");
        }
        headerLength = 0;
        state = State.HEADERS;
    }

    private void readHeaders(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            if (headerLength == limits.maxHeaderBytes()) {
                throw new BodyLimitException("headers of part " + (parts + 1) + " exceed "
                        + limits.maxHeaderBytes() + " bytes");
            }
            if (headerLength == headerBuf.length) {
                headerBuf = Arrays.copyOf(headerBuf, Math.min(headerBuf.length * 2, limits.maxHeaderBytes()));
            }
            headerBuf[headerLength++] = in.get();
            boolean emptySection = headerLength == 2 && headerBuf[0] == '\r' && headerBuf[1] == '\n';
            boolean endOfSection = headerLength >= 4 && headerBuf[headerLength - 4] == '\r'
                    && headerBuf[headerLength - 3] == '\n' && headerBuf[headerLength - 2] == '\r'
                    && headerBuf[headerLength - 1] == '\n';
            if (emptySection || endOfSection) {
                PartHeaders headers = PartHeaders.parse(headerBuf, headerLength - 2, parts + 1);
                parts++;
                inPart = true;
                scanner.reset(false);
                state = State.BODY;
                handler.partStarted(headers);
                return;
            }
        }
    }

    private void endPart() throws IOException {
        if (inPart) {
            inPart = false;
            handler.partEnded();
        }
    }
}
