package io.jasyncio.net;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * TLS for a connection or a server: Python's {@code ssl=} argument and its companions
 * ({@code server_hostname}, {@code ssl_handshake_timeout}, {@code ssl_shutdown_timeout}), as an
 * immutable value with "withers":
 * {@code TlsOptions.of(context).alpnProtocols("h2", "http/1.1").handshakeTimeout(Duration.ofSeconds(5))}.
 * Give it to {@code loop.createConnection}, {@code loop.createServer}, {@code loop.startTls},
 * {@link Streams#openConnection(String, int, ConnectOptions, TlsOptions)},
 * {@link Streams#startServer(ConnectionHandler, String, int, ServerOptions, TlsOptions)} or
 * {@link StreamWriter#startTls(TlsOptions)}.
 *
 * <p><b>Verification is on by default.</b> The {@link SSLContext}'s trust managers check the
 * peer's certificate chain (the JDK default context trusts the JDK's CA store). A client also
 * checks that the certificate is for the host it wanted ({@code HTTPS} endpoint identification,
 * RFC 2818): the server host name is the {@code host} given to {@code createConnection} unless
 * {@link #serverHostname(String)} says otherwise, and it is sent as SNI unless it is an IP
 * literal. Turning the name check off needs {@link #checkHostname(boolean) checkHostname(false)},
 * as Python's {@code check_hostname = False}; trusting any certificate needs a context whose
 * trust manager does so: jasyncio has no switch for that.
 *
 * <p>Defaults (CPython's): a 60 s handshake timeout, a 30 s shutdown timeout (after sending
 * close_notify, how long to wait for the peer's before aborting), no ALPN, the context's default
 * protocols and cipher suites.
 *
 * <p>Immutable and thread-safe; the {@link SSLContext}, the engine configurator and the handshake
 * executor are shared by every connection made with these options.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=tls}
 */
public final class TlsOptions {

    /** CPython's {@code SSL_HANDSHAKE_TIMEOUT}: 60 s. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);
    /** CPython's {@code SSL_SHUTDOWN_TIMEOUT}: 30 s. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final SSLContext context;
    private final String serverHostname;
    private final boolean checkHostname;
    private final List<String> alpnProtocols;
    private final Duration handshakeTimeout;
    private final Duration shutdownTimeout;
    private final Consumer<SSLEngine> engineConfigurator;
    private final Executor handshakeExecutor;

    private TlsOptions(SSLContext context, String serverHostname, boolean checkHostname, List<String> alpnProtocols,
            Duration handshakeTimeout, Duration shutdownTimeout, Consumer<SSLEngine> engineConfigurator,
            Executor handshakeExecutor) {
        this.context = context;
        this.serverHostname = serverHostname;
        this.checkHostname = checkHostname;
        this.alpnProtocols = alpnProtocols;
        this.handshakeTimeout = handshakeTimeout;
        this.shutdownTimeout = shutdownTimeout;
        this.engineConfigurator = engineConfigurator;
        this.handshakeExecutor = handshakeExecutor;
    }

    /**
     * @param context the context engines are made from: its key managers give this side's
     *     certificate (required for a server), its trust managers verify the peer's
     * @return options with that context and the defaults
     */
    public static TlsOptions of(SSLContext context) {
        return new TlsOptions(Objects.requireNonNull(context, "context"), null, true, List.of(),
                DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT, null, null);
    }

    /**
     * Python's {@code ssl=True} ({@code ssl.create_default_context()}): the JDK's default context,
     * which trusts the JDK's CA store and has no client certificate.
     *
     * @return options with {@link SSLContext#getDefault()}
     * @throws IllegalStateException if the JDK has no default TLS context
     */
    public static TlsOptions defaults() {
        try {
            return of(SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /** @return the context engines are made from */
    public SSLContext context() {
        return context;
    }

    /**
     * @return the host name a client checks the server's certificate against and sends as SNI;
     *     {@code null} means the host it connects to, {@code ""} means none
     */
    public String serverHostname() {
        return serverHostname;
    }

    /**
     * Python's {@code server_hostname}: the name to verify and send as SNI, when it differs from
     * the host connected to (for example when connecting to an IP address, or over
     * {@code startTls}, where there is no host). {@code ""} sends no SNI and needs
     * {@code checkHostname(false)}. Clients only; a server ignores it.
     *
     * @param hostname the name, {@code ""} for none, or {@code null} for the host connected to
     * @return a copy with that name
     */
    public TlsOptions serverHostname(String hostname) {
        return new TlsOptions(context, hostname, checkHostname, alpnProtocols, handshakeTimeout, shutdownTimeout,
                engineConfigurator, handshakeExecutor);
    }

    /** @return whether a client checks that the server's certificate is for the server host name */
    public boolean checkHostname() {
        return checkHostname;
    }

    /**
     * Python's {@code SSLContext.check_hostname}. Turning it off still verifies the certificate
     * chain (with the context's trust managers) but accepts a certificate for any name: anyone
     * holding a certificate from a trusted CA can then impersonate the server.
     *
     * @param on whether to check the host name (default true)
     * @return a copy with that setting
     */
    public TlsOptions checkHostname(boolean on) {
        return new TlsOptions(context, serverHostname, on, alpnProtocols, handshakeTimeout, shutdownTimeout,
                engineConfigurator, handshakeExecutor);
    }

    /** @return the ALPN protocols offered (client) or accepted (server), in preference order */
    public List<String> alpnProtocols() {
        return alpnProtocols;
    }

    /**
     * ALPN, Python's {@code set_alpn_protocols}: a client offers these; a server selects the first
     * of its own list that the client also offers (and refuses the handshake, with the
     * {@code no_application_protocol} alert, when there is none: the JDK's behaviour). The result
     * is {@code transport.getExtraInfo("alpn_protocol")}.
     *
     * @param protocols the protocol names, such as {@code "h2"} and {@code "http/1.1"}
     * @return a copy with those protocols
     */
    public TlsOptions alpnProtocols(String... protocols) {
        return alpnProtocols(List.of(protocols));
    }

    /**
     * @param protocols the protocol names, in preference order
     * @return a copy with those protocols
     * @see #alpnProtocols(String...)
     */
    public TlsOptions alpnProtocols(List<String> protocols) {
        List<String> copy = List.copyOf(protocols);
        for (String p : copy) {
            if (p.isEmpty() || p.length() > 255) {
                throw new IllegalArgumentException("an ALPN protocol name must have 1 to 255 characters: '" + p + "'");
            }
        }
        return new TlsOptions(context, serverHostname, checkHostname, copy, handshakeTimeout, shutdownTimeout,
                engineConfigurator, handshakeExecutor);
    }

    /** @return the longest the handshake may take */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * Python's {@code ssl_handshake_timeout}: past it the connection is aborted and the handshake
     * fails with a {@link java.net.SocketTimeoutException}.
     *
     * @param timeout a positive duration (default 60 s)
     * @return a copy with that timeout
     */
    public TlsOptions handshakeTimeout(Duration timeout) {
        return new TlsOptions(context, serverHostname, checkHostname, alpnProtocols, positive(timeout, "handshake"),
                shutdownTimeout, engineConfigurator, handshakeExecutor);
    }

    /** @return the longest a TLS close waits for the peer's close_notify */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * Python's {@code ssl_shutdown_timeout}: after {@code close()} has sent close_notify, how long
     * to wait for the peer's before aborting the connection (the protocol's {@code connectionLost}
     * then gets a {@link java.net.SocketTimeoutException}). A peer that never answers cannot hang
     * a close.
     *
     * @param timeout a positive duration (default 30 s)
     * @return a copy with that timeout
     */
    public TlsOptions shutdownTimeout(Duration timeout) {
        return new TlsOptions(context, serverHostname, checkHostname, alpnProtocols, handshakeTimeout,
                positive(timeout, "shutdown"), engineConfigurator, handshakeExecutor);
    }

    /** @return the engine configurator, or {@code null} */
    public Consumer<SSLEngine> engineConfigurator() {
        return engineConfigurator;
    }

    /**
     * A hook for what these options do not cover (client authentication with
     * {@code setNeedClientAuth}, protocol versions, cipher suites, an ALPN selector...): called on
     * each new engine after jasyncio has configured it (client or server mode, SNI, host name
     * check, ALPN) and before the handshake starts, on the loop thread. An exception it throws
     * fails the handshake.
     *
     * @param configurator what to do with each engine, or {@code null}
     * @return a copy with that hook
     */
    public TlsOptions engineConfigurator(Consumer<SSLEngine> configurator) {
        return new TlsOptions(context, serverHostname, checkHostname, alpnProtocols, handshakeTimeout,
                shutdownTimeout, configurator, handshakeExecutor);
    }

    /** @return where the engine's delegated tasks run, or {@code null} for the loop thread */
    public Executor handshakeExecutor() {
        return handshakeExecutor;
    }

    /**
     * Where the engine's delegated tasks run ({@code SSLEngine.getDelegatedTask()}: during a
     * handshake, checking the peer's certificate chain and computing the key exchange and
     * signatures). By default ({@code null}) they run on the loop thread, as CPython runs OpenSSL's
     * handshake. Measured on this project's shared 2-core VM (JDK 25, TLS 1.3, ECDSA P-256
     * certificates; the program is {@code TlsHandshakeCost} in the core tests): the tasks cost
     * about 1.2 to 1.7 ms of CPU per client handshake and 0.9 to 1.6 ms per server handshake, while
     * the rest of the handshake ({@code wrap}/{@code unwrap}, which must run on the loop) costs
     * about 0.15 ms; so inline, each handshake holds the loop up for a millisecond or more. Handing
     * the tasks to an executor frees the loop meanwhile, for two thread hops per batch of tasks;
     * one loop serving both ends of 16 concurrent handshake loops completed about as many
     * handshakes per second either way (500 to 670 per second, neither mode consistently ahead on
     * this busy machine). Give an executor when spare cores exist and the loop's other connections
     * must not wait behind bursts of handshakes. Its threads must not be virtual
     * threads started from a task (they would inherit the task's scheduler, its loop): a pool of
     * platform threads, or {@code ForkJoinPool.commonPool()}. The connection does not touch its
     * engine until the tasks are done; results come back through {@code callSoonThreadsafe}.
     *
     * @param executor the executor, or {@code null} to run the tasks on the loop thread
     * @return a copy with that executor
     */
    public TlsOptions handshakeExecutor(Executor executor) {
        return new TlsOptions(context, serverHostname, checkHostname, alpnProtocols, handshakeTimeout,
                shutdownTimeout, engineConfigurator, executor);
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what + " timeout");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " timeout must be positive: " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "TlsOptions[context=" + context.getProtocol() + "/" + context.getProvider().getName()
                + ", serverHostname=" + serverHostname + ", checkHostname=" + checkHostname + ", alpnProtocols="
                + alpnProtocols + ", handshakeTimeout=" + handshakeTimeout + ", shutdownTimeout=" + shutdownTimeout
                + (engineConfigurator != null ? ", engineConfigurator=" + engineConfigurator : "")
                + (handshakeExecutor != null ? ", handshakeExecutor=" + handshakeExecutor : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsOptions t && context == t.context && Objects.equals(serverHostname, t.serverHostname)
                && checkHostname == t.checkHostname && alpnProtocols.equals(t.alpnProtocols)
                && handshakeTimeout.equals(t.handshakeTimeout) && shutdownTimeout.equals(t.shutdownTimeout)
                && Objects.equals(engineConfigurator, t.engineConfigurator)
                && Objects.equals(handshakeExecutor, t.handshakeExecutor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(context), serverHostname, checkHostname, alpnProtocols,
                handshakeTimeout, shutdownTimeout, engineConfigurator, handshakeExecutor);
    }
}
