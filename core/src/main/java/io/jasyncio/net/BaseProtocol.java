package io.jasyncio.net;

/**
 * What every protocol has: Python's {@code asyncio.BaseProtocol}. A protocol is the callback side
 * of a connection: its transport calls it when something happens, always on the transport's event
 * loop thread, one call at a time. A callback must not block and cannot suspend (to do either,
 * start a task with {@code Asyncio.createTask}).
 *
 * <p>Call order, for every protocol kind:
 * <pre>
 *   start -&gt; connectionMade [-&gt; ...callbacks of the kind...] -&gt; connectionLost -&gt; end
 * </pre>
 * {@link #pauseWriting()} and {@link #resumeWriting()} may come at any time between
 * {@code connectionMade} and {@code connectionLost}, strictly alternating, starting with
 * {@code pauseWriting}.
 *
 * <p>A callback that throws has its exception reported to the loop's exception handler, and its
 * connection is closed (aborted) with that exception as the cause given to
 * {@link #connectionLost(Throwable)}; the loop and its other connections keep running.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=protocol}
 */
public interface BaseProtocol {

    /**
     * Called once when the connection is made, before anything else.
     *
     * @param transport the transport of this connection (a {@link Transport} for stream protocols,
     *     a {@link DatagramTransport} for datagram protocols); keep it to write and to close
     */
    default void connectionMade(BaseTransport transport) {
    }

    /**
     * Called once when the connection is lost or closed, as the last call.
     *
     * @param exc {@code null} for a regular end (the peer closed after EOF, or {@code close()} or
     *     {@code abort()} was called); otherwise what ended it, for example the
     *     {@link java.io.IOException} of a reset connection
     */
    default void connectionLost(Throwable exc) {
    }

    /**
     * Called when the transport's write buffer grows above its high-water mark (64 KiB by
     * default): the protocol should stop producing data until {@link #resumeWriting()}.
     */
    default void pauseWriting() {
    }

    /** Called when the transport's write buffer drains to its low-water mark (16 KiB by default). */
    default void resumeWriting() {
    }
}
