package io.jasyncio.net;

/**
 * What every transport has: Python's {@code asyncio.BaseTransport}. A transport owns one socket
 * and drives one protocol.
 *
 * <p><b>Threads.</b> Transports are not thread-safe: call them from their loop's context (a task
 * of the loop, or a callback on its thread). From another thread, go through
 * {@code loop.callSoonThreadsafe}.
 *
 * <p>Extra information ({@link #getExtraInfo(String)}) known to every socket transport:
 * {@code "peername"} (the peer's {@link java.net.SocketAddress}), {@code "sockname"} (the local
 * one), {@code "socket"} (the {@link java.nio.channels.NetworkChannel}; do not read, write or
 * close it directly). A TLS transport adds {@code "sslcontext"}, {@code "sslobject"} and
 * {@code "peercert"}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=protocol}
 */
public interface BaseTransport extends AutoCloseable {

    /**
     * Returns optional information about the transport: {@code transport.get_extra_info(name)}.
     *
     * @param name the key, such as {@code "peername"}
     * @return the value, or {@code null} if unknown
     */
    default Object getExtraInfo(String name) {
        return getExtraInfo(name, null);
    }

    /**
     * @param name the key, such as {@code "peername"}
     * @param defaultValue returned when the key is unknown
     * @return the value, or {@code defaultValue}
     */
    Object getExtraInfo(String name, Object defaultValue);

    /** @return whether the transport is closing or closed */
    boolean isClosing();

    /**
     * Closes the transport: buffered data is still flushed (for writable transports), then
     * {@link BaseProtocol#connectionLost(Throwable)} is called with {@code null}. Does nothing if
     * it is already closing. Never suspends.
     */
    @Override
    void close();

    /**
     * Replaces the protocol, for example to switch to TLS; the new one receives what arrives from
     * now on, and must be of a kind this transport supports.
     *
     * @param protocol the new protocol
     */
    void setProtocol(BaseProtocol protocol);

    /** @return the current protocol */
    BaseProtocol getProtocol();
}
