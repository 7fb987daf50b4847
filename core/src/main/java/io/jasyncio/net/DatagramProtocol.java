package io.jasyncio.net;

import java.io.IOException;
import java.net.SocketAddress;

/**
 * A datagram (UDP) protocol: Python's {@code asyncio.DatagramProtocol}. Callbacks run on the loop
 * thread (see {@link BaseProtocol}).
 *
 * <p>State machine of calls:
 * <pre>
 *   start -&gt; connectionMade [-&gt; (datagramReceived | errorReceived)*] -&gt; connectionLost -&gt; end
 * </pre>
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=datagram}
 */
public interface DatagramProtocol extends BaseProtocol {

    /**
     * Called when a datagram arrives.
     *
     * @param data the datagram's bytes, in a fresh array the protocol may keep
     * @param addr the sender's address
     */
    default void datagramReceived(byte[] data, SocketAddress addr) {
    }

    /**
     * Called when a send or receive operation fails, for example with a
     * {@link java.net.PortUnreachableException} when a connected endpoint's peer has no socket on
     * its port. The endpoint stays open.
     *
     * @param exc what failed
     */
    default void errorReceived(IOException exc) {
    }
}
