/**
 * <em>Internal</em>: TLS over any stream {@link io.jasyncio.net.Transport}, on
 * {@link javax.net.ssl.SSLEngine}; CPython's {@code sslproto.py} is the model. A
 * {@link io.jasyncio.internal.net.tls.TlsProtocol} sits between the socket transport (as its
 * protocol) and the application's protocol (to which it presents a
 * {@link io.jasyncio.internal.net.tls.TlsTransport}). {@link io.jasyncio.internal.net.tls.Tls}
 * wires it into {@code createConnection}, {@code createServer} and {@code startTls}. Not an API:
 * anything here may change.
 *
 * <p>Threads: everything runs in the loop's context except the engine's delegated tasks (see
 * {@link io.jasyncio.net.TlsOptions#handshakeExecutor(java.util.concurrent.Executor)}).
 */
package io.jasyncio.internal.net.tls;
