package io.jasyncio.http.web;

/**
 * Receives one call per answered request, after its response is complete: aiohttp's
 * {@code AbstractAccessLogger}. {@link AccessLogFormat} makes one from an aiohttp/Apache-style
 * format string.
 *
 * <p>Called on the connection's event loop, in the request's task; it must not block (a logger
 * that writes to a slow sink should hand lines to another thread) and should not throw (what it
 * throws is logged and otherwise ignored). A site served by several loops calls one logger from
 * each loop's thread: it must then be thread-safe (those of {@link AccessLogFormat} are).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=accessLog}
 */
@FunctionalInterface
public interface AccessLogger {

    /**
     * @param request the request
     * @param response the response sent (prepared; possibly cut short if the client went away)
     * @param seconds seconds from the request head's arrival to the response's end
     */
    void log(Request request, StreamResponse response, double seconds);
}
