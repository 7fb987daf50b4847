package io.jasyncio.http.codec;

import java.io.IOException;

/**
 * Malformed or unacceptable HTTP/1.x input, with the status a server should answer before
 * closing the connection.
 *
 * <p>It is a checked {@link IOException}, like the other failures caused by what arrives on a
 * connection (API.md: network operations throw {@code IOException} subclasses). Being checked
 * means a connection handler cannot forget the one correct reaction: answer {@link #status()} if
 * it is still possible (nothing of a response has been written yet), then close, because after a
 * framing error the position of the next message in the stream is unknown.
 *
 * <p>Statuses used by {@link HttpRequestParser}:
 * <ul>
 *   <li>400: malformed request line, header or chunk framing; forbidden characters; obs-fold;
 *       conflicting or invalid {@code Content-Length}; {@code Transfer-Encoding} whose final coding
 *       is not chunked; both {@code Content-Length} and {@code Transfer-Encoding}; a missing
 *       (HTTP/1.1) or repeated {@code Host}; a connection closed in the middle of a message;</li>
 *   <li>413: content longer than {@link HttpParserOptions#maxBodySize()};</li>
 *   <li>414: request line longer than {@link HttpParserOptions#maxStartLineSize()};</li>
 *   <li>431: header (or trailer) section over {@link HttpParserOptions#maxHeaderBlockSize()} or
 *       with more than {@link HttpParserOptions#maxHeaderCount()} fields;</li>
 *   <li>501: a transfer coding other than chunked;</li>
 *   <li>505: an HTTP version other than 1.0 and 1.1.</li>
 * </ul>
 * {@link HttpResponseParser} always uses 502 (Bad Gateway): what a proxy would answer its own
 * client when the upstream response is unusable. The message says what was wrong either way.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=parseError}
 */
public final class HttpParseException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status a server should answer (4xx or 5xx)
     * @param message what was wrong with the input
     */
    public HttpParseException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, got " + status);
        }
        this.status = status;
    }

    /** @return the HTTP status a server should answer (4xx or 5xx) */
    public int status() {
        return status;
    }

    @Override
    public String toString() {
        return getClass().getName() + ": " + status + " " + getMessage();
    }
}
