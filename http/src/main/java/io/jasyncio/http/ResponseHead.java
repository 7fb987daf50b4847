package io.jasyncio.http;

import java.util.Objects;

/**
 * The status line and header section of an HTTP/1.x response, plus what the parser derived from
 * them. Produced by {@code HttpResponseParser}; the body (if any) follows as separate events.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@code status} is a three-digit code (100-999); {@code reason} is the reason phrase as
 *       received, possibly {@code ""}.</li>
 *   <li>{@code contentLength} is the number of content bytes that follow the head: {@code 0}
 *       when there are none (responses to HEAD, 1xx, 204, 304, a 2xx answer to CONNECT, or an
 *       explicit {@code Content-Length: 0}), {@code -1} when unknown in advance: either
 *       {@code chunked}, or the body runs until the connection closes ({@link #readsUntilClose()}).
 *       The {@code Content-Length} header itself stays available in {@code headers}, e.g. for a
 *       HEAD response.</li>
 *   <li>{@code keepAlive}: the connection may carry another response after this one; always
 *       false when the body runs until close.</li>
 *   <li>{@code upgrade}: after this response the connection no longer speaks HTTP/1.1: a
 *       {@code 101 Switching Protocols}, or a 2xx answer to CONNECT (a tunnel).</li>
 *   <li>{@code headers} is frozen when produced by the parser.</li>
 * </ul>
 *
 * <p>Immutable (given frozen headers) and therefore thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=heads}
 *
 * @param version the protocol version
 * @param status the status code
 * @param reason the reason phrase, possibly empty
 * @param headers the header fields, in order
 * @param keepAlive whether the connection persists after this response
 * @param chunked whether the content uses the chunked transfer coding
 * @param contentLength content bytes that follow; {@code 0} if none; {@code -1} if unknown
 * @param upgrade whether the connection switches protocol (101) or becomes a tunnel (CONNECT)
 */
public record ResponseHead(
        HttpVersion version,
        int status,
        String reason,
        Headers headers,
        boolean keepAlive,
        boolean chunked,
        long contentLength,
        boolean upgrade) {

    /** Checks that no component is {@code null} and the length agrees with {@code chunked}. */
    public ResponseHead {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        if (contentLength < -1 || chunked && contentLength != -1) {
            throw new IllegalArgumentException("contentLength must be >= 0, or -1 (always -1 when chunked), got "
                    + contentLength + " with chunked=" + chunked);
        }
    }

    /** @return whether the body is delimited by the connection closing (no length, not chunked) */
    public boolean readsUntilClose() {
        return !chunked && contentLength == -1;
    }

    /** @return whether content follows the head */
    public boolean hasBody() {
        return contentLength != 0;
    }

    /** @return whether this is an interim (1xx) response; the final response follows it */
    public boolean isInformational() {
        return status < 200;
    }
}
