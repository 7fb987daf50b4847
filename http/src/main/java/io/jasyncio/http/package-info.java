/**
 * The HTTP model shared by the client, the server and the codecs: {@link io.jasyncio.http.Headers}
 * (a case-insensitive, ordered multimap), {@link io.jasyncio.http.HttpVersion},
 * {@link io.jasyncio.http.HttpMethod}, {@link io.jasyncio.http.HttpStatus},
 * {@link io.jasyncio.http.HeaderNames}, and the parsed message heads
 * {@link io.jasyncio.http.RequestHead} and {@link io.jasyncio.http.ResponseHead}.
 *
 * <p>Depends on the JDK only. The HTTP/1.1 parsers and writer live in
 * {@code io.jasyncio.http.codec}.
 */
package io.jasyncio.http;
