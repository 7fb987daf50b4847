/**
 * Networking: Python's transports and protocols ({@link io.jasyncio.net.Protocol},
 * {@link io.jasyncio.net.Transport}, {@link io.jasyncio.net.DatagramProtocol}, ...), made by the
 * loop's {@code createConnection}, {@code createServer}, {@code createUnixConnection},
 * {@code createUnixServer} and {@code createDatagramEndpoint}; and streams on top of them
 * ({@link io.jasyncio.net.Streams}, {@link io.jasyncio.net.StreamReader},
 * {@link io.jasyncio.net.StreamWriter}).
 *
 * <p>TLS: give {@link io.jasyncio.net.TlsOptions} (or an {@link javax.net.ssl.SSLContext}) to the
 * same calls, or upgrade an open connection with {@code loop.startTls} or
 * {@link io.jasyncio.net.StreamWriter#startTls(io.jasyncio.net.TlsOptions)}.
 *
 * <p>Which one to use: streams for application code (each connection is a task that reads and
 * writes in sequence, suspending as needed); protocols where every microsecond counts or where a
 * layer (TLS, HTTP) is built as callbacks.
 *
 * <p>Threads: everything here belongs to one event loop and is used from its context: its tasks,
 * and callbacks on its thread. Protocol callbacks always run on the loop thread. Errors are
 * {@link java.io.IOException}s whose messages name the address and what was being done.
 */
package io.jasyncio.net;
