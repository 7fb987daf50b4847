package io.jasyncio.http.web;

import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpStatus;

/**
 * An HTTP error or redirect raised by a handler or middleware: aiohttp's {@code web.HTTPException}.
 * Throw it anywhere in a handler ({@code throw new HTTPNotFound()}), or turn it into a response to
 * return with {@link #toResponse()}; the server answers it with its status, headers and text body.
 *
 * <p>Subclasses carry aiohttp's names: {@link HTTPRedirection} (3xx, with a {@code Location}),
 * {@link HTTPClientError} (4xx) and {@link HTTPServerError} (5xx), and one class per status, such
 * as {@link HTTPNotFound} or {@link HTTPFound}. For a status without a class, use
 * {@code new HttpException(status, text)}.
 *
 * <p>The body is text ({@code text/plain; charset=utf-8}); by default {@code "404: Not Found"}, as
 * aiohttp writes it. Statuses that have no content (204, 304) have an empty body.
 *
 * <p>It is unchecked, so it passes through code that cannot declare it, and it records no stack
 * trace (it is control flow, and cheap to throw). Its headers are mutable until it is answered;
 * confine an instance to the task that throws it.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=httpException}
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;
    private final String text;
    private final transient Headers headers = new Headers(4);

    /**
     * @param status the status, 200-599
     */
    public HttpException(int status) {
        this(status, null);
    }

    /**
     * @param status the status, 200-599
     * @param text the response body, or {@code null} for {@code "<status>: <reason>"}
     */
    public HttpException(int status, String text) {
        this(status, null, text, null);
    }

    /**
     * @param status the status, 200-599
     * @param reason the reason phrase, or {@code null} for the registered one
     * @param text the response body, or {@code null} for {@code "<status>: <reason>"}
     * @param cause what caused it, or {@code null}; logged only, never sent
     */
    public HttpException(int status, String reason, String text, Throwable cause) {
        super(null, cause, true, false);
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("an HTTP exception needs a status from 200 to 599, got " + status);
        }
        this.status = status;
        this.reason = reason != null ? reason : HttpStatus.reasonPhrase(status);
        this.text = text != null ? text : hasNoContent(status) ? "" : status + ": " + this.reason;
    }

    private static boolean hasNoContent(int status) {
        return status == HttpStatus.NO_CONTENT || status == HttpStatus.NOT_MODIFIED;
    }

    /** @return the status code */
    public int status() {
        return status;
    }

    /** @return the reason phrase */
    public String reason() {
        return reason;
    }

    /** @return the response body text */
    public String text() {
        return text;
    }

    /** @return the response headers to send (mutable): add {@code WWW-Authenticate}, {@code Retry-After}, ... */
    public Headers headers() {
        return headers;
    }

    /**
     * Adds a response header.
     *
     * @param name the field name
     * @param value the field value
     * @return this exception
     */
    public HttpException withHeader(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /**
     * @return a new response with this status, reason, headers and body, to return from a handler
     *     instead of throwing
     */
    public Response toResponse() {
        Response r = hasNoContent(status) ? new Response(status) : Response.text(text, status);
        r.setStatus(status, reason);
        for (int i = 0; i < headers.size(); i++) {
            r.headers().add(headers.name(i), headers.value(i));
        }
        return r;
    }

    @Override
    public String getMessage() {
        return status + ": " + reason;
    }
}
