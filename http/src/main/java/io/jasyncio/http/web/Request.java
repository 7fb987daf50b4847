package io.jasyncio.http.web;

import io.jasyncio.Task;
import io.jasyncio.http.HeaderNames;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import io.jasyncio.http.body.BodyLimitException;
import io.jasyncio.http.body.MultipartException;
import io.jasyncio.http.body.MultipartHandler;
import io.jasyncio.http.body.MultipartParser;
import io.jasyncio.http.body.UrlEncodedForm;
import io.jasyncio.http.cookie.CookieHeader;
import io.jasyncio.http.mime.MediaType;
import io.jasyncio.http.url.Query;
import io.jasyncio.http.url.Url;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An HTTP request as a handler sees it: aiohttp's {@code web.Request}. The head (method, path,
 * query, headers, cookies) is parsed and available at once; the content is read on demand, as a
 * whole ({@link #read()}, {@link #text()}, {@link #json(Class)}, {@link #post()}) or as a stream
 * ({@link #content()}, {@link #multipart(MultipartHandler)}).
 *
 * <h2>Limits</h2>
 * The whole-content readers accept at most {@link Application#clientMaxSize()} bytes (1 MiB by
 * default) and throw {@link HTTPRequestEntityTooLarge} beyond it, before reading anything when a
 * {@code Content-Length} already says so. {@link #post()} applies it to the sum of all parts,
 * files included; files go to temporary files, never to memory. The streaming readers have no
 * limit. Malformed forms and JSON throw {@link HTTPBadRequest}.
 *
 * <h2>Paths</h2>
 * {@link #path()} is percent-decoded (UTF-8); {@link #rawPath()} is as received. Routes match the
 * decoded path with {@code %2F} kept encoded, so {@link #matchInfo(String)} values may contain
 * {@code /}.
 *
 * <h2>Threads</h2>
 * Confined to the request's task on its connection's loop: read it there (the readers suspend
 * that task). {@link #state()} is per request, for middlewares to pass values to handlers.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=request}
 */
public final class Request {

    private static final Set<String> POST_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE, HttpMethod.TRACE);

    private final Exchange exchange;
    private final RequestHead head;
    private final Application root;
    private final String safePath;
    private Application currentApp;
    private MatchInfo matchInfo;
    private String path;
    private Query query;
    private Map<String, String> cookies;
    private Map<String, Object> state;
    private BodyStream content;
    private byte[] bytes;
    private Form form;
    private List<Path> tempFiles;

    Request(Exchange exchange, RequestHead head, Application root) {
        this.exchange = exchange;
        this.head = head;
        this.root = root;
        this.currentApp = root;
        this.safePath = PathDecoding.safe(head.path());
    }

    // ---------------------------------------------------------------- head

    /** @return the method, such as {@code GET} */
    public String method() {
        return head.method();
    }

    /** @return the request-target as received, such as {@code /a%20b?x=1} */
    public String target() {
        return head.target();
    }

    /** @return the path, percent-decoded: aiohttp's {@code request.path} */
    public String path() {
        String p = path;
        if (p == null) {
            p = PathDecoding.full(head.path());
            path = p;
        }
        return p;
    }

    /** @return the path as received (percent-encoded): aiohttp's {@code request.raw_path} */
    public String rawPath() {
        return head.path();
    }

    String safePath() {
        return safePath;
    }

    /** @return the query string without {@code ?}, as received ({@code ""} if none) */
    public String queryString() {
        return head.queryString();
    }

    /** @return the decoded query: aiohttp's {@code request.query} */
    public Query query() {
        Query q = query;
        if (q == null) {
            q = head.queryString().isEmpty() ? Query.empty() : Query.parse(head.queryString());
            query = q;
        }
        return q;
    }

    /** @return the protocol version of the request */
    public HttpVersion version() {
        return head.version();
    }

    /** @return the header fields (frozen) */
    public Headers headers() {
        return head.headers();
    }

    /**
     * @param name a field name (any case)
     * @return its first value, or {@code null}
     */
    public String header(String name) {
        return head.headers().get(name);
    }

    /** @return the parsed head, as the codec produced it */
    public RequestHead head() {
        return head;
    }

    /** @return whether the client asked to keep the connection open after this request */
    public boolean keepAlive() {
        return head.keepAlive();
    }

    /** @return the {@code Host} header, or the local address if there is none */
    public String host() {
        String h = head.headers().get(HeaderNames.HOST);
        if (h != null) {
            return h;
        }
        SocketAddress local = exchange.connection().transport().localAddress();
        if (local instanceof InetSocketAddress in) {
            return in.getHostString() + ":" + in.getPort();
        }
        return "localhost";
    }

    /** @return {@code https} over TLS, else {@code http} */
    public String scheme() {
        return secure() ? "https" : "http";
    }

    /** @return whether the connection is encrypted */
    public boolean secure() {
        return exchange.connection().transport().isSecure();
    }

    /**
     * @return the absolute URL of the request: scheme, {@code Host}, target
     * @throws HTTPBadRequest if the {@code Host} or target do not form a URL
     */
    public Url url() {
        String t = head.target();
        try {
            return t.startsWith("/") ? Url.parse(scheme() + "://" + host() + t) : Url.parse(t);
        } catch (IllegalArgumentException e) {
            throw new HTTPBadRequest("400: Bad Request\ninvalid URL: " + e.getMessage());
        }
    }

    /** @return the cookies the client sent, by name (the first of repeated names) */
    public Map<String, String> cookies() {
        Map<String, String> c = cookies;
        if (c == null) {
            List<String> all = head.headers().getAll(HeaderNames.COOKIE);
            c = all.isEmpty() ? Map.of() : CookieHeader.parse(String.join("; ", all));
            cookies = c;
        }
        return c;
    }

    /** @return the media type of the content without parameters; {@code application/octet-stream} if none */
    public String contentType() {
        String ct = head.headers().get(HeaderNames.CONTENT_TYPE);
        if (ct == null) {
            return "application/octet-stream";
        }
        try {
            return MediaType.parse(ct).essence();
        } catch (IllegalArgumentException e) {
            return "application/octet-stream";
        }
    }

    /** @return the content's charset, if {@code Content-Type} names a known one */
    public Optional<Charset> charset() {
        String ct = head.headers().get(HeaderNames.CONTENT_TYPE);
        if (ct == null) {
            return Optional.empty();
        }
        try {
            return MediaType.parse(ct).charset();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the content length if known in advance (absent for chunked content) */
    public OptionalLong contentLength() {
        return head.chunked() ? OptionalLong.empty() : OptionalLong.of(head.contentLength());
    }

    /** @return whether the request has content: aiohttp's {@code body_exists} */
    public boolean hasBody() {
        return head.hasBody();
    }

    /** @return whether content remains to be read: aiohttp's {@code can_read_body} */
    public boolean canReadBody() {
        return head.hasBody() && !content().atEof();
    }

    // ---------------------------------------------------------------- routing and context

    /**
     * @param name a path parameter of the matched route: aiohttp's {@code request.match_info[name]}
     * @return its decoded value
     * @throws java.util.NoSuchElementException if the route has no such parameter
     */
    public String matchInfo(String name) {
        return matchInfo().get(name);
    }

    /** @return the router's match for this request */
    public MatchInfo matchInfo() {
        if (matchInfo == null) {
            throw new IllegalStateException("the request has not been routed yet");
        }
        return matchInfo;
    }

    void setMatchInfo(MatchInfo m) {
        matchInfo = m;
    }

    /**
     * @return the application handling the request: the sub-application that owns the route
     *     while its middlewares and handler run, the root application in the root's middlewares
     */
    public Application app() {
        return currentApp;
    }

    void setCurrentApp(Application app) {
        currentApp = app;
    }

    /** @return the request's own state, for middlewares to hand values to handlers: aiohttp's {@code request[key]} */
    public Map<String, Object> state() {
        Map<String, Object> s = state;
        if (s == null) {
            s = new HashMap<>();
            state = s;
        }
        return s;
    }

    /** @return the peer's IP address as text, or {@code null} (Unix sockets): aiohttp's {@code remote} */
    public String remote() {
        SocketAddress a = remoteAddress();
        if (a instanceof InetSocketAddress in) {
            return in.getAddress() != null ? in.getAddress().getHostAddress() : in.getHostString();
        }
        return null;
    }

    /** @return the peer's address, or {@code null} if unknown */
    public SocketAddress remoteAddress() {
        return exchange.connection().transport().remoteAddress();
    }

    /** @return the task running this request's handler */
    public Task<?> task() {
        return exchange.task();
    }

    Exchange exchange() {
        return exchange;
    }

    // ---------------------------------------------------------------- content

    /**
     * @return the content as a stream: aiohttp's {@code request.content}. Reading it this way
     *     has no size limit.
     */
    public BodyStream content() {
        BodyStream c = content;
        if (c == null) {
            c = exchange.body();
            if (c == null) {
                c = BodyStream.empty(exchange.connection().loop());
            }
            content = c;
        }
        return c;
    }

    /**
     * Reads the whole content: aiohttp's {@code await request.read()}. Later calls return the same
     * bytes.
     *
     * @return the content (empty if none)
     * @throws HTTPRequestEntityTooLarge if it exceeds {@link Application#clientMaxSize()}
     * @throws IOException if the content is malformed or the client went away
     */
    public byte[] read() throws IOException {
        if (bytes != null) {
            return bytes;
        }
        long max = root.clientMaxSize();
        if (max > 0 && !head.chunked() && head.contentLength() > max) {
            throw new HTTPRequestEntityTooLarge(max, head.contentLength());
        }
        BodyStream in = content();
        // Pre-size from Content-Length, but never trust it for more than 1 MiB up front.
        byte[] out = new byte[head.chunked() ? 8192 : (int) Math.min(head.contentLength(), 1 << 20)];
        int len = 0;
        while (true) {
            byte[] part = in.readAny();
            if (part.length == 0) {
                break;
            }
            if (max > 0 && len + (long) part.length > max) {
                throw new HTTPRequestEntityTooLarge(max, len + (long) part.length);
            }
            if (len + part.length > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(len + part.length, out.length * 2));
            }
            System.arraycopy(part, 0, out, len, part.length);
            len += part.length;
        }
        bytes = len == out.length ? out : java.util.Arrays.copyOf(out, len);
        return bytes;
    }

    /**
     * @return the content decoded with its charset (UTF-8 if none or unknown): aiohttp's {@code text()}
     * @throws HTTPRequestEntityTooLarge if it exceeds {@link Application#clientMaxSize()}
     * @throws IOException if the content is malformed or the client went away
     */
    public String text() throws IOException {
        return new String(read(), charset().orElse(StandardCharsets.UTF_8));
    }

    /**
     * Reads the content as JSON (Jackson): aiohttp's {@code await request.json()}.
     *
     * @param type the class to read into ({@code JsonNode.class} or {@code Map.class} for any)
     * @param <T> the type
     * @return the value
     * @throws HTTPBadRequest if the content is not valid JSON for the type
     * @throws HTTPRequestEntityTooLarge if it exceeds {@link Application#clientMaxSize()}
     * @throws IOException if the content is malformed or the client went away
     */
    public <T> T json(Class<T> type) throws IOException {
        return Json.read(read(), type);
    }

    /**
     * Reads a submitted form: aiohttp's {@code await request.post()}. Handles
     * {@code application/x-www-form-urlencoded} and {@code multipart/form-data} (files go to
     * temporary files, deleted when the handler finishes); for other content types, and for
     * methods other than POST, PUT, PATCH, DELETE and TRACE, the form is empty. Later calls return
     * the same form.
     *
     * @return the form
     * @throws HTTPBadRequest if the form is malformed
     * @throws HTTPRequestEntityTooLarge if it exceeds {@link Application#clientMaxSize()}
     * @throws IOException if the content is malformed or the client went away
     */
    public Form post() throws IOException {
        if (form != null) {
            return form;
        }
        if (!POST_METHODS.contains(head.method())) {
            form = Form.EMPTY;
            return form;
        }
        String type = contentType();
        if (type.equals(UrlEncodedForm.CONTENT_TYPE)) {
            try {
                form = new Form(UrlEncodedForm.decode(read(), charset().orElse(StandardCharsets.UTF_8),
                        UrlEncodedForm.DEFAULT_MAX_FIELDS), List.of());
            } catch (BodyLimitException e) {
                throw new HTTPRequestEntityTooLarge(e.getMessage());
            }
        } else if (type.equals("multipart/form-data")) {
            long max = root.clientMaxSize();
            if (max > 0 && !head.chunked() && head.contentLength() > max) {
                throw new HTTPRequestEntityTooLarge(max, head.contentLength());
            }
            FormCollector collector = new FormCollector(this, max);
            try {
                streamMultipart(collector);
            } catch (BodyLimitException e) {
                throw new HTTPRequestEntityTooLarge(e.getMessage());
            } finally {
                collector.abort();
            }
            form = collector.form();
        } else {
            form = Form.EMPTY;
        }
        return form;
    }

    /**
     * Streams a {@code multipart/*} content through a handler, part by part, as it arrives:
     * aiohttp's {@code request.multipart()}. Nothing is held whole and no size limit applies.
     *
     * @param handler receives the parts
     * @throws HTTPBadRequest if the content is not well-formed multipart
     * @throws IOException what the handler throws, or if the client went away
     */
    public void multipart(MultipartHandler handler) throws IOException {
        streamMultipart(handler);
    }

    private void streamMultipart(MultipartHandler handler) throws IOException {
        String ct = head.headers().get(HeaderNames.CONTENT_TYPE);
        try {
            MultipartParser parser = MultipartParser.forContentType(ct == null ? "" : ct, handler);
            BodyStream in = content();
            while (true) {
                byte[] part = in.readAny();
                if (part.length == 0) {
                    break;
                }
                parser.feed(part);
            }
            parser.finish();
        } catch (MultipartException e) {
            throw new HTTPBadRequest("400: Bad Request\n" + e.getMessage());
        }
    }

    void addTempFile(Path file) {
        if (tempFiles == null) {
            tempFiles = new ArrayList<>(2);
        }
        tempFiles.add(file);
    }

    /** Deletes the temporary files of uploaded form parts. */
    void cleanup() {
        if (tempFiles == null) {
            return;
        }
        for (Path p : tempFiles) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | SecurityException e) {
                System.getLogger("io.jasyncio.http.web").log(System.Logger.Level.WARNING,
                        "could not delete the upload's temporary file " + p + ": " + e);
            }
        }
        tempFiles = null;
    }

    @Override
    public String toString() {
        return "<Request " + head.method() + " " + head.target() + " " + head.version().text().toLowerCase(Locale.ROOT) + ">";
    }
}
