package io.jasyncio.net;

import java.nio.ByteBuffer;

/**
 * A stream protocol (TCP, Unix-domain sockets): Python's {@code asyncio.Protocol}. Implement it and
 * give a factory of it to {@code loop.createConnection} or {@code loop.createServer}; each
 * connection gets its own instance. Every callback runs on the loop thread (see
 * {@link BaseProtocol} for the threading and error rules).
 *
 * <p>State machine of calls:
 * <pre>
 *   start -&gt; connectionMade [-&gt; dataReceived*] [-&gt; eofReceived?] -&gt; connectionLost -&gt; end
 * </pre>
 *
 * <p><b>Receiving data.</b> The transport calls {@link #dataReceived(ByteBuffer)} with a
 * read-only view of the loop's reused, direct read buffer: nothing is copied, and the view is
 * valid <em>only during the call</em>: copy what you keep (or call {@code transport.write(view)},
 * which writes straight from it and copies only what the socket did not take). The default
 * implementation copies the bytes into a new array and calls {@link #dataReceived(byte[])}, so a
 * protocol that wants Python's semantics (a fresh {@code bytes} object per call) overrides that one
 * instead. Override one of the two.
 *
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=protocol}
 */
public interface Protocol extends BaseProtocol {

    /**
     * Called with the bytes that arrived. The buffer's content between position and limit is the
     * data; it is a read-only view, valid only until this method returns.
     *
     * @param data the bytes received (never empty)
     */
    default void dataReceived(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        dataReceived(copy);
    }

    /**
     * Called with the bytes that arrived, in a fresh array the protocol may keep; called only by
     * the default {@link #dataReceived(ByteBuffer)}.
     *
     * @param data the bytes received (never empty)
     */
    default void dataReceived(byte[] data) {
    }

    /**
     * Called when the peer has finished sending (it closed or half-closed the connection).
     *
     * @return {@code false} (the default) to have the transport close itself; {@code true} to keep
     *     it half-open, so that this side can still write, and then close it yourself
     */
    default boolean eofReceived() {
        return false;
    }
}
