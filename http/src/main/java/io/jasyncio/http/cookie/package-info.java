/**
 * HTTP cookies by RFC 6265: {@link io.jasyncio.http.cookie.Cookie} (one cookie with its
 * attributes, parsed leniently from {@code Set-Cookie} and formatted strictly),
 * {@link io.jasyncio.http.cookie.CookieHeader} (the request {@code Cookie} header),
 * {@link io.jasyncio.http.cookie.CookieDate} (the §5.1.1 date algorithm) and
 * {@link io.jasyncio.http.cookie.CookieJar} (the client's store, aiohttp's {@code CookieJar}).
 *
 * <p>Everything is loop-independent. {@code Cookie} and the parsers are immutable or stateless
 * and thread-safe; a {@code CookieJar} is thread-confined (use it from its session's loop thread).
 */
package io.jasyncio.http.cookie;
