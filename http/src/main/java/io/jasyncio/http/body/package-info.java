/**
 * Request and response bodies of forms: {@link io.jasyncio.http.body.UrlEncodedForm}
 * ({@code application/x-www-form-urlencoded}), the streaming
 * {@link io.jasyncio.http.body.MultipartParser} and the
 * {@link io.jasyncio.http.body.MultipartWriter} for {@code multipart/form-data} (RFC 7578 over
 * the RFC 2046 multipart syntax), as aiohttp's {@code FormData}, {@code MultipartReader} and
 * {@code MultipartWriter}.
 *
 * <p>Everything here is pure and loop-independent: the parser is pushed bytes as they arrive and
 * calls back with headers and body slices, and the writer is pulled for chunks. Neither ever holds
 * a whole file part in memory. Parsers, writers and handlers are stateful and thread-confined;
 * value types ({@link io.jasyncio.http.body.PartHeaders}, {@link io.jasyncio.http.body.MultipartLimits})
 * are immutable.
 */
package io.jasyncio.http.body;
