package io.jasyncio.net;

import io.jasyncio.EventLoop;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

/**
 * A listening server: Python's {@code asyncio.Server}, made by {@code loop.createServer},
 * {@link Streams#startServer} and their Unix-socket variants (which throw
 * {@link java.io.IOException}s such as {@link java.net.BindException} for a port in use).
 *
 * <p>Lifecycle: created (serving at once unless {@link ServerOptions#startServing(boolean)} is
 * off) → serving → closed by {@link #close()}: the listening sockets are closed, and connections
 * already accepted stay open until they end or {@link #closeClients()} / {@link #abortClients()}
 * ends them. {@link #waitClosed()} returns once the server is closed <em>and</em> it has no
 * connection left (Python 3.12+ semantics).
 *
 * <p>Threads: loop context only. {@link #close()} does not suspend, so the server works in
 * try-with-resources; inside a task, follow it with {@link #waitClosed()} to wait for the
 * connections.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=streams}
 */
public interface Server extends AutoCloseable {

    /** @return the loop this server runs on */
    EventLoop getLoop();

    /**
     * Stops listening: closes the listening sockets (a Unix server also removes its socket file,
     * unless told not to) and cancels a running {@link #serveForever()}. Accepted connections stay
     * open. Does nothing if already closed.
     */
    @Override
    void close();

    /** Closes every connection this server accepted (their buffers are flushed first). */
    void closeClients();

    /** Aborts every connection this server accepted (buffers dropped). */
    void abortClients();

    /** @return whether the server is accepting connections */
    boolean isServing();

    /**
     * Starts accepting connections, if not already. Does not suspend.
     *
     * @throws IllegalStateException if the server is closed
     */
    void startServing();

    /**
     * Accepts connections until the calling task is cancelled, then closes the server, waits for
     * {@link #waitClosed()} and rethrows the {@link io.jasyncio.CancelledError}. Suspends the
     * calling task.
     *
     * @throws IllegalStateException if the server is closed or another task already serves forever
     */
    void serveForever();

    /**
     * Suspends the calling task until the server is closed and all its connections have ended.
     * Returns at once if that is already so.
     */
    void waitClosed();

    /**
     * @return the listening sockets (empty once closed). Use them for their addresses and options:
     *     do not accept on them or close them.
     */
    List<ServerSocketChannel> sockets();

    /**
     * @return the port of the first listening TCP socket (the one the kernel chose for port 0)
     * @throws IllegalStateException if the server is closed or listens on a Unix socket
     */
    int port();

    /** @return the number of accepted connections that have not ended yet */
    int activeConnections();
}
