/**
 * Content codings (RFC 9110 §8.4): streaming {@link io.jasyncio.http.encoding.ContentDecoder}s
 * and {@link io.jasyncio.http.encoding.ContentEncoder}s for {@code gzip} and {@code deflate},
 * and {@link io.jasyncio.http.encoding.AcceptEncoding} negotiation.
 *
 * <p>Decoders and encoders take input in chunks of any size and hand output to a consumer in
 * chunks of bounded size, so neither side ever needs a whole body in memory. Decoders guard
 * against decompression bombs with a maximum decoded size. Only the JDK's {@code java.util.zip}
 * is used; {@code br} and {@code zstd} are not supported.
 *
 * <p>Coders are stateful and thread-confined; {@code AcceptEncoding} is immutable.
 */
package io.jasyncio.http.encoding;
