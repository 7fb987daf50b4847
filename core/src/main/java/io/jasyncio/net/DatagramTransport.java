package io.jasyncio.net;

import java.net.SocketAddress;

/**
 * A datagram (UDP) transport: Python's {@code asyncio.DatagramTransport}. Loop context only (see
 * {@link BaseTransport}). Sends are tried at once; a datagram the socket cannot take now is queued
 * (counted by {@link #getWriteBufferSize()}, with the same flow-control callbacks as stream
 * transports). Failures of sends and receives go to the protocol's
 * {@link DatagramProtocol#errorReceived(java.io.IOException)}; the endpoint stays open.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=datagram}
 */
public interface DatagramTransport extends BaseTransport {

    /**
     * Sends one datagram.
     *
     * @param data the datagram
     * @param addr where to send it; {@code null} for the connected peer
     * @throws IllegalArgumentException if the endpoint is connected and {@code addr} is another
     *     address, or if it is not connected and {@code addr} is {@code null}
     */
    void sendto(byte[] data, SocketAddress addr);

    /**
     * Sends one datagram to the connected peer.
     *
     * @param data the datagram
     */
    default void sendto(byte[] data) {
        sendto(data, null);
    }

    /** Closes at once, dropping queued datagrams. */
    void abort();

    /** @return how many bytes of queued datagrams wait for the socket */
    long getWriteBufferSize();
}
