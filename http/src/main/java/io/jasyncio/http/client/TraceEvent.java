package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import io.jasyncio.http.url.Url;

/**
 * What a {@link TraceConfig} listener is told, one record per signal of aiohttp's
 * {@code TraceConfig}. Every record is immutable; listeners run on the session's loop, inside the
 * request, and should not suspend for long.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=trace}
 */
public sealed interface TraceEvent {

    /**
     * A request (or a redirect's follow-up request) is about to be sent.
     *
     * @param method the method
     * @param url the URL
     * @param headers the header fields to send, frozen
     */
    record RequestStart(String method, Url url, Headers headers) implements TraceEvent {}

    /**
     * The response head of the final request arrived.
     *
     * @param method the method
     * @param url the URL
     * @param headers the header fields sent
     * @param response the response
     */
    record RequestEnd(String method, Url url, Headers headers, ClientResponse response) implements TraceEvent {}

    /**
     * A redirect response arrived and will be followed.
     *
     * @param method the method
     * @param url the URL
     * @param headers the header fields sent
     * @param response the redirect response
     */
    record RequestRedirect(String method, Url url, Headers headers, ClientResponse response) implements TraceEvent {}

    /**
     * The request failed.
     *
     * @param method the method
     * @param url the URL
     * @param headers the header fields sent
     * @param exception the failure
     */
    record RequestException(String method, Url url, Headers headers, Throwable exception) implements TraceEvent {}

    /**
     * No pool slot was free: the request waits.
     *
     * @param key the server
     */
    record ConnectionQueuedStart(ConnectionKey key) implements TraceEvent {}

    /**
     * The wait for a pool slot ended (with a slot, or by failing).
     *
     * @param key the server
     */
    record ConnectionQueuedEnd(ConnectionKey key) implements TraceEvent {}

    /**
     * A new connection is being opened.
     *
     * @param key the server
     */
    record ConnectionCreateStart(ConnectionKey key) implements TraceEvent {}

    /**
     * A new connection is open.
     *
     * @param key the server
     */
    record ConnectionCreateEnd(ConnectionKey key) implements TraceEvent {}

    /**
     * An idle pooled connection is reused.
     *
     * @param key the server
     */
    record ConnectionReuseconn(ConnectionKey key) implements TraceEvent {}
}
