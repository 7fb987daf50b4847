package io.jasyncio.http.web;

import io.jasyncio.http.HttpStatus;
import io.jasyncio.http.cookie.Cookie;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Objects;

/**
 * A response with its whole body in memory: aiohttp's {@code web.Response} and
 * {@code web.json_response}. Return it from a handler; the server sends head and body together
 * (one write for small bodies).
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=response}
 *
 * <p>The body is framed by {@code Content-Length}; with {@link #enableCompression()} it is
 * compressed whole at prepare and the length is that of the compressed bytes. The setters return
 * {@code Response} so they chain. Confined to the request's task, and sent once, as any
 * {@link StreamResponse}.
 */
public class Response extends StreamResponse {

    private static final byte[] EMPTY = new byte[0];

    private byte[] body = EMPTY;

    /** A 200 response with an empty body. */
    public Response() {
        this(HttpStatus.OK);
    }

    /**
     * @param status the status code, 100-999
     */
    public Response(int status) {
        super(status);
    }

    /**
     * A text response: {@code text/plain; charset=utf-8}.
     *
     * @param text the body
     * @return a 200 response
     */
    public static Response text(String text) {
        return text(text, HttpStatus.OK);
    }

    /**
     * @param text the body (UTF-8)
     * @param status the status code
     * @return a response
     */
    public static Response text(String text, int status) {
        Response r = new Response(status);
        r.headers().set("Content-Type", "text/plain; charset=utf-8");
        r.body = text.getBytes(StandardCharsets.UTF_8);
        return r;
    }

    /**
     * @param text the body (UTF-8)
     * @param mediaType such as {@code text/html}; {@code charset=utf-8} is added
     * @return a 200 response
     */
    public static Response text(String text, String mediaType) {
        Response r = new Response(HttpStatus.OK);
        r.headers().set("Content-Type", mediaType + "; charset=utf-8");
        r.body = text.getBytes(StandardCharsets.UTF_8);
        return r;
    }

    /**
     * Binary content: {@code application/octet-stream}.
     *
     * @param body the body (not copied: do not change it afterwards)
     * @return a 200 response
     */
    public static Response bytes(byte[] body) {
        return bytes(body, "application/octet-stream");
    }

    /**
     * @param body the body (not copied)
     * @param contentType the full {@code Content-Type} value
     * @return a 200 response
     */
    public static Response bytes(byte[] body, String contentType) {
        Response r = new Response(HttpStatus.OK);
        r.headers().set("Content-Type", contentType);
        r.body = Objects.requireNonNull(body, "body");
        return r;
    }

    /**
     * A JSON response (Jackson): aiohttp's {@code web.json_response(data)}.
     *
     * @param value what to serialize
     * @return a 200 response, {@code application/json; charset=utf-8}
     * @throws IllegalArgumentException if Jackson cannot serialize it
     */
    public static Response json(Object value) {
        return json(value, HttpStatus.OK);
    }

    /**
     * @param value what to serialize
     * @param status the status code
     * @return a response
     */
    public static Response json(Object value, int status) {
        Response r = new Response(status);
        r.headers().set("Content-Type", "application/json; charset=utf-8");
        r.body = Json.write(value);
        return r;
    }

    /** @return the body (not a copy) */
    public byte[] body() {
        return body;
    }

    /** @return the body decoded with the content type's charset (UTF-8 if none or unknown) */
    public String text() {
        Charset cs = StandardCharsets.UTF_8;
        String name = charset();
        if (name != null) {
            try {
                cs = Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                cs = StandardCharsets.UTF_8;
            }
        }
        return new String(body, cs);
    }

    /**
     * @param body the new body (not copied)
     * @return this response
     */
    public Response setBody(byte[] body) {
        if (isPrepared()) {
            throw new IllegalStateException("the response is prepared: its body can no longer change");
        }
        this.body = Objects.requireNonNull(body, "body");
        return this;
    }

    /**
     * Sets a text body, encoded with the charset set (UTF-8 if none; {@code text/plain} if there
     * is no content type yet).
     *
     * @param text the new body
     * @return this response
     */
    public Response setText(String text) {
        if (!headers().contains("Content-Type")) {
            headers().set("Content-Type", "text/plain; charset=utf-8");
        } else if (charset() == null) {
            setCharset("utf-8");
        }
        Charset cs;
        try {
            cs = Charset.forName(charset());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown charset " + charset(), e);
        }
        return setBody(text.getBytes(cs));
    }

    @Override
    public void prepare(Request request) throws IOException {
        start(request, body);
    }

    // ---------------------------------------------------------------- chaining

    @Override
    public Response setStatus(int status) {
        super.setStatus(status);
        return this;
    }

    @Override
    public Response setStatus(int status, String reason) {
        super.setStatus(status, reason);
        return this;
    }

    @Override
    public Response setHeader(String name, String value) {
        super.setHeader(name, value);
        return this;
    }

    @Override
    public Response setContentType(String mediaType) {
        super.setContentType(mediaType);
        return this;
    }

    @Override
    public Response setCharset(String charset) {
        super.setCharset(charset);
        return this;
    }

    @Override
    public Response enableCompression() {
        super.enableCompression();
        return this;
    }

    @Override
    public Response enableCompression(String coding) {
        super.enableCompression(coding);
        return this;
    }

    @Override
    public Response setCookie(Cookie cookie) {
        super.setCookie(cookie);
        return this;
    }

    @Override
    public Response setCookie(String name, String value) {
        super.setCookie(name, value);
        return this;
    }

    @Override
    public Response delCookie(String name) {
        super.delCookie(name);
        return this;
    }

    @Override
    public Response forceClose() {
        super.forceClose();
        return this;
    }
}
