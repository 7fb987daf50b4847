package io.jasyncio.http;

import java.util.Objects;

/**
 * The start line and header section of an HTTP/1.x request, plus what the parser derived from
 * them. Produced by {@code HttpRequestParser}; the body (if any) follows as separate events.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@code target} is the request-target exactly as received (still percent-encoded).
 *       {@code path} is its path part and {@code queryString} the part after the first {@code ?}
 *       ({@code ""} when there is none), both still percent-encoded; a fragment ({@code #...}),
 *       which clients must not send, is dropped. For an absolute-form target
 *       ({@code http://host/p?q}) {@code path} and {@code queryString} come from the URL; for
 *       {@code CONNECT host:port} (authority-form) {@code path} is {@code ""}; for {@code OPTIONS *}
 *       it is {@code "*"}.</li>
 *   <li>{@code contentLength} is the number of content bytes that follow the head: {@code 0} for
 *       a request without content, {@code -1} when {@code chunked} (length unknown in advance).</li>
 *   <li>{@code keepAlive}: the connection may carry another request after this one (HTTP/1.1
 *       unless {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive}).</li>
 *   <li>{@code expect100Continue}: an HTTP/1.1 request with {@code Expect: 100-continue}; the
 *       server should answer {@code 100 Continue} (or a final status) before reading the body.</li>
 *   <li>{@code upgrade}: the client asks to switch protocols ({@code Connection: upgrade} with an
 *       {@code Upgrade} header, HTTP/1.1 only) or the method is {@code CONNECT}. See
 *       {@code HttpRequestParser} for what happens to the bytes after such a request.</li>
 *   <li>{@code headers} is frozen when produced by the parser.</li>
 * </ul>
 *
 * <p>Immutable (given frozen headers) and therefore thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=heads}
 *
 * @param method the method, e.g. {@code "GET"} (case-sensitive; see {@link HttpMethod})
 * @param target the raw request-target
 * @param path the path part of the target, percent-encoded
 * @param queryString the query part of the target without the {@code ?}, or {@code ""}
 * @param version the protocol version
 * @param headers the header fields, in order
 * @param keepAlive whether the connection persists after this request
 * @param expect100Continue whether the client waits for {@code 100 Continue} before sending content
 * @param chunked whether the content uses the chunked transfer coding
 * @param contentLength content length in bytes; {@code 0} if none; {@code -1} if chunked
 * @param upgrade whether the client asks for a protocol switch or a CONNECT tunnel
 */
public record RequestHead(
        String method,
        String target,
        String path,
        String queryString,
        HttpVersion version,
        Headers headers,
        boolean keepAlive,
        boolean expect100Continue,
        boolean chunked,
        long contentLength,
        boolean upgrade) {

    /** Checks that no component is {@code null} and the length agrees with {@code chunked}. */
    public RequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(queryString, "queryString");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        if (chunked ? contentLength != -1 : contentLength < 0) {
            throw new IllegalArgumentException("contentLength must be -1 iff chunked, got "
                    + contentLength + " with chunked=" + chunked);
        }
    }

    /** @return whether content follows the head (chunked, or a positive length) */
    public boolean hasBody() {
        return chunked || contentLength > 0;
    }
}
