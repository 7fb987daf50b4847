/**
 * The WebSocket codec (RFC 6455, with permessage-deflate of RFC 7692) shared by the server's
 * {@code WebSocketResponse} and the client's {@code ClientSession.wsConnect}, and the open
 * connection built on it. The codec does no I/O and needs no event loop: bytes in, messages out,
 * and messages in, bytes out.
 *
 * <h2>How the server and the client use it</h2>
 * <ol>
 *   <li>Handshake. A server calls {@link io.jasyncio.http.ws.WsServerHandshake#accept} with the
 *       request's method and headers, answers 101 with
 *       {@link io.jasyncio.http.ws.WsServerHandshake#responseHeaders()} (or, on a
 *       {@link io.jasyncio.http.ws.WsHandshakeException}, with its status, headers and message).
 *       A client makes a {@link io.jasyncio.http.ws.WsClientHandshake}, sends its
 *       {@link io.jasyncio.http.ws.WsClientHandshake#requestHeaders()} and
 *       {@link io.jasyncio.http.ws.WsClientHandshake#verify verify}s the response.
 *   <li>Both get the agreed {@link io.jasyncio.http.ws.WsDeflateParams} (or null) and build, for
 *       their {@link io.jasyncio.http.ws.WsRole}, one {@link io.jasyncio.http.ws.WsFrameParser}
 *       fed with every byte read from the connection, and one
 *       {@link io.jasyncio.http.ws.WsFrameWriter} whose buffers are written to it.
 *   <li>On a {@link io.jasyncio.http.ws.WsProtocolException} from the parser, send
 *       {@code writer.encodeClose(e.closeCode(), e.closeReason())}, deliver an
 *       {@link io.jasyncio.http.ws.WsMsgType#ERROR} message and close the connection. The parser
 *       does not answer pings or closes itself: the WebSocket object does (aiohttp's
 *       {@code autoping} and closing handshake).
 * </ol>
 *
 * <h2>The open connection</h2>
 * On top of the codec, {@link io.jasyncio.http.ws.WebSocketConnection} is the open WebSocket of
 * either end (the {@link io.jasyncio.http.ws.WebSocket} API: receive, iterate, send, ping, close),
 * over a {@link io.jasyncio.http.ws.WsTransport} and configured by
 * {@link io.jasyncio.http.ws.WsSettings}. It does the steps above itself (autoping, the closing
 * handshake, failing on violations) and adds the heartbeat and flow control. It runs on an event
 * loop; the codec classes do not.
 *
 * <h2>Where this deviates, and why</h2>
 * <ul>
 *   <li>Window bits: {@link java.util.zip.Deflater} cannot compress with a window smaller than
 *       32 KiB, so this side's compressor always uses 15 bits. A server declines offers that ask it
 *       for fewer (RFC 7692 §7.1.2.1 allows declining), and a client never offers
 *       {@code client_max_window_bits}. Decompression handles any window the peer uses.
 *   <li>A close frame without a status code is reported with code 1005 (RFC 6455 §7.1.5), where
 *       aiohttp reports 0.
 *   <li>Bytes after a received close frame are ignored rather than parsed.
 * </ul>
 *
 * <p>Every class is single-threaded unless its comment says it is immutable.
 */
package io.jasyncio.http.ws;
