package io.jasyncio.net;

/**
 * A bidirectional stream transport (TCP or a Unix-domain socket): Python's
 * {@code asyncio.Transport}. Made by {@code loop.createConnection}, {@code loop.createServer} and
 * their Unix-socket variants; see {@link ReadTransport} and {@link WriteTransport} for the two
 * directions, and {@link BaseTransport} for the threading rule (loop context only).
 *
 * <p>Lifecycle: open → closing ({@link #close()}, {@link #abort()}, the peer's EOF without
 * half-open, or a fatal error) → closed, when the protocol's {@code connectionLost} has been called
 * and the socket is closed. A layer such as TLS wraps a transport by becoming its protocol
 * ({@link #setProtocol(BaseProtocol)}) and presenting its own {@code Transport} upward.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=protocol}
 */
public interface Transport extends ReadTransport, WriteTransport {
}
