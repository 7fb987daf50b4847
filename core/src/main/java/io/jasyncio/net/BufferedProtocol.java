package io.jasyncio.net;

import java.nio.ByteBuffer;

/**
 * A stream protocol that supplies its own receive buffer: Python's
 * {@code asyncio.BufferedProtocol}. The transport reads from the socket straight into the buffer
 * that {@link #getBuffer(int)} returns, then reports how many bytes arrived with
 * {@link #bufferUpdated(int)}: no intermediate copy. Callbacks run on the loop thread.
 *
 * <p>State machine of calls:
 * <pre>
 *   start -&gt; connectionMade [-&gt; getBuffer -&gt; bufferUpdated]* [-&gt; eofReceived?] -&gt; connectionLost -&gt; end
 * </pre>
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=bufferedProtocol}
 */
public interface BufferedProtocol extends BaseProtocol {

    /**
     * Returns the buffer to read into: the bytes go between its position and limit, and the
     * transport advances its position by the number read. It must have room for at least one byte.
     *
     * @param sizeHint the size the transport would like, or {@code -1} for no preference
     * @return a buffer with at least one byte remaining (a direct buffer avoids a copy in the JDK)
     */
    ByteBuffer getBuffer(int sizeHint);

    /**
     * Called after bytes were written into the buffer returned by {@link #getBuffer(int)}.
     *
     * @param nbytes how many bytes were written (at least one)
     */
    void bufferUpdated(int nbytes);

    /**
     * Called when the peer has finished sending.
     *
     * @return {@code true} to keep the transport half-open, {@code false} (the default) to close it
     * @see Protocol#eofReceived()
     */
    default boolean eofReceived() {
        return false;
    }
}
