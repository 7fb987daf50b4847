package io.jasyncio.http.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.ResponseHead;
import io.jasyncio.http.cookie.Cookie;
import io.jasyncio.http.mime.MediaType;
import io.jasyncio.http.url.Url;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a request, as aiohttp's {@code ClientResponse}: the status line and headers are
 * here when {@code session.get(...)} returns; the body is read on demand with {@link #read()},
 * {@link #text()}, {@link #json(Class)} or, for large bodies, the stream {@link #content()}.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=response}
 *
 * <p><b>Releasing.</b> A response holds a connection and its pool slot until its body has been
 * read to the end (then the connection goes back to the pool at once) or it is
 * {@linkplain #close() closed}. Closing before the end of the body closes the connection, since
 * the rest of the body would have to be read first. Always use try-with-resources.
 *
 * <p><b>Body caching.</b> {@link #read()} keeps the body, so {@link #text()} and
 * {@link #json(Class)} may be called after it, and each other, any number of times.
 *
 * <p><b>Threads.</b> Loop-confined: use it from tasks of the session's loop. The status line,
 * headers and history are immutable.
 */
public final class ClientResponse implements AutoCloseable {

    private final RequestInfo requestInfo;
    private final ResponseHead head;
    private final ResponseContent content;
    private final ObjectMapper mapper;
    private List<ClientResponse> history = List.of();
    private byte[] body;
    private boolean closed;

    ClientResponse(RequestInfo requestInfo, ResponseHead head, ResponseContent content, ObjectMapper mapper) {
        this.requestInfo = requestInfo;
        this.head = head;
        this.content = content;
        this.mapper = mapper;
    }

    void history(List<ClientResponse> h) {
        this.history = List.copyOf(h);
    }

    // ---------------------------------------------------------------- status line and headers

    /** @return the status code, e.g. 200 */
    public int status() {
        return head.status();
    }

    /** @return the reason phrase as received, e.g. {@code OK}; possibly empty */
    public String reason() {
        return head.reason();
    }

    /** @return whether the status is below 400 (aiohttp's {@code ok}) */
    public boolean ok() {
        return head.status() < 400;
    }

    /** @return the protocol version of the response */
    public HttpVersion version() {
        return head.version();
    }

    /** @return the response's header fields, frozen */
    public Headers headers() {
        return head.headers();
    }

    /** @return the URL that answered (after redirects, the last one) */
    public Url url() {
        return requestInfo.url();
    }

    /** @return the method of the request that got this response */
    public String method() {
        return requestInfo.method();
    }

    /** @return the request that got this response */
    public RequestInfo requestInfo() {
        return requestInfo;
    }

    /** @return the redirect responses that led here, oldest first; empty if none */
    public List<ClientResponse> history() {
        return history;
    }

    /** @return the media type's essence, e.g. {@code text/html}; {@code application/octet-stream} if absent */
    public String contentType() {
        MediaType t = mediaType();
        return t == null ? "application/octet-stream" : t.essence();
    }

    /** @return the {@code charset} parameter of the {@code Content-Type}, if any and known */
    public Optional<Charset> charset() {
        MediaType t = mediaType();
        return t == null ? Optional.empty() : t.charset();
    }

    /** @return the {@code Content-Length} header's value, or -1 if absent or invalid */
    public long contentLength() {
        String v = head.headers().get("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @return the cookies this response set ({@code Set-Cookie} fields that parse), by name, in
     *     order; the session's cookie jar has already stored those its rules accept
     */
    public Map<String, Cookie> cookies() {
        Map<String, Cookie> out = new LinkedHashMap<>();
        for (String v : head.headers().getAll("Set-Cookie")) {
            Cookie.parseSetCookie(v).ifPresent(c -> out.put(c.name(), c));
        }
        return Collections.unmodifiableMap(out);
    }

    private MediaType mediaType() {
        String v = head.headers().get("Content-Type");
        if (v == null) {
            return null;
        }
        try {
            return MediaType.parse(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- body

    /** @return the body as a stream; see {@link ResponseContent} */
    public ResponseContent content() {
        return content;
    }

    /**
     * Reads the whole body (decoded) and keeps it.
     *
     * @return the body
     * @throws ClientPayloadError if it was cut short or corrupt
     * @throws ClientError for a timeout or a connection failure
     */
    public byte[] read() throws IOException {
        if (body == null) {
            body = content.read();
        }
        return body;
    }

    /**
     * Reads the body as text in the charset of its {@code Content-Type} (UTF-8 if none is given
     * or it is unknown); malformed input is replaced with U+FFFD.
     *
     * @return the text
     * @throws ClientError if the body cannot be read
     */
    public String text() throws IOException {
        return text(charset().orElse(StandardCharsets.UTF_8));
    }

    /**
     * @param charset the charset to decode with, whatever the headers say
     * @return the body as text
     * @throws ClientError if the body cannot be read
     */
    public String text(Charset charset) throws IOException {
        return new String(read(), charset);
    }

    /**
     * Reads the body as JSON into a value of {@code type} (use {@code Map.class},
     * {@code List.class} or {@code JsonNode.class} for untyped data) with the session's
     * Jackson mapper.
     *
     * @param type the class to bind to
     * @param <T> its type
     * @return the value, or {@code null} if the body is empty or only whitespace
     * @throws ContentTypeError if the {@code Content-Type} is not JSON ({@code application/json}
     *     or {@code +json})
     * @throws IOException if the body cannot be read or is not valid JSON for the type
     */
    public <T> T json(Class<T> type) throws IOException {
        String essence = contentType().toLowerCase(Locale.ROOT);
        if (!essence.equals("application/json") && !essence.endsWith("+json")) {
            close();
            throw new ContentTypeError(requestInfo, history, status(), head.headers().getOrDefault("Content-Type", ""),
                    head.headers());
        }
        byte[] b = read();
        if (new String(b, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        return mapper.readValue(b, type);
    }

    /**
     * Throws if the status is 400 or more (aiohttp's {@code raise_for_status}), releasing the
     * response first.
     *
     * @throws ClientResponseError naming the status, reason and URL
     */
    public void raiseForStatus() throws ClientResponseError {
        if (head.status() >= 400) {
            close();
            throw new ClientResponseError(requestInfo, history, head.status(), head.reason(), head.headers(), null);
        }
    }

    /** Same as {@link #close()} (aiohttp's {@code release}). */
    public void release() {
        close();
    }

    /**
     * Releases the connection: back to the pool if the body was read to the end, else closed.
     * Idempotent; never suspends. Reading the body afterwards fails, unless it was already read
     * whole with {@link #read()}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        content.abandon();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "<ClientResponse(" + requestInfo.url() + ") [" + head.status() + " " + head.reason() + "]>";
    }
}
