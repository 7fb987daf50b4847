/**
 * The HTTP/1.1 codec shared by the server and the client: bytes in, messages out, and back.
 * No I/O and no event loop, so everything here can be tested in memory.
 *
 * <ul>
 *   <li>{@link io.jasyncio.http.codec.HttpRequestParser} (server) and
 *       {@link io.jasyncio.http.codec.HttpResponseParser} (client): incremental push parsers
 *       reporting to an {@link io.jasyncio.http.codec.HttpMessageListener}; limits in
 *       {@link io.jasyncio.http.codec.HttpParserOptions}; failures as
 *       {@link io.jasyncio.http.codec.HttpParseException} with the status to answer.</li>
 *   <li>{@link io.jasyncio.http.codec.HttpWriter}: message heads and the chunked coding.</li>
 * </ul>
 *
 * <p>Every class here is single-threaded unless its documentation says otherwise: a codec object
 * belongs to one connection and is used from that connection's event loop thread.
 */
package io.jasyncio.http.codec;
