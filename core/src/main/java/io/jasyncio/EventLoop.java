package io.jasyncio;

import io.jasyncio.internal.loop.SelectorEventLoop;
import io.jasyncio.internal.net.tls.Tls;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.DatagramOptions;
import io.jasyncio.net.DatagramProtocol;
import io.jasyncio.net.DatagramTransport;
import io.jasyncio.net.Server;
import io.jasyncio.net.ServerOptions;
import io.jasyncio.net.TlsOptions;
import io.jasyncio.net.Transport;
import io.jasyncio.net.TransportAndProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An event loop: Python's {@code asyncio.AbstractEventLoop}. It runs callbacks, timers, I/O
 * callbacks and task steps, one at a time, on one thread that it owns (a platform thread on the
 * fast engine; a virtual thread on the fallback engine, see docs/ENGINE.md), over one
 * {@link java.nio.channels.Selector}.
 *
 * <p><b>Threads.</b> {@link #runForever()} and {@link #runUntilComplete(Future)} start the loop on
 * its own thread and make the caller wait for it (the loop never runs a task while its thread
 * holds a monitor, which a caller's thread might). Everything else that schedules work must be
 * called from the loop's context (its thread or one of its tasks), except
 * {@link #callSoonThreadsafe(Runnable)}, {@link #stop()}, {@link #time()} and
 * {@link #isRunning()}/{@link #isClosed()}. A loop that is not running may be prepared from the
 * thread that will run it, as in Python ({@code loop.create_task(...)} before
 * {@code run_until_complete}). In debug mode, a non-thread-safe call from a foreign thread while
 * the loop runs throws; otherwise it is routed through the thread-safe path.
 *
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=eventLoop}
 */
public interface EventLoop extends AutoCloseable {

    /** @return a new loop on the system clock: Python's {@code asyncio.new_event_loop()} */
    static EventLoop create() {
        return new SelectorEventLoop(Clock.SYSTEM);
    }

    /**
     * @param clock the time source the loop schedules by (a virtual clock in tests)
     * @return a new loop on that clock
     */
    static EventLoop create(Clock clock) {
        return new SelectorEventLoop(clock);
    }

    /** @return the loop's current time in seconds (monotonic, arbitrary origin) */
    double time();

    /**
     * Schedules a callback to run on the next iteration, after those already scheduled (FIFO).
     *
     * @param callback what to run
     * @return a handle that can cancel it
     */
    Handle callSoon(Runnable callback);

    /**
     * Like {@link #callSoon(Runnable)}, callable from any thread; wakes the loop if it is waiting.
     *
     * @param callback what to run
     * @return a handle that can cancel it
     */
    Handle callSoonThreadsafe(Runnable callback);

    /**
     * @param delaySeconds how long from now; zero or negative means on the next iteration
     * @param callback what to run
     * @return a handle that can cancel it
     */
    TimerHandle callLater(double delaySeconds, Runnable callback);

    /**
     * @param delay how long from now
     * @param callback what to run
     * @return a handle that can cancel it
     */
    TimerHandle callLater(Duration delay, Runnable callback);

    /**
     * @param whenSeconds an absolute time on the {@link #time()} scale
     * @param callback what to run
     * @return a handle that can cancel it
     */
    TimerHandle callAt(double whenSeconds, Runnable callback);

    /** Runs the loop until {@link #stop()} is called; the caller waits. */
    void runForever();

    /**
     * Runs the loop until the future is done and returns its result.
     *
     * @param future a future of this loop
     * @param <T> the result type
     * @return the future's result
     * @throws Exception the future's exception, unchanged
     */
    <T> T runUntilComplete(Future<T> future) throws Exception;

    /**
     * Wraps the coroutine in a task and runs the loop until it is done.
     *
     * @param coroutine the main coroutine
     * @param <T> the result type
     * @return its result
     * @throws Exception its exception, unchanged
     */
    <T> T runUntilComplete(Coroutine<T> coroutine) throws Exception;

    /**
     * Wraps the value-less coroutine in a task and runs the loop until it is done.
     *
     * @param coroutine the main coroutine
     * @throws Exception its exception, unchanged
     */
    void runUntilComplete(VoidCoroutine coroutine) throws Exception;

    /** Stops the loop after the current iteration. Safe from any thread. */
    void stop();

    /** Closes the loop: discards pending callbacks and releases the selector. Fails if running. */
    @Override
    void close();

    /** @return whether the loop is running */
    boolean isRunning();

    /** @return whether the loop has been closed */
    boolean isClosed();

    /**
     * @param <T> the result type
     * @return a new pending future of this loop: {@code loop.create_future()}
     */
    <T> Future<T> createFuture();

    /**
     * @param coroutine the task's body
     * @param <T> the result type
     * @return a new task, scheduled to start on the next iteration
     */
    <T> Task<T> createTask(Coroutine<T> coroutine);

    /**
     * @param coroutine the task's body
     * @param name the task's name (also its thread's name)
     * @param <T> the result type
     * @return a new task, scheduled to start on the next iteration
     */
    <T> Task<T> createTask(Coroutine<T> coroutine, String name);

    /**
     * @param coroutine the task's body
     * @return a new task, scheduled to start on the next iteration
     */
    Task<Void> createTask(VoidCoroutine coroutine);

    /**
     * @param coroutine the task's body
     * @param name the task's name
     * @return a new task, scheduled to start on the next iteration
     */
    Task<Void> createTask(VoidCoroutine coroutine, String name);

    /** @return the tasks of this loop that are not done yet */
    Set<Task<?>> allTasks();

    /** @param handler the new exception handler, or {@code null} for the default one */
    void setExceptionHandler(ExceptionHandler handler);

    /** @return the exception handler, or {@code null} when the default one is in use */
    ExceptionHandler getExceptionHandler();

    /** @param context what happened, with at least {@code "message"}; goes to the handler */
    void callExceptionHandler(Map<String, Object> context);

    /** @param context what happened; logged with its context */
    void defaultExceptionHandler(Map<String, Object> context);

    /** @param enabled whether debug mode is on: slow callbacks reported, thread checks strict */
    void setDebug(boolean enabled);

    /** @return whether debug mode is on */
    boolean getDebug();

    /** @param seconds the duration above which debug mode reports a callback or task step */
    void setSlowCallbackDuration(double seconds);

    /** @return the slow-callback threshold in seconds (0.1 by default) */
    double getSlowCallbackDuration();

    /** @return the name of the task engine this loop runs tasks on ({@code fast} or {@code fallback}) */
    String engineName();

    // ---- networking
    // Each method below suspends the calling task (Python's coroutine methods): call it from a
    // task of this loop. Failures are IOExceptions whose messages name the address.

    /**
     * Opens a TCP connection: {@code loop.create_connection(protocol_factory, host, port)}. The
     * host is resolved off the loop thread (IP literals are parsed at once); its addresses are
     * tried in turn; the protocol's {@code connectionMade} has run when this returns.
     *
     * @param protocolFactory makes the protocol (a {@code Protocol} or {@code BufferedProtocol})
     * @param host a host name or IP literal
     * @param port the port
     * @param options timeout, local address, family, TCP_NODELAY
     * @param <P> the protocol type
     * @return the transport and the protocol
     * @throws IOException {@link java.net.ConnectException} when refused,
     *     {@link java.net.UnknownHostException}, {@link java.net.SocketTimeoutException} on timeout
     */
    <P extends BaseProtocol> TransportAndProtocol<Transport, P> createConnection(Supplier<P> protocolFactory,
            String host, int port, ConnectOptions options) throws IOException;

    /**
     * {@link #createConnection(Supplier, String, int, ConnectOptions)} with default options.
     *
     * @param protocolFactory makes the protocol
     * @param host a host name or IP literal
     * @param port the port
     * @param <P> the protocol type
     * @return the transport and the protocol
     * @throws IOException when the connection cannot be made
     */
    default <P extends BaseProtocol> TransportAndProtocol<Transport, P> createConnection(Supplier<P> protocolFactory,
            String host, int port) throws IOException {
        return createConnection(protocolFactory, host, port, ConnectOptions.defaults());
    }

    /**
     * Listens for TCP connections: {@code loop.create_server(protocol_factory, host, port)}. Each
     * accepted connection gets a new protocol from the factory.
     *
     * @param protocolFactory makes a protocol per connection
     * @param host a host name or IP literal; {@code null} or {@code ""} for all interfaces
     * @param port the port; 0 lets the kernel choose (see {@link Server#port()})
     * @param options backlog, SO_REUSEADDR/SO_REUSEPORT, family, ...
     * @return the server, serving unless told otherwise
     * @throws IOException {@link java.net.BindException} naming the address, for example
     */
    Server createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port, ServerOptions options)
            throws IOException;

    /**
     * {@link #createServer(Supplier, String, int, ServerOptions)} with default options.
     *
     * @param protocolFactory makes a protocol per connection
     * @param host a host, or {@code null} for all interfaces
     * @param port the port, 0 for any
     * @return the server
     * @throws IOException when the server cannot listen
     */
    default Server createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port)
            throws IOException {
        return createServer(protocolFactory, host, port, ServerOptions.defaults());
    }

    /**
     * Connects to a Unix-domain socket: {@code loop.create_unix_connection(protocol_factory, path)}.
     *
     * @param protocolFactory makes the protocol
     * @param path the socket file
     * @param options the connect timeout applies
     * @param <P> the protocol type
     * @return the transport and the protocol
     * @throws IOException when the connection cannot be made (naming the path)
     */
    <P extends BaseProtocol> TransportAndProtocol<Transport, P> createUnixConnection(Supplier<P> protocolFactory,
            Path path, ConnectOptions options) throws IOException;

    /**
     * {@link #createUnixConnection(Supplier, Path, ConnectOptions)} with default options.
     *
     * @param protocolFactory makes the protocol
     * @param path the socket file
     * @param <P> the protocol type
     * @return the transport and the protocol
     * @throws IOException when the connection cannot be made
     */
    default <P extends BaseProtocol> TransportAndProtocol<Transport, P> createUnixConnection(
            Supplier<P> protocolFactory, Path path) throws IOException {
        return createUnixConnection(protocolFactory, path, ConnectOptions.defaults());
    }

    /**
     * Listens on a Unix-domain socket: {@code loop.create_unix_server(protocol_factory, path)}. A
     * stale socket file at {@code path} is removed first; the file is removed again on close.
     *
     * @param protocolFactory makes a protocol per connection
     * @param path the socket file
     * @param options backlog, start serving, cleanup
     * @return the server
     * @throws IOException when the server cannot listen
     */
    Server createUnixServer(Supplier<? extends BaseProtocol> protocolFactory, Path path, ServerOptions options)
            throws IOException;

    /**
     * {@link #createUnixServer(Supplier, Path, ServerOptions)} with default options.
     *
     * @param protocolFactory makes a protocol per connection
     * @param path the socket file
     * @return the server
     * @throws IOException when the server cannot listen
     */
    default Server createUnixServer(Supplier<? extends BaseProtocol> protocolFactory, Path path) throws IOException {
        return createUnixServer(protocolFactory, path, ServerOptions.defaults());
    }

    /**
     * Opens a UDP endpoint: {@code loop.create_datagram_endpoint(protocol_factory, local_addr,
     * remote_addr)}. With a remote address the socket is connected: it receives only from that
     * peer, and {@code sendto(data)} needs no address.
     *
     * @param protocolFactory makes the protocol
     * @param localAddr where to bind (port 0 for any), or {@code null}
     * @param remoteAddr the peer to connect to, or {@code null}
     * @param options family, SO_REUSEPORT, SO_BROADCAST
     * @param <P> the protocol type
     * @return the transport and the protocol
     * @throws IOException when the socket cannot be bound or connected
     */
    <P extends DatagramProtocol> TransportAndProtocol<DatagramTransport, P> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress localAddr, InetSocketAddress remoteAddr,
            DatagramOptions options) throws IOException;

    /**
     * {@link #createDatagramEndpoint(Supplier, InetSocketAddress, InetSocketAddress, DatagramOptions)}
     * with default options.
     *
     * @param protocolFactory makes the protocol
     * @param localAddr where to bind, or {@code null}
     * @param remoteAddr the peer, or {@code null}
     * @param <P> the protocol type
     * @return the transport and the protocol
     * @throws IOException when the socket cannot be bound or connected
     */
    default <P extends DatagramProtocol> TransportAndProtocol<DatagramTransport, P> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress localAddr, InetSocketAddress remoteAddr) throws IOException {
        return createDatagramEndpoint(protocolFactory, localAddr, remoteAddr, DatagramOptions.defaults());
    }

    // ---- TLS (javax.net.ssl.SSLEngine over this loop's sockets; see TlsOptions)

    /**
     * Opens a TLS connection: {@code loop.create_connection(protocol_factory, host, port, ssl=...)}.
     * Connects, then handshakes (verifying the server's certificate and, unless turned off, that it
     * is for {@code host} or the options' server host name); the protocol's {@code connectionMade}
     * has run, with the TLS transport, when this returns.
     *
     * @param protocolFactory makes the protocol (a {@code Protocol} or {@code BufferedProtocol})
     * @param host a host name or IP literal
     * @param port the port
     * @param options timeout, local address, family, TCP_NODELAY
     * @param tls the TLS options, or {@code null} for a plain connection
     * @param <P> the protocol type
     * @return the TLS transport and the protocol
     * @throws IOException as the plain form, or a {@link javax.net.ssl.SSLHandshakeException} whose
     *     message names the host and the reason (untrusted certificate, wrong host name, no
     *     protocol in common...), or a {@link java.net.SocketTimeoutException} after the handshake
     *     timeout
     */
    default <P extends BaseProtocol> TransportAndProtocol<Transport, P> createConnection(Supplier<P> protocolFactory,
            String host, int port, ConnectOptions options, TlsOptions tls) throws IOException {
        return tls == null ? createConnection(protocolFactory, host, port, options)
                : Tls.createConnection(this, protocolFactory, host, port, options, tls);
    }

    /**
     * Listens for TLS connections: {@code loop.create_server(protocol_factory, host, port, ssl=...)}.
     * Each connection's protocol gets {@code connectionMade} once its handshake is done; a failed
     * handshake closes only that connection.
     *
     * @param protocolFactory makes a protocol per connection
     * @param host a host name or IP literal; {@code null} or {@code ""} for all interfaces
     * @param port the port; 0 lets the kernel choose
     * @param options backlog, SO_REUSEADDR/SO_REUSEPORT, family, ...
     * @param tls the TLS options (the context must hold the server's key), or {@code null} for plain
     * @return the server
     * @throws IOException when it cannot listen
     */
    default Server createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port,
            ServerOptions options, TlsOptions tls) throws IOException {
        return tls == null ? createServer(protocolFactory, host, port, options)
                : Tls.createServer(this, protocolFactory, host, port, options, tls);
    }

    /**
     * TLS over a Unix-domain socket: {@code loop.create_unix_connection(..., ssl=...)}. There is no
     * host to check, so {@code tls} must name the server host name (or turn the check off).
     *
     * @param protocolFactory makes the protocol
     * @param path the socket file
     * @param options the connect timeout applies
     * @param tls the TLS options, or {@code null} for plain
     * @param <P> the protocol type
     * @return the TLS transport and the protocol
     * @throws IOException as {@link #createConnection(Supplier, String, int, ConnectOptions, TlsOptions)}
     */
    default <P extends BaseProtocol> TransportAndProtocol<Transport, P> createUnixConnection(
            Supplier<P> protocolFactory, Path path, ConnectOptions options, TlsOptions tls) throws IOException {
        return tls == null ? createUnixConnection(protocolFactory, path, options)
                : Tls.createUnixConnection(this, protocolFactory, path, options, tls);
    }

    /**
     * A TLS server on a Unix-domain socket: {@code loop.create_unix_server(..., ssl=...)}.
     *
     * @param protocolFactory makes a protocol per connection
     * @param path the socket file
     * @param options backlog, start serving, cleanup
     * @param tls the TLS options, or {@code null} for plain
     * @return the server
     * @throws IOException when the server cannot listen
     */
    default Server createUnixServer(Supplier<? extends BaseProtocol> protocolFactory, Path path, ServerOptions options,
            TlsOptions tls) throws IOException {
        return tls == null ? createUnixServer(protocolFactory, path, options)
                : Tls.createUnixServer(this, protocolFactory, path, options, tls);
    }

    /**
     * Upgrades an open connection to TLS: {@code loop.start_tls(transport, protocol, sslcontext,
     * server_side=...)}. Suspends until the handshake is done. From then on {@code protocol}
     * receives plaintext and must write through the returned transport, not {@code transport}. If
     * the handshake fails (or the task is cancelled) the connection is closed.
     *
     * @param transport an open stream transport (its protocol is replaced)
     * @param protocol the application protocol (its {@code connectionMade} is not called again)
     * @param tls the TLS options; a client checking the host name needs
     *     {@link TlsOptions#serverHostname(String)}, since a transport has no host
     * @param serverSide whether this side is the TLS server
     * @return the TLS transport
     * @throws IOException a {@link javax.net.ssl.SSLHandshakeException} naming the peer and the reason
     */
    default Transport startTls(Transport transport, BaseProtocol protocol, TlsOptions tls, boolean serverSide)
            throws IOException {
        return Tls.startTls(this, transport, protocol, tls, serverSide);
    }

    /**
     * {@link #startTls(Transport, BaseProtocol, TlsOptions, boolean)} as the client, Python's default.
     *
     * @param transport an open stream transport
     * @param protocol the application protocol
     * @param tls the TLS options, with the server host name to check
     * @return the TLS transport
     * @throws IOException a {@link javax.net.ssl.SSLHandshakeException} naming the peer and the reason
     */
    default Transport startTls(Transport transport, BaseProtocol protocol, TlsOptions tls) throws IOException {
        return startTls(transport, protocol, tls, false);
    }

    // ---------------------------------------------------------------- threads and context

    /**
     * Runs {@code fn} on {@code executor} and returns a future of this loop for its outcome:
     * Python's {@code loop.run_in_executor}. Cancelling the future cancels the job (interrupting
     * its thread if it already runs). Call from the loop's context.
     *
     * @param executor where to run it; {@code null} for the loop's default executor, a pool of
     *     daemon threads created on first use and shut down by {@link Asyncio#run}
     * @param fn the job
     * @param <T> its result type
     * @return a future of this loop
     * @throws IllegalStateException if the loop is closed, or {@code executor} is {@code null} and
     *     {@link #shutdownDefaultExecutor()} was called
     */
    default <T> Future<T> runInExecutor(java.util.concurrent.Executor executor, java.util.concurrent.Callable<T> fn) {
        return io.jasyncio.internal.interop.ThreadInterop.runInExecutor(this, executor, fn);
    }

    /**
     * Replaces the executor {@code runInExecutor(null, ...)} uses: Python's
     * {@code loop.set_default_executor}.
     *
     * @param executor the new default executor
     */
    default void setDefaultExecutor(java.util.concurrent.ExecutorService executor) {
        ((io.jasyncio.internal.loop.BaseEventLoop) this).defaultExecutor().set(java.util.Objects.requireNonNull(executor));
    }

    /**
     * Stops the default executor taking jobs and suspends the current task until its threads have
     * finished, for up to 300 seconds: Python's {@code await loop.shutdown_default_executor()}.
     *
     * @throws Exception if the current task is cancelled while waiting
     */
    default void shutdownDefaultExecutor() throws Exception {
        io.jasyncio.internal.interop.ThreadInterop.shutdownDefaultExecutor(this, 300);
    }

    /**
     * Starts {@code coroutine} as a task of this loop, from any thread: Python's
     * {@code asyncio.run_coroutine_threadsafe(coro, loop)}. Cancelling the returned future cancels
     * the task; the task's exception completes it exceptionally, unchanged.
     *
     * @param coroutine the coroutine
     * @param <T> its result type
     * @return the task's outcome
     * @throws IllegalStateException if the loop is closed
     */
    default <T> java.util.concurrent.CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coroutine) {
        return io.jasyncio.internal.interop.ThreadInterop.runCoroutineThreadsafe(this, coroutine);
    }

    /**
     * @param coroutine a value-less coroutine
     * @return the task's outcome ({@code null} when it completes)
     * @throws IllegalStateException if the loop is closed
     */
    default java.util.concurrent.CompletableFuture<Void> runCoroutineThreadsafe(VoidCoroutine coroutine) {
        return io.jasyncio.internal.interop.ThreadInterop.runCoroutineThreadsafe(this, Coroutine.of(coroutine));
    }
}
