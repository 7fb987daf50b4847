package io.jasyncio.net;

/**
 * A connected transport and its protocol: the {@code (transport, protocol)} pair that Python's
 * {@code loop.create_connection} and {@code loop.create_datagram_endpoint} return.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=protocol}
 *
 * @param transport the transport
 * @param protocol the protocol the factory made for it
 * @param <T> the transport type
 * @param <P> the protocol type
 */
public record TransportAndProtocol<T extends BaseTransport, P extends BaseProtocol>(T transport, P protocol)
        implements AutoCloseable {

    /** Closes the transport. */
    @Override
    public void close() {
        transport.close();
    }
}
