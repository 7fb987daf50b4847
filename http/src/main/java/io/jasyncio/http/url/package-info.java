/**
 * URLs and query strings: {@link io.jasyncio.http.url.Url} (an immutable RFC 3986 URI reference
 * with reference resolution for redirects), {@link io.jasyncio.http.url.Query} (an ordered
 * multimap of query or form fields) and {@link io.jasyncio.http.url.PercentCodec}.
 *
 * <p>The Python names map as: yarl {@code URL} → {@code Url}; {@code URL.query} (a
 * {@code MultiDictProxy}) → {@code Query}; {@code urllib.parse.quote/unquote} →
 * {@code PercentCodec}. Everything here is pure and loop-independent; all public types are
 * immutable or stateless and safe to share between threads.
 */
package io.jasyncio.http.url;
